// Percentages and per-mille: "un 3,5 %" -> "un tres coma cinco por ciento", "-8,52 %" -> "menos ocho coma...",
// and a range of them written once with the sign: "2-3 %" -> "dos a tres por ciento".
import { perLocale, type Tagger } from '../tagger.ts';
import { numberSource, SIGN_SOURCE, sayWrittenNumber } from '../written-number.ts';

export const percentTagger: Tagger = {
  semioticClass: 'percent',
  pattern: perLocale(
    (locale) =>
      new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${SIGN_SOURCE}${numberSource(locale)})(?:\s?[-–]\s?(${numberSource(locale)}))?\s?([%‰])`, 'gu'),
  ),
  read: ([, amount, upTo, sign], context) =>
    `${sayWrittenNumber(amount!, context)}${upTo === undefined ? '' : ` a ${sayWrittenNumber(upTo, context)}`} ${sign === '%' ? 'por ciento' : 'por mil'}`,
};
