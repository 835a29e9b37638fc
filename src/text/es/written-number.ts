// Numbers as written in the locale's style ("1.250.000,5" in Spain, "1,250,000.5" in Mexico, "1 000" with
// spaces anywhere), parsed and said.
import { wordAfter, type Context } from './context.ts';
import { countedGender } from './gender.ts';
import type { SpanishLocale } from './locales.ts';
import { apocopate, beforeNoun, cardinal, countingCardinal, decimalDigits, type Gender } from './numbers.ts';

const GROUP_SPACE = '[  \u202F\u2009]';
/**
 * The most thousand groups after the first that one number may have: 24 digits, up to the "mil trillones" that
 * cardinal() says. The bound keeps matching linear: with `+`, every start inside a long run of "111 111 111…" (each
 * group start follows a space, so each is a candidate) scanned the rest of the run before failing.
 */
export const MAX_THOUSAND_GROUPS = 7;
/** The most digits of a number written without groups; a longer run of digits is spelled digit by digit. */
const MAX_UNGROUPED_DIGITS = 24;
const MINUS = '[-−–]';
const sources = new Map<string, string>();

/**
 * Regex source for one unsigned number in the locale's style (thousand groups, a decimal part: optional, or
 * `required` for the numbers that only a decimal makes what they are).
 */
export function numberSource(locale: SpanishLocale, decimals: 'optional' | 'required' = 'optional'): string {
  const key = `${locale.tag} ${decimals}`;
  let source = sources.get(key);
  if (!source) {
    const group = locale.decimalMark === ',' ? '\\.' : ',';
    const decimal = locale.decimalMark === ',' ? ',' : '\\.';
    const groups = `{1,${MAX_THOUSAND_GROUPS}}`;
    source =
      String.raw`(?:\d{1,3}(?:${group}\d{3})${groups}|\d{1,3}(?:${GROUP_SPACE}\d{3})${groups}(?!\d)|\d{1,${MAX_UNGROUPED_DIGITS}}(?!\d))` +
      String.raw`(?:${decimal}\d+)${decimals === 'required' ? '' : '?'}`;
    sources.set(key, source);
  }
  return source;
}

/**
 * Regex source for a minus sign standing before a number: not a hyphen between words or numbers, nor a range's dash
 * after a number or a percent sign ("5 - 6 km", "3,5%-4%").
 */
export const SIGN_SOURCE = String.raw`(?:(?<![\p{L}\p{N}%‰])(?<![\p{N}%‰]\s)${MINUS}(?=\d))?`;

export interface WrittenNumber {
  readonly negative: boolean;
  readonly integer: bigint;
  /** The digits after the decimal mark, as written; undefined for whole numbers. */
  readonly decimals: string | undefined;
}

export function parseNumber(written: string, locale: SpanishLocale): WrittenNumber {
  const negative = new RegExp(`^${MINUS}`).test(written);
  const unsigned = written.replace(new RegExp(`^${MINUS}`), '').replace(new RegExp(GROUP_SPACE, 'g'), '');
  const [integerPart = '0', decimals] = unsigned.replaceAll(locale.decimalMark === ',' ? '.' : ',', '').split(locale.decimalMark);
  return { negative, integer: BigInt(integerPart || '0'), decimals };
}

export interface SayOptions {
  /** The gender of what the number counts; masculine apocope ("veintiún") and feminine forms follow it. */
  gender?: Gender | undefined;
  /** How the decimal mark is said ("coma" unless the locale writes and says a point). */
  decimalWord?: 'coma' | 'punto';
}

/** A written number as words: "menos doce", "tres coma cinco", "doscientas" (counting a feminine noun). */
export function sayNumber(number: WrittenNumber, { gender, decimalWord = 'coma' }: SayOptions = {}): string {
  const sign = number.negative ? 'menos ' : '';
  if (number.decimals !== undefined) {
    const whole = gender === 'f' ? countingCardinal(number.integer, 'f') : cardinal(number.integer);
    const digits = decimalDigits(number.decimals, gender);
    return `${sign}${whole} ${decimalWord} ${gender === 'm' ? apocopate(digits) : digits}`;
  }
  return sign + (gender ? countingCardinal(number.integer, gender) : cardinal(number.integer));
}

/** A written number as the page's locale says its decimals, agreeing with `gender` where given. */
export function sayWrittenNumber(written: string, context: Context, gender?: Gender): string {
  return sayNumber(parseNumber(written, context.locale), { gender, decimalWord: context.locale.decimalWord });
}

/**
 * The first end of a range written once before its unit ("5-6 km", "20–23 €"): feminine before a feminine unit
 * ("veintiuna a veintitrés libras"), else the full form, the unit not being next to it ("uno a dos kilómetros").
 */
export function sayRangeStart(written: string, context: Context, unitGender: Gender | undefined): string {
  return sayWrittenNumber(written, context, unitGender === 'f' ? 'f' : undefined);
}

/** A number in running text, agreeing with the word it counts, if any ("21 mujeres", "1 de mayo"). */
export function sayCountingNumber(written: string, context: Context): string {
  const number = parseNumber(written, context.locale);
  const gender = countedGender(context);
  const words = sayNumber(number, { gender, decimalWord: context.locale.decimalWord });
  // "1.000.000 personas" -> "un millón de personas"; "1.000.000 de personas" already has its "de".
  return gender && number.decimals === undefined && wordAfter(context) !== 'de' ? beforeNoun(words) : words;
}
