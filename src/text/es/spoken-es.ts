// Spanish written forms -> what a Spanish newsreader says. The semiotic classes (classes/*.ts, weighed in
// classify.ts) each replace one written span, so the subtitle keeps "1.250.000 €" while the voice says the words.
import type { SpokenTextBuilder } from '../spoken-text.ts';
import type { SpokenOptions } from '../spoken-form.ts';
import { classify } from './classify.ts';
import { spanishLocale } from './locales.ts';
import { withTextNumberStyle } from './number-style.ts';

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

interface Piece {
  start: number;
  end: number;
  /** The spoken form of a rewritten span; undefined where the written text is kept as it is. */
  spoken: string | undefined;
}

/**
 * The written range cut into kept text and rewrites, each rewrite spaced from what is said around it: "3a" must
 * not become "tresa", two symbols side by side must not become "gradosgrados", and a rewrite said as nothing must
 * not glue the words on either side together.
 */
function pieces(written: string, from: number, to: number, options: SpokenOptions): Piece[] {
  const result: Piece[] = [];
  let cursor = from;
  let lastSaid = written[from - 1] ?? ' ';
  const tokens = classify(written, from, to, withTextNumberStyle(spanishLocale(options.locale), written));
  tokens.forEach((token, index) => {
    if (token.start > cursor) {
      result.push({ start: cursor, end: token.start, spoken: undefined });
      lastSaid = written[token.start - 1]!;
    }
    let spoken = token.spoken;
    if (WORD_CHARACTER.test(lastSaid) && WORD_CHARACTER.test(spoken[0] ?? ' ')) spoken = ` ${spoken}`;
    const nextIsToken = tokens[index + 1]?.start === token.end;
    if ((nextIsToken || WORD_CHARACTER.test(written[token.end] ?? '')) && WORD_CHARACTER.test(spoken.at(-1) ?? ' ')) spoken = `${spoken} `;
    result.push({ start: token.start, end: token.end, spoken });
    lastSaid = spoken.at(-1) ?? lastSaid;
    cursor = token.end;
  });
  if (to > cursor) result.push({ start: cursor, end: to, spoken: undefined });
  return result;
}

export function speakSpanish(written: string, builder: SpokenTextBuilder, from: number, to: number, options: SpokenOptions = {}): void {
  for (const piece of pieces(written, from, to, options)) {
    if (piece.spoken === undefined) builder.keep(piece.start, piece.end);
    else builder.replace(piece.start, piece.end, piece.spoken);
  }
}

/** The spoken form of a Spanish text, as a plain string (for tests, reports and the benchmark). */
export function spokenSpanish(written: string, options: SpokenOptions = {}): string {
  return pieces(written, 0, written.length, options)
    .map((piece) => piece.spoken ?? written.slice(piece.start, piece.end))
    .join('');
}
