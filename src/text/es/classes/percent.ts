// Percentages and per-mille: "un 3,5 %" -> "un tres coma cinco por ciento", "-8,52 %" -> "menos ocho coma...",
// and a range of them written once with the sign: "2-3 %" -> "dos a tres por ciento".
import { perLocale, type Tagger } from '../tagger.ts';
import { numberSource, parseNumber, sayNumber, SIGN_SOURCE } from '../written-number.ts';

export const percentTagger: Tagger = {
  semioticClass: 'percent',
  pattern: perLocale(
    (locale) =>
      new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${SIGN_SOURCE}${numberSource(locale)})(?:\s?[-–]\s?(${numberSource(locale)}))?\s?([%‰])`, 'gu'),
  ),
  read: ([, amount, upTo, sign], context) => {
    const say = (written: string) => sayNumber(parseNumber(written, context.locale), { decimalWord: context.locale.decimalWord });
    return `${say(amount!)}${upTo === undefined ? '' : ` a ${say(upTo)}`} ${sign === '%' ? 'por ciento' : 'por mil'}`;
  },
};
