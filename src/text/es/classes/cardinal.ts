// Whole numbers, signed or not, agreeing with the noun they count: "21 mujeres" -> "veintiuna mujeres".
import { perLocale, type Tagger } from '../tagger.ts';
import { numberSource, sayCountingNumber, SIGN_SOURCE } from '../written-number.ts';

export const cardinalTagger: Tagger = {
  semioticClass: 'cardinal',
  pattern: perLocale((locale) => new RegExp(String.raw`(?<![\p{L}\p{N}.,])${SIGN_SOURCE}${numberSource(locale)}(?![\p{N}])`, 'gu')),
  read: ([written], context) => sayCountingNumber(written!, context),
};
