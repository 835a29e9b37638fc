// Amounts of money with a symbol or code before or after: "1.250.000 €", "US$ 300", "$ 450.000" (pesos on an
// Argentine page), "€2 billones", "nio21", "35 €/noche" (a price per unit), "47,55 euros" (a name after the
// amount). Currency symbols, codes and names, their genders and cents are data (data/currencies.tsv).
import { type Context, wordAfter } from '../context.ts';
import type { SpanishLocale } from '../locales.ts';
import { readTable } from '../data.ts';
import { apocopate, beforeNoun, cardinal, countingCardinal, type Gender } from '../numbers.ts';
import { unitSingular, unitSource } from './measure.ts';
import { alternation, escapePattern, perLocale, type Tagger } from '../tagger.ts';
import { numberSource, parseNumber, SIGN_SOURCE, sayNumber, type WrittenNumber } from '../written-number.ts';

interface Currency {
  singular: string;
  plural: string;
  gender: Gender;
  minorSingular: string;
  minorPlural: string;
  /** Written as a word ("euros", "pesos"): taken only after an amount, never before one. */
  named: boolean;
}

let currencies: ReadonlyMap<string, Currency> | undefined;

function currencyTable(): ReadonlyMap<string, Currency> {
  currencies ??= new Map(
    readTable('currencies.tsv').map(([written, singular, plural, gender, minorSingular, minorPlural]) => [
      written!,
      {
        singular: singular!,
        plural: plural!,
        gender: gender === 'f' ? 'f' : 'm',
        minorSingular: minorSingular!,
        minorPlural: minorPlural!,
        named: written === singular || written === plural,
      },
    ]),
  );
  return currencies;
}

/** The written currencies a pattern takes: symbols and codes only before an amount, names too after one. */
export function currencySource(place: 'before' | 'after'): string {
  return [...currencyTable()]
    .filter(([key, currency]) => (!key.startsWith('$') || key === '$') && (place === 'after' || !currency.named))
    .map(([key]) => key)
    .sort((a, b) => b.length - a.length)
    .map((key) => escapePattern(key).replace(/ /g, '\\s?'))
    .join('|');
}

/** The currency a written symbol, code or name stands for on a page of this locale ("$" is pesos in Argentina). */
function currencyNamed(written: string, locale: SpanishLocale): Currency | undefined {
  const symbol = written.toLowerCase().replace(/\s/g, '');
  return currencyTable().get(symbol === '$' ? locale.dollarSign : symbol);
}

/** The gender of a currency ("libras" f), for the first end of a range written once before it ("20–23 €"). */
export function currencyGender(written: string, locale: SpanishLocale): Gender | undefined {
  return currencyNamed(written, locale)?.gender;
}

export const SCALE = 'mil millones|millones|millón|billones|billón|trillones|mil';

function amountWords(number: WrittenNumber, currency: Currency, nameFollows: boolean, decimalWord: 'coma' | 'punto'): string {
  const unit = (one: boolean) => (nameFollows ? '' : ` ${one ? currency.singular : currency.plural}`);
  const cents = number.decimals === undefined ? 0 : Number(number.decimals.padEnd(2, '0').slice(0, 2));
  // "0,918 euros" is no sum of cents, nor is one decimal after a name ("201,4 euros/MWh"): a decimal number.
  const decimal = number.decimals !== undefined && (number.decimals.length > 2 || (currency.named && number.decimals.length === 1));
  if (decimal) return `${sayNumber(number, { gender: currency.gender, decimalWord })}${unit(false)}`;
  const sign = number.negative ? 'menos ' : '';
  const centWords = `${apocopate(cardinal(cents))} ${cents === 1 ? currency.minorSingular : currency.minorPlural}`;
  if (number.integer === 0n && cents > 0) return `${sign}${centWords}`;
  const whole = `${sign}${beforeNoun(countingCardinal(number.integer, currency.gender))}${unit(number.integer === 1n)}`;
  // "47,55 euros" is said as newsreaders say a price, the cents joined with "con" ("cuarenta y siete euros con
  // cincuenta y cinco céntimos"), not "cuarenta y siete coma cincuenta y cinco euros". After a symbol ("5,50 €")
  // the cents follow bare, the other reading said on air and the one NeMo's suite asks for.
  return cents > 0 ? `${whole}${currency.named ? ' con' : ''} ${centWords}` : whole;
}

