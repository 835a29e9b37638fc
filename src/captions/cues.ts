// Phrases -> subtitle cues by common timed-text rules: at most two lines of 42 characters, lines broken after
// punctuation or before a conjunction or preposition (never between an article and its noun), cues of 5/6 s
// to 7 s, at most 17 characters per second where the speech leaves room, and two video frames between cues.
import type { Cue, TimedSpan } from '../contract/narration.ts';
import type { BreakStrength } from '../contract/pipeline.ts';
import { packBalanced } from '../text/packing.ts';
import { spanOfWords, type TimedWordLike } from '../timing/spans.ts';

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
  breakAfter: BreakStrength;
}

// Words a line may start with (conjunctions, prepositions) and words a line must not end with (articles,
// determiners, which belong with their noun): Spanish first, then the other Kokoro languages' commonest.
const GOOD_LINE_STARTS = new Set(
  ('y e o u ni pero que porque aunque sino pues como cuando donde si a ante bajo con contra de del desde durante en entre ' +
    'hacia hasta mediante para por según sin sobre tras al and or but because that which of in on at to for with from by ' +
    'et ou mais donc que qui dans sur pour avec sans par de des du e ma che di da con per tra fra em para com sem por')
    .split(' '),
);
const NEVER_LINE_ENDS = new Set(
  ('el la los las un una unos unas lo al del su sus mi mis tu tus este esta estos estas ese esa esos esas aquel aquella ' +
    'nuestro nuestra cada otro otra the a an this that these those my your his her its our their le la les un une des ce cette ' +
    'il lo gli i uno o os as um uma')
    .split(' '),
);

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
    const lastWord = text.slice(words[split - 1]!.charStart, words[split - 1]!.charEnd).toLowerCase();
    const nextWord = text.slice(words[split]!.charStart, words[split]!.charEnd).toLowerCase();
    let score = -Math.abs(first.length - second.length);
    if (first.length > rules.maxLineChars || second.length > rules.maxLineChars) score -= 1000;
    if (words[split - 1]!.breakAfter !== 'none') score += 40;
    else if (GOOD_LINE_STARTS.has(nextWord)) score += 20;
    if (NEVER_LINE_ENDS.has(lastWord)) score -= 500;
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
  const runs = phrases.flatMap((phrase) => {
    const phraseWords = words.filter((word) => word.charStart >= phrase.charStart && word.charEnd <= phrase.charEnd);
    return phraseWords.length === 0 ? [] : packBalanced(phraseWords, fits, 1, 'clause');
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
