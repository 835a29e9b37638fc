// Phrases -> subtitle cues by common timed-text rules: at most two lines of 42 characters, lines and cues cut
// after punctuation or before a conjunction or preposition (never between an article and its noun), cues of
// 5/6 s to 7 s, at most 17 characters per second where the speech leaves room, and two video frames between cues.
import type { Cue, TimedSpan } from '../contract/narration.ts';
import type { BreakStrength } from '../contract/pipeline.ts';
import { cutPenalty, evenness } from '../text/cut-points.ts';
import { segment } from '../text/packing.ts';
import { spanOfWords, type TimedWordLike } from './spans.ts';

export interface CueRules {
  maxLineChars: number;
  minDurationMs: number;
  maxDurationMs: number;
  maxCharsPerSecond: number;
  minGapFrames: number;
  fps: number;
}

export const DEFAULT_CUE_RULES: CueRules = {
  maxLineChars: 42,
  minDurationMs: 5000 / 6,
  maxDurationMs: 7000,
  maxCharsPerSecond: 17,
  minGapFrames: 2,
  fps: 30,
};

export interface CueWord extends TimedWordLike {
  text: string;
  breakAfter: BreakStrength;
}

function cueText(text: string, words: readonly CueWord[]): string {
  return spanOfWords(text, words).text.replace(/\s+/g, ' ');
}

/** Break a cue's text into lines: one if it fits, else two, at the best-scored break between two words. */
export function breakLines(text: string, words: readonly CueWord[], rules: CueRules = DEFAULT_CUE_RULES): string[] {
  const whole = cueText(text, words);
  if (whole.length <= rules.maxLineChars || words.length < 2) return [whole];
  let best: { lines: string[]; score: number } | undefined;
  for (let split = 1; split < words.length; split++) {
    const first = cueText(text, words.slice(0, split));
    const second = cueText(text, words.slice(split));
    let score = -Math.abs(first.length - second.length) - cutPenalty(words[split - 1]!, words[split]!);
    if (first.length > rules.maxLineChars || second.length > rules.maxLineChars) score -= 1000;
    if (!best || score > best.score) best = { lines: [first, second], score };
  }
  return best!.lines;
}

/** Split each phrase into cue-sized runs of words, then time the cues. */
export function buildCues(text: string, phrases: readonly TimedSpan[], words: readonly CueWord[], rules: CueRules = DEFAULT_CUE_RULES): Cue[] {
  // A run fits when its lines fit and its speech lasts no longer than a cue may.
  const fits = (run: readonly CueWord[]): number =>
    Math.max(
      ...breakLines(text, run, rules).map((line) => line.length / rules.maxLineChars),
      (run.at(-1)!.endMs - run[0]!.startMs) / rules.maxDurationMs,
    );
  // Cues too short to read, or a scrap of a few characters, count against a cut.
  const runPenalty = (run: readonly CueWord[]): number => {
    const chars = cueText(text, run).length;
    return (run.at(-1)!.endMs - run[0]!.startMs < rules.minDurationMs ? 60 : 0) + (chars < 20 ? 30 : 0) + evenness(chars / (2 * rules.maxLineChars));
  };
  const runs = phrases.flatMap((phrase) => {
    const phraseWords = words.filter((word) => word.charStart >= phrase.charStart && word.charEnd <= phrase.charEnd);
    return phraseWords.length === 0 ? [] : segment(phraseWords, fits, cutPenalty, runPenalty);
  });
  const gapMs = (rules.minGapFrames * 1000) / rules.fps;
  return runs.map((run, index) => {
    const span = spanOfWords(text, run);
    const lines = breakLines(text, run, rules);
    const chars = lines.join(' ').length;
    const wanted = Math.min(rules.maxDurationMs, Math.max(rules.minDurationMs, (chars * 1000) / rules.maxCharsPerSecond));
    const next = runs[index + 1];
    const latestEnd = next ? next[0]!.startMs - gapMs : Number.POSITIVE_INFINITY;
    const endMs = Math.max(span.startMs, Math.min(Math.max(span.endMs, span.startMs + wanted), latestEnd));
    return { startMs: span.startMs, endMs: round(endMs), lines, charStart: span.charStart, charEnd: span.charEnd };
  });
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
