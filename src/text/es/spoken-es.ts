// Spanish written forms -> what a Spanish newsreader says. The semiotic classes (classes/*.ts, weighed in
// classify.ts) each replace one written span, so the subtitle keeps "1.250.000 €" while the voice says the words.
import type { SpokenTextBuilder } from '../spoken-text.ts';
import type { SpokenOptions } from '../spoken-form.ts';
import { classify, type Token } from './classify.ts';
import { spanishLocale } from './locales.ts';

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The spoken form of a token, spaced from the words around it: "3a" must not become "tresa", and a replacement
 * said as nothing must not glue the words on either side together.
 */
function spaced(token: Token, written: string): string {
  let spoken = token.spoken;
  if (WORD_CHARACTER.test(written[token.start - 1] ?? '') && WORD_CHARACTER.test(spoken[0] ?? ' ')) spoken = ` ${spoken}`;
  if (WORD_CHARACTER.test(written[token.end] ?? '') && WORD_CHARACTER.test(spoken.at(-1) ?? ' ')) spoken = `${spoken} `;
  return spoken;
}

export function speakSpanish(written: string, builder: SpokenTextBuilder, from: number, to: number, options: SpokenOptions = {}): void {
  let cursor = from;
  for (const token of classify(written, from, to, spanishLocale(options.locale))) {
    builder.keep(cursor, token.start);
    builder.replace(token.start, token.end, spaced(token, written));
    cursor = token.end;
  }
  builder.keep(cursor, to);
}

/** The spoken form of a Spanish text, as a plain string (for tests, reports and the benchmark). */
export function spokenSpanish(written: string, options: SpokenOptions = {}): string {
  let spoken = '';
  let cursor = 0;
  for (const token of classify(written, 0, written.length, spanishLocale(options.locale))) {
    spoken += written.slice(cursor, token.start) + spaced(token, written);
    cursor = token.end;
  }
  return spoken + written.slice(cursor);
}
