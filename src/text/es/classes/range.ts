// Scores and ranges joined by a hyphen or dash: "3-0" -> "tres a cero", "2010-2015" -> "dos mil diez a dos mil
// quince", "10-12 personas" -> "diez a doce personas" (both agreeing with the noun).
import { countedGender } from '../gender.ts';
import { perLocale, type Tagger } from '../tagger.ts';
import { numberSource, sayWrittenNumber } from '../written-number.ts';

export const rangeTagger: Tagger = {
  semioticClass: 'range',
  pattern: perLocale(
    (locale) =>
      new RegExp(String.raw`(?<![\p{L}\p{N}.,-])(${numberSource(locale)})\s?[-–—]\s?(${numberSource(locale)})(?![\p{N}]|[-–][\p{N}])`, 'gu'),
  ),
  read: ([, from, to], context) => {
    const gender = countedGender(context);
    return `${sayWrittenNumber(from!, context, gender)} a ${sayWrittenNumber(to!, context, gender)}`;
  },
};
