// Percentages and per-mille: "un 3,5 %" -> "un tres coma cinco por ciento", "-8,52 %" -> "menos ocho coma...".
import { perLocale, type Tagger } from '../tagger.ts';
import { numberSource, parseNumber, sayNumber, SIGN_SOURCE } from '../written-number.ts';

export const percentTagger: Tagger = {
  semioticClass: 'percent',
  pattern: perLocale((locale) => new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${SIGN_SOURCE}${numberSource(locale)})\s?([%‰])`, 'gu')),
  read: ([, amount, sign], context) =>
    `${sayNumber(parseNumber(amount!, context.locale), { decimalWord: context.locale.decimalWord })} ${sign === '%' ? 'por ciento' : 'por mil'}`,
};
