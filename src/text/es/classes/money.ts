// Amounts of money with a symbol or code before or after: "1.250.000 €", "US$ 300", "$ 450.000" (pesos on an
// Argentine page), "€2 billones", "nio21", "35 €/noche" (a price per unit). Currency names and genders are data (data/currencies.tsv).
import { wordAfter } from '../context.ts';
import { readTable } from '../data.ts';
import { apocopate, beforeNoun, cardinal, countingCardinal, type Gender } from '../numbers.ts';
import { unitSingular, unitSource } from './measure.ts';
import { escapePattern, fixed, perLocale, type Tagger } from '../tagger.ts';
import { numberSource, parseNumber, sayNumber, sayRangeStart, type WrittenNumber } from '../written-number.ts';

interface Currency {
  singular: string;
  plural: string;
  gender: Gender;
  minorSingular: string;
  minorPlural: string;
}

let currencies: ReadonlyMap<string, Currency> | undefined;

function currencyTable(): ReadonlyMap<string, Currency> {
  currencies ??= new Map(
    readTable('currencies.tsv').map(([written, singular, plural, gender, minorSingular, minorPlural]) => [
      written!,
      { singular: singular!, plural: plural!, gender: gender === 'f' ? 'f' : 'm', minorSingular: minorSingular!, minorPlural: minorPlural! },
    ]),
  );
  return currencies;
}

function currencySource(): string {
  return [...currencyTable().keys()]
    .filter((key) => !key.startsWith('$') || key === '$')
    .sort((a, b) => b.length - a.length)
    .map((key) => escapePattern(key).replace(/ /g, '\\s?'))
    .join('|');
}

const SCALE = 'mil millones|millones|millón|billones|billón|trillones|mil';
const CURRENCY_WORDS = new Set([
  'pesos',
  'dólares',
  'euros',
  'soles',
  'bolívares',
  'reales',
  'libras',
  'colones',
  'guaraníes',
  'quetzales',
  'lempiras',
  'córdobas',
]);

function amountWords(number: WrittenNumber, currency: Currency, named: boolean, decimalWord: 'coma' | 'punto'): string {
  const unit = (one: boolean) => (named ? '' : ` ${one ? currency.singular : currency.plural}`);
  const cents = number.decimals === undefined ? 0 : Number(number.decimals.padEnd(2, '0').slice(0, 2));
  if (number.decimals !== undefined && number.decimals.length > 2) return `${sayNumber(number, { decimalWord })}${unit(false)}`;
  const sign = number.negative ? 'menos ' : '';
  const centWords = `${apocopate(cardinal(cents))} ${cents === 1 ? currency.minorSingular : currency.minorPlural}`;
  if (number.integer === 0n && cents > 0) return `${sign}${centWords}`;
  const whole = `${sign}${beforeNoun(countingCardinal(number.integer, currency.gender))}${unit(number.integer === 1n)}`;
  return cents > 0 ? `${whole} ${centWords}` : whole;
}

function scaledWords(number: WrittenNumber, scale: string, currency: Currency, decimalWord: 'coma' | 'punto'): string {
  const gender: Gender = scale === 'mil' ? currency.gender : 'm';
  return `${sayNumber(number, { gender, decimalWord })} ${scale}${scale === 'mil' ? ' ' : ' de '}${currency.plural}`;
}

export const moneyTagger: Tagger = {
  semioticClass: 'money',
  pattern: perLocale((locale) => {
    const number = numberSource(locale);
    const currency = currencySource();
    return new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:(${currency})\s?([-−–]?${number})(?:\s(${SCALE})(?![\p{L}]))?|(?:(${number})\s?[-–]\s?)?([-−–]?${number})(?:\s(${SCALE}))?\s?(${currency}))(?:(\/)(?=\p{L})(?:(${unitSource()})(?![\p{L}\p{N}]))?|(?![\p{L}\p{N}$]))`,
      'giu',
    );
  }),
  read: ([, symbolBefore, amountAfterSymbol, scaleAfterSymbol, rangeFrom, amountBefore, scaleBefore, symbolAfter, perUnit, unit], context) => {
    // "35 €/noche", "2 €/kg": a price per unit, the slash said "por"; a unit symbol is said as one of the unit,
    // any other word stays for the voice as written.
    const per = perUnit === undefined ? '' : ` por${unit === undefined ? '' : ` ${unitSingular(unit) ?? unit}`}`;
    const symbol = (symbolBefore ?? symbolAfter)!.toLowerCase().replace(/\s/g, '');
    const key = symbol === '$' ? context.locale.dollarSign : symbol;
    const currency = currencyTable().get(key);
    if (!currency) return undefined;
    const number = parseNumber((amountAfterSymbol ?? amountBefore)!, context.locale);
    // "20–23 €": a range written once with the symbol, its first end agreeing with the currency.
    const from = rangeFrom === undefined ? '' : `${sayRangeStart(rangeFrom, context, currency.gender)} a `;
    const scale = scaleAfterSymbol ?? scaleBefore;
    if (scale) return `${from}${scaledWords(number, scale.toLowerCase(), currency, context.locale.decimalWord)}${per}`;
    // "$ 500 pesos": the written name follows, so the symbol adds nothing to say.
    const named = symbolBefore !== undefined && CURRENCY_WORDS.has(wordAfter(context) ?? '');
    return `${from}${amountWords(number, currency, named, context.locale.decimalWord)}${per}`;
  },
};

/** "36,13 euros/MWh", "2 pesos/kg": a price per unit with the currency written as a word; the slash is "por". */
export const perUnitTagger: Tagger = {
  semioticClass: 'money',
  pattern: fixed(
    new RegExp(
      String.raw`(?<=(?<![\p{L}])(?:${[...CURRENCY_WORDS, 'euro', 'dólar', 'peso', 'céntimos', 'centavos'].join('|')}))\/(${unitSource()})(?![\p{L}\p{N}])`,
      'gu',
    ),
  ),
  read: ([, unit]) => `por ${unitSingular(unit!) ?? unit}`,
};
