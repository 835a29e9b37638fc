// SRT and WebVTT differ only in the header, the cue numbers and the decimal mark.
import type { Cue } from '../contract/narration.ts';

function clock(ms: number, decimalMark: ',' | '.'): string {
  const total = Math.round(ms);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${decimalMark}${pad(total % 1000, 3)}`;
}

export function toSrt(cues: readonly Cue[]): string {
  return cues.map((cue, index) => `${index + 1}\n${clock(cue.startMs, ',')} --> ${clock(cue.endMs, ',')}\n${cue.lines.join('\n')}\n`).join('\n');
}

export function toWebVtt(cues: readonly Cue[]): string {
  return `WEBVTT\n\n${cues.map((cue) => `${clock(cue.startMs, '.')} --> ${clock(cue.endMs, '.')}\n${cue.lines.join('\n')}\n`).join('\n')}`;
}
