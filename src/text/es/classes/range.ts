// Scores and ranges joined by a hyphen or dash: "3-0" -> "tres a cero", "2010-2015" -> "dos mil diez a dos mil
// quince", "10-12 personas" -> "diez a doce personas" (both agreeing with the noun), and the first end of a range
// written once before its unit, currency or percent sign ("5-6 km", "2-3 %", "20–23 €", "3,5%-4%"), or once
// after a currency sign written before the amount ("US$ 5-6 millones").
import { countedGender } from '../gender.ts';
import type { Gender } from '../numbers.ts';
import { caseless, perLocale, type Tagger } from '../tagger.ts';
import { numberSource, sayRangeStart, sayWrittenNumber } from '../written-number.ts';
import { unitGender, unitSource } from './measure.ts';
import { currencyGender, currencySource, SCALE, sayAmount } from './money.ts';

export const rangeTagger: Tagger = {
  semioticClass: 'range',
  pattern: perLocale(
    (locale) =>
      new RegExp(String.raw`(?<![\p{L}\p{N}.,-])(${numberSource(locale)})\s?[-–—]\s?(${numberSource(locale)})(?![\p{N}]|[-–][\p{N}])`, 'gu'),
  ),
  read: ([, from, to], context) => {
    const gender = countedGender(context);
    // "los 1-1,5 metros": the first end is not next to the noun, so it is not shortened ("uno a uno coma cinco").
    return `${sayRangeStart(from!, context, gender)} a ${sayWrittenNumber(to!, context, gender)}`;
  },
};

/**
 * "5-6 km", "20–23 €/m²", "2-3 %", "3,5%-4%": the first end and its dash, said "cinco a"; the second end with its
 * unit is left to its own class (measure, money, percent), so no class reads a range of its own. The first end
 * agrees with the unit as sayRangeStart says.
 */
export const unitRangeStartTagger: Tagger = {
  semioticClass: 'range',
  pattern: perLocale((locale) => {
    const number = numberSource(locale);
    const unit = `(?:${unitSource()})(?![\\p{L}\\p{N}])`;
    const currency = `(?:${caseless(currencySource('after'))})(?![\\p{L}\\p{N}])`;
    const mark = `[%‰]|${currency}|${unit}`;
    return new RegExp(
      String.raw`(?<![\p{L}\p{N}.,-])(${number})(?:\s?(?:${mark}))?\s?[-–—]\s?(?=${number}(?:\s(?:${SCALE}))?\s?(?:([%‰])|(${currency})|(${unit})))`,
      'gu',
    );
  }),
  read: ([, from, , currency, unit], context) => {
    const gender: Gender | undefined = currency ? currencyGender(currency, context.locale) : unit ? unitGender(unit) : undefined;
    return `${sayRangeStart(from!, context, gender)} a`;
  },
};

/**
 * "US$ 5-6 millones", "€ 20-30": a range after a currency sign written before the amount, said as the range and
 * then the currency, as for a sign after it ("cinco a seis millones de dólares"), not the first end with the
 * currency and the second bare ("cinco dólares-seis millones"). The first end agrees with what it counts: the
 * scale (millones, m) when there is one, else the currency.
 */
export const currencyRangeTagger: Tagger = {
  semioticClass: 'range',
  pattern: perLocale((locale) => {
    const number = numberSource(locale);
    return new RegExp(
      String.raw`(?<![\p{L}\p{N}])(${currencySource('before')})\s?(${number})\s?[-–—]\s?(${number})(?:\s(${SCALE})(?![\p{L}]))?(?![\p{L}\p{N}$]|[-–][\p{N}])`,
      'giu',
    );
  }),
  read: ([, symbol, from, to, scale], context) => {
    const said = sayAmount(symbol!, to!, scale, context, true);
    if (said === undefined) return undefined;
    const gender: Gender | undefined = scale ? 'm' : currencyGender(symbol!, context.locale);
    return `${sayRangeStart(from!, context, gender)} a ${said}`;
  },
};
