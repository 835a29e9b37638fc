// What a tagger may read around its match: the words before and after it, in the whole written text.
import { readMap } from './data.ts';
import type { SpanishLocale } from './locales.ts';

export interface Context {
  /** The whole written text the match is in. */
  readonly text: string;
  /** The match's span in `text`. */
  readonly start: number;
  readonly end: number;
  readonly locale: SpanishLocale;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** Up to `count` words just before the match, lowercased, nearest last; stops at a sentence end. */
export function wordsBefore(context: Context, count: number): string[] {
  const before = context.text.slice(Math.max(0, context.start - 80), context.start);
  const sentence = before.split(/[.!?…]\s|\n/u).at(-1) ?? '';
  return (sentence.match(WORD) ?? []).slice(-count).map((word) => word.toLowerCase());
}

/** The words of the sentence the match is in, lowercased (up to 200 characters either side). */
export function sentenceWords(context: Context): string[] {
  const before =
    context.text
      .slice(Math.max(0, context.start - 200), context.start)
      .split(/[.!?…]\s|\n/u)
      .at(-1) ?? '';
  const after = context.text.slice(context.end, context.end + 200).split(/[.!?…](?:\s|$)|\n/u)[0] ?? '';
  return [...(before.match(WORD) ?? []), ...(after.match(WORD) ?? [])].map((word) => word.toLowerCase());
}

/** The word just after the match (spaces only between), lowercased, or undefined. */
export function wordAfter(context: Context): string | undefined {
  return /^\s+([\p{L}\p{M}]+)/u.exec(context.text.slice(context.end, context.end + 60))?.[1]?.toLowerCase();
}

/**
 * The word after a list of raised-mark ordinals the match opens or continues: "año" for the "1°" and the "2°" of
 * "1°, 2° y 3° año", all of which number it; the plain word after the match when no list follows (or the word
 * written against it: "3°año").
 */
export function wordAfterOrdinalList(context: Context): string | undefined {
  const list = /^(?:\s?(?:,|y|e|o|u)\s?\d{1,3}\s?[°º](?!\p{N}))*\s*([\p{L}\p{M}]+)/u.exec(context.text.slice(context.end, context.end + 60));
  return list?.[1]?.toLowerCase();
}

/** Whether "de" and a month follow the match, with or without a space before it: "1° de enero", "1°de mayo". */
export function dayOfMonth(context: Context): boolean {
  const month = /^\s*de\s+(\p{L}+)/u.exec(textAfter(context))?.[1];
  return month !== undefined && readMap('months.tsv').has(month.toLowerCase());
}

/** The text just after the match (for look-ahead on punctuation and sentence ends). */
export function textAfter(context: Context, length = 60): string {
  return context.text.slice(context.end, context.end + length);
}

const SENTENCE_FOLLOWS = /^(?:\s+[\p{Lu}¿¡«"“(]|\s*$)/u;

/**
 * Whether a match ending in an abbreviation's period ("hs.", "etc.") also ends the sentence, so keeps its stop.
 * Inside an open parenthesis it does not: "(dpto. San Martín)" goes on to its name.
 */
export function endsSentence(written: string, context: Context): boolean {
  const before = context.text.slice(Math.max(0, context.start - 200), context.start);
  if (before.lastIndexOf('(') > before.lastIndexOf(')')) return false;
  return written.endsWith('.') && SENTENCE_FOLLOWS.test(textAfter(context));
}
