// Numbers with a decimal part, in the locale's mark: "3,5" in Spain, "3.5" in Mexico -> "tres coma cinco".
import { perLocale, type Tagger } from '../tagger.ts';
import { numberSource, sayCountingNumber, SIGN_SOURCE } from '../written-number.ts';

export const decimalTagger: Tagger = {
  semioticClass: 'decimal',
  // The decimal part is part of the pattern, not a lookahead over the digits and spaces ahead: that lookahead,
  // tried at every number of a long run of "1 1 1…", read the rest of the run each time.
  pattern: perLocale((locale) => new RegExp(String.raw`(?<![\p{L}\p{N}.,])${SIGN_SOURCE}${numberSource(locale, 'required')}(?![\p{N}])`, 'gu')),
  read: ([written], context) => sayCountingNumber(written!, context),
};
