// Numbers with a decimal part, in the locale's mark: "3,5" in Spain, "3.5" in Mexico -> "tres coma cinco".
import { perLocale, type Tagger } from '../tagger.ts';
import { numberSource, sayCountingNumber, SIGN_SOURCE } from '../written-number.ts';

export const decimalTagger: Tagger = {
  semioticClass: 'decimal',
  pattern: perLocale((locale) => {
    const mark = locale.decimalMark === ',' ? ',' : '\\.';
    return new RegExp(String.raw`(?<![\p{L}\p{N}.,])${SIGN_SOURCE}(?=[\d.,  \u202F\u2009]*${mark}\d)${numberSource(locale)}(?![\p{N}])`, 'gu');
  }),
  read: ([written], context) => (written!.includes(context.locale.decimalMark) ? sayCountingNumber(written!, context) : undefined),
};
