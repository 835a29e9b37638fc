// Fractions ("2/5 del total" -> "dos quintos del total", "1 1/2" -> "uno y medio", "⅖") and, where the words
// before say so, references with a slash that are not fractions ("Ley 7/2022" -> "siete de dos mil veintidós").
import { wordAfter, wordsBefore, type Context } from '../context.ts';
import { cardinal, countingCardinal, fractionDenominator } from '../numbers.ts';
import { fixed, type Tagger } from '../tagger.ts';

const VULGAR: Readonly<Record<string, [number, number]>> = {
  '½': [1, 2],
  '⅓': [1, 3],
  '⅔': [2, 3],
  '¼': [1, 4],
  '¾': [3, 4],
  '⅕': [1, 5],
  '⅖': [2, 5],
  '⅗': [3, 5],
  '⅘': [4, 5],
  '⅙': [1, 6],
  '⅚': [5, 6],
  '⅐': [1, 7],
  '⅛': [1, 8],
  '⅜': [3, 8],
  '⅝': [5, 8],
  '⅞': [7, 8],
  '⅑': [1, 9],
  '⅒': [1, 10],
};

// Words after which "n/m" names a document (a law, a ruling, a file number), not a part of a whole.
const REFERENCE_WORDS = new Set([
  'ley',
  'leyes',
  'decreto',
  'decretos',
  'orden',
  'resolución',
  'sentencia',
  'sentencias',
  'expediente',
  'auto',
  'recurso',
  'causa',
  'directiva',
  'reglamento',
  'instrucción',
  'circular',
  'acuerdo',
  'número',
  'núm',
  'nº',
  'n',
  'real',
  'orgánica',
  'ley-decreto',
  'decreto-ley',
  'legislativo',
  'disposición',
  'dictamen',
  'informe',
  'moción',
  'proposición',
  'proyecto',
  'rol',
  'oficio',
  'expte',
  'norma',
]);

/** "dos quintos", "un tercio", "uno sobre ciento uno". */
export function fractionWords(numerator: bigint, denominator: bigint): string {
  const word = fractionDenominator(denominator);
  if (word === undefined) return `${cardinal(numerator)} sobre ${cardinal(denominator)}`;
  if (numerator === 1n) return word === 'medio' ? 'un medio' : `un ${word}`;
  return `${cardinal(numerator)} ${word}s`;
}

/**
 * Before "parte(s)" the denominator is an ordinal agreeing with it, as Spanish says a share: "2/3 partes" -> "dos
 * terceras partes", "1/4 parte" -> "una cuarta parte". Undefined for a denominator with no word ("1/101").
 */
function partWords(numerator: bigint, denominator: bigint): string | undefined {
  const word = fractionDenominator(denominator);
  if (word === undefined) return undefined;
  const feminine = word === 'tercio' ? 'tercera' : word.replace(/o$/, 'a');
  return `${countingCardinal(numerator, 'f')} ${feminine}${numerator === 1n ? '' : 's'}`;
}

function referenceWords(first: string, second: string): string {
  const isYear = /^(?:1[89]|20)\d\d$/.test(second);
  return `${cardinal(BigInt(first))} ${isYear ? 'de' : 'barra'} ${cardinal(BigInt(second))}`;
}

const isYear = (digits: string | undefined) => digits !== undefined && /^(?:1[89]|20)\d\d$/.test(digits);

function isReference(context: Context): boolean {
  return wordsBefore(context, 3).some((word) => REFERENCE_WORDS.has(word));
}

export const fractionTagger: Tagger = {
  semioticClass: 'fraction',
  pattern: fixed(/(?<![\p{L}\p{N}.,/])([-−–](?=\d|[½⅓-⅞]))?(?:(\d+)\s)?(?:(\d+)\/(\d{1,3}(?:\.\d{3})+|\d+)|([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]))(?![\p{N}/])/gu),
  read: ([, minus, whole, numerator, denominator, vulgar], context) => {
    if (vulgar === undefined && whole === undefined && isReference(context)) return referenceWords(numerator!, denominator!.replaceAll('.', ''));
    // "2004/2005" and "2023/24": a span of years (a season), not a fraction.
    if (isYear(numerator) && (isYear(denominator) || (denominator!.length === 2 && Number(denominator) === (Number(numerator) + 1) % 100))) {
      return `${cardinal(BigInt(numerator!))} a ${cardinal(BigInt(denominator!))}`;
    }
    const [top, bottom] = vulgar ? (VULGAR[vulgar]!.map(BigInt) as [bigint, bigint]) : [BigInt(numerator!), BigInt(denominator!.replaceAll('.', ''))];
    if (bottom === 0n) return undefined;
    const sign = minus ? 'menos ' : '';
    if (whole === undefined) {
      const share = /^partes?$/.test(wordAfter(context) ?? '') ? partWords(top, bottom) : undefined;
      return `${sign}${share ?? fractionWords(top, bottom)}`;
    }
    // "1 1/2" is "uno y medio", not "uno y un medio".
    const part = top === 1n && bottom === 2n ? 'medio' : fractionWords(top, bottom);
    return `${sign}${cardinal(BigInt(whole))} y ${part}`;
  },
};
