// Weighs the semiotic classes against each other: each tagger, in this order, claims the matches no earlier one
// claimed. The order is the priority: an address before the numbers in it, a telephone before a range, a date
// before a fraction, a range's first end before the unit its second end carries ("5-6 km"), a unit before a bare
// number, abbreviations before acronyms ("COVID-19" before its number), and the safety pass last.
import type { Context } from './context.ts';
import type { SpanishLocale } from './locales.ts';
import type { SemioticClass, Tagger } from './tagger.ts';
import { abbreviationTagger } from './classes/abbreviation.ts';
import { acronymTagger, lowercaseAcronymTagger } from './classes/acronym.ts';
import { arithmeticTagger, productTagger } from './classes/arithmetic.ts';
import { cardinalTagger } from './classes/cardinal.ts';
import { dateCodeTagger, numericDateTagger, weekdayDateTagger, wordDateTagger } from './classes/date.ts';
import { decimalTagger } from './classes/decimal.ts';
import { electronicTagger } from './classes/electronic.ts';
import { fractionTagger } from './classes/fraction.ts';
import { leftoverTagger } from './classes/leftover.ts';
import { kilometrePointTagger, measureTagger, unitGlossTagger, unitLabelTagger } from './classes/measure.ts';
import { moneyTagger, perUnitTagger } from './classes/money.ts';
import { ordinalTagger } from './classes/ordinal.ts';
import { percentTagger } from './classes/percent.ts';
import { currencyRangeTagger, rangeTagger, unitRangeStartTagger } from './classes/range.ts';
import { departmentNormTagger, dottedReferenceTagger, slashedReferenceTagger } from './classes/reference.ts';
import { romanTagger } from './classes/roman.ts';
import { ipAddressTagger, serviceNumberTagger, telephoneTagger, tollFreeTagger } from './classes/telephone.ts';
import { durationTagger, matchMinuteTagger, timeTagger } from './classes/time.ts';

const TAGGERS: readonly Tagger[] = [
  electronicTagger,
  arithmeticTagger,
  ipAddressTagger,
  numericDateTagger,
  weekdayDateTagger,
  telephoneTagger,
  tollFreeTagger,
  wordDateTagger,
  dateCodeTagger,
  durationTagger,
  timeTagger,
  matchMinuteTagger,
  currencyRangeTagger,
  unitRangeStartTagger,
  moneyTagger,
  perUnitTagger,
  percentTagger,
  productTagger,
  measureTagger,
  kilometrePointTagger,
  unitGlossTagger,
  unitLabelTagger,
  departmentNormTagger,
  slashedReferenceTagger,
  fractionTagger,
  ordinalTagger,
  rangeTagger,
  serviceNumberTagger,
  romanTagger,
  abbreviationTagger,
  acronymTagger,
  lowercaseAcronymTagger,
  decimalTagger,
  dottedReferenceTagger,
  cardinalTagger,
  leftoverTagger,
];

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly semioticClass: SemioticClass;
  readonly spoken: string;
}

/** The tokens of written[from, to) that are said differently from how they are written, in text order. */
export function classify(written: string, from: number, to: number, locale: SpanishLocale): Token[] {
  let claimed: Token[] = [];
  const segment = written.slice(from, to);
  for (const tagger of TAGGERS) {
    const pattern = tagger.pattern(locale);
    // One tagger's matches never overlap one another and come in text order: they are merged into the earlier
    // claims once, after the tagger, where inserting each one (a splice) was quadratic in a text of many numbers.
    const taken: Token[] = [];
    for (const match of segment.matchAll(pattern)) {
      if (match[0] === '') continue;
      const start = from + match.index;
      const end = start + match[0].length;
      if (overlapsClaimed(claimed, start, end)) continue;
      const context: Context = { text: written, start, end, locale };
      const spoken = tagger.read(match as RegExpExecArray, context);
      if (spoken !== undefined) taken.push({ start, end, semioticClass: tagger.semioticClass, spoken });
    }
    claimed = merged(claimed, taken);
  }
  return claimed;
}

/** Index of the first token ending after `position` (tokens are kept sorted and never overlap). */
function firstEndingAfter(tokens: readonly Token[], position: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.end <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

function overlapsClaimed(tokens: readonly Token[], start: number, end: number): boolean {
  const next = tokens[firstEndingAfter(tokens, start)];
  return next !== undefined && next.start < end;
}

/** Two lists of tokens in text order that do not overlap, as one. */
function merged(a: Token[], b: readonly Token[]): Token[] {
  if (b.length === 0) return a;
  const result: Token[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) result.push(j === b.length || (i < a.length && a[i]!.start < b[j]!.start) ? a[i++]! : b[j++]!);
  return result;
}