function scaledWords(number: WrittenNumber, scale: string, currency: Currency, decimalWord: 'coma' | 'punto'): string {
  const gender: Gender = scale === 'mil' ? currency.gender : 'm';
  return `${sayNumber(number, { gender, decimalWord })} ${scale}${scale === 'mil' ? ' ' : ' de '}${currency.plural}`;
}

export const moneyTagger: Tagger = {
  semioticClass: 'money',
  pattern: perLocale((locale) => {
    const number = numberSource(locale);
    return new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:(${currencySource('before')})\s?([-−–]?${number})(?:\s(${SCALE})(?![\p{L}]))?|(${SIGN_SOURCE}${number})(?:\s(${SCALE}))?\s?(${currencySource('after')}))(?:(\/)(?=\p{L})(?:(${unitSource()})(?![\p{L}\p{N}]))?|(?![\p{L}\p{N}$]))`,
      'giu',
    );
  }),
  read: ([, symbolBefore, amountAfterSymbol, scaleAfterSymbol, amountBefore, scaleBefore, symbolAfter, perUnit, unit], context) => {
    // "35 €/noche", "2 €/kg": a price per unit, the slash said "por"; a unit symbol is said as one of the unit,
    // any other word stays for the voice as written.
    const per = perUnit === undefined ? '' : ` por${unit === undefined ? '' : ` ${unitSingular(unit) ?? unit}`}`;
    const said = sayAmount(
      (symbolBefore ?? symbolAfter)!,
      (amountAfterSymbol ?? amountBefore)!,
      scaleAfterSymbol ?? scaleBefore,
      context,
      symbolBefore !== undefined,
    );
    return said === undefined ? undefined : `${said}${per}`;
  },
};

/** An amount in a currency, with its scale ("5 millones" of "US$ 5 millones"); none for a currency not in the table. */
export function sayAmount(symbol: string, amount: string, scale: string | undefined, context: Context, symbolBefore: boolean): string | undefined {
  const currency = currencyNamed(symbol, context.locale);
  if (!currency) return undefined;
  const number = parseNumber(amount, context.locale);
  if (scale) return scaledWords(number, scale.toLowerCase(), currency, context.locale.decimalWord);
  // "$ 500 pesos": the written name follows, so the symbol adds nothing to say.
  const nameFollows = symbolBefore && currencyTable().get(wordAfter(context) ?? '')?.named === true;
  return amountWords(number, currency, nameFollows, context.locale.decimalWord);
}

/** The currency names and the names of their cents: the words a price per unit may follow ("15 céntimos/kWh"). */
function moneyWords(): string[] {
  const words = new Set<string>();
  for (const [key, currency] of currencyTable()) {
    if (currency.named) words.add(key);
    words.add(currency.minorSingular).add(currency.minorPlural);
  }
  return [...words];
}

/**
 * "3,5 millones de euros/MWh", "15 céntimos/kWh": a price per unit whose amount the money class did not take
 * (a scale with "de", a number of cents); the slash is "por".
 */
export const perUnitTagger: Tagger = {
  semioticClass: 'money',
  pattern: perLocale(() => new RegExp(String.raw`(?<=(?<![\p{L}])(?:${alternation(moneyWords())}))\/(${unitSource()})(?![\p{L}\p{N}])`, 'gu')),
  read: ([, unit]) => `por ${unitSingular(unit!) ?? unit}`,
};
