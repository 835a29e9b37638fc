// SRT and WebVTT differ only in the header, the cue numbers, the decimal mark and how cue text is escaped.
import type { Cue } from '../contract/narration.ts';

function clock(ms: number, decimalMark: ',' | '.'): string {
  const total = Math.round(ms);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${decimalMark}${pad(total % 1000, 3)}`;
}

// Article text is a stranger's: a "-->" would read as a timing line, a "<" as a tag, an empty line would end the cue.
// WebVTT has entities for these; SRT has none, so its players are given look-alike characters instead.
function vttText(line: string): string {
  return line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function srtText(line: string): string {
  return line.replaceAll('-->', '–>').replaceAll('<', '‹');
}

function cueText(lines: readonly string[], escapeLine: (line: string) => string): string {
  return lines
    .flatMap((line) => line.split(/\r\n|\r|\n/))
    .map((line) => escapeLine(line.trim()))
    .filter((line) => line !== '')
    .join('\n');
}

export function toSrt(cues: readonly Cue[]): string {
  return cues
    .map((cue, index) => `${index + 1}\n${clock(cue.startMs, ',')} --> ${clock(cue.endMs, ',')}\n${cueText(cue.lines, srtText)}\n`)
    .join('\n');
}

export function toWebVtt(cues: readonly Cue[]): string {
  return `WEBVTT\n\n${cues.map((cue) => `${clock(cue.startMs, '.')} --> ${clock(cue.endMs, '.')}\n${cueText(cue.lines, vttText)}\n`).join('\n')}`;
}
