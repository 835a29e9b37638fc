// Timed words -> the timed spans of the contract (words, phrases, sentences), in milliseconds.
import type { TimedSpan } from '../contract/narration.ts';

export interface TimedWordLike {
  charStart: number;
  charEnd: number;
  startMs: number;
  endMs: number;
}

const OPENING_MARK = /[¿¡(“«"'‘]/u;
const CLOSING_MARK = /[^\s\p{L}\p{N}¿¡(“«]/u;

/** Extend a span's start over the punctuation that opens it ("¿Qué" keeps its "¿"). */
export function startOverOpeningPunctuation(text: string, charStart: number): number {
  let start = charStart;
  while (start > 0 && OPENING_MARK.test(text[start - 1]!)) start--;
  return start;
}

/** Extend a span's end over the punctuation that closes it ("dijo»." keeps its "».") */
export function endOverClosingPunctuation(text: string, charEnd: number): number {
  let end = charEnd;
  while (end < text.length && CLOSING_MARK.test(text[end]!)) end++;
  return end;
}

/** The span of consecutive words; with `withPunctuation`, the marks that open and close it are included. */
export function spanOfWords(text: string, words: readonly TimedWordLike[], withPunctuation = true): TimedSpan {
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) throw new Error('a span needs at least one word');
  const charStart = withPunctuation ? startOverOpeningPunctuation(text, first.charStart) : first.charStart;
  const charEnd = withPunctuation ? endOverClosingPunctuation(text, last.charEnd) : last.charEnd;
  return { text: text.slice(charStart, charEnd), startMs: first.startMs, endMs: last.endMs, charStart, charEnd };
}
