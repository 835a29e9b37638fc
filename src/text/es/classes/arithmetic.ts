// Arithmetic written inline: "2 + 2 - 1 = 3" -> "dos más dos menos uno es igual a tres" (NeMo files it under
// measures), and products ("2x1"). Only a whole expression with "=" is taken, so a hyphen between two numbers
// stays a range.
import { cardinal } from '../numbers.ts';
import { fixed, type Tagger } from '../tagger.ts';

const OPERATORS: Readonly<Record<string, string>> = {
  '+': 'más',
  '-': 'menos',
  '−': 'menos',
  '×': 'por',
  '*': 'por',
  '÷': 'entre',
  '/': 'entre',
  '=': 'es igual a',
};

export const arithmeticTagger: Tagger = {
  semioticClass: 'measure',
  // At most eight terms: unbounded, a long "1-1-1…" with no "=" was read to its end from each of its numbers.
  pattern: fixed(/(?<![\p{L}\p{N}])\d+(?:\s?[+\-−×*÷/]\s?\d+){1,7}\s?=\s?\d+(?![\p{L}\p{N}])/gu),
  read: ([written]) => (written!.match(/\d+|[+\-−×*÷/=]/g) ?? []).map((part) => OPERATORS[part] ?? cardinal(BigInt(part))).join(' '),
};

/** Products and offers written with an x: "2x1" -> "dos por uno", "4 × 100" -> "cuatro por cien". */
export const productTagger: Tagger = {
  semioticClass: 'measure',
  pattern: fixed(/(?<![\p{L}\p{N}.,])(\d+)\s?[x×]\s?(\d+)(?![\p{L}\p{N}])/gu),
  read: ([, left, right]) => `${cardinal(BigInt(left!))} por ${cardinal(BigInt(right!))}`,
};
