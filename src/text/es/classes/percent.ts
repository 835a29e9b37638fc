// Percentages and per-mille: "un 3,5 %" -> "un tres coma cinco por ciento", "-8,52 %" -> "menos ocho coma...".
// A range written once with the sign ("2-3 %") has its first end said by the range class.
import { perLocale, type Tagger } from '../tagger.ts';
import { numberSource, SIGN_SOURCE, sayWrittenNumber } from '../written-number.ts';

export const percentTagger: Tagger = {
  semioticClass: 'percent',
  pattern: perLocale((locale) => new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${SIGN_SOURCE}${numberSource(locale)})\s?([%‰])`, 'gu')),
  read: ([, amount, sign], context) => `${sayWrittenNumber(amount!, context)} ${sign === '%' ? 'por ciento' : 'por mil'}`,
};
