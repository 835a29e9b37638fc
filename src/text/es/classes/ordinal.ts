// Ordinals in every written style: "2.º", "2.ª", "3.er", "1ᵉʳ", "4to", "1ra", "28°" after an article.
// "primero"/"tercero" shorten before a masculine noun ("el 3.er piso"), as does "1.er" by its spelling.
import { dayOfMonth, textAfter, wordAfterOrdinalList } from '../context.ts';
import { countedGender, nounGender } from '../gender.ts';
import { ordinal, type Gender } from '../numbers.ts';
import { fixed, type Tagger } from '../tagger.ts';

const FEMININE = /^(?:ª|a|ra|da|ta|ma|va|na|era)$/;
const SHORT = /^(?:ᵉʳ|er)$/;

export const ordinalTagger: Tagger = {
  semioticClass: 'ordinal',
  // A period after letters ("30ma. fecha", "(3 a 2, 28va.)") is the abbreviation's when a lowercase word or a
  // closing bracket or comma follows: no sentence ends there.
  // Only the raised marks may stand apart from the number: "2 no llegaron" is a count, not "segundo".
  // Two groups at most: an ordinal is read below a million; more groups (bounded, as in written-number.ts) would only
  // make a long run of "111 111…" cost a scan of the rest of the run at each of its numbers.
  pattern: fixed(
    /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[.\s]\d{3}){1,2}|\d+)(?:\.?\s?(º|ª|°)(?!\p{N})|\.?(ᵉʳ|er|ero|era|ro|ra|do|da|to|ta|mo|ma|vo|va|no|na)(?:\.(?=\s+\p{Ll}|[),;]))?(?![\p{L}\p{N}]))/gu,
  ),
  read: ([, digits, mark, letters], context) => {
    const suffix = mark ?? letters;
    const value = Number(digits!.replace(/[.\s]/g, ''));
    if (value === 0 || value >= 1_000_000) return undefined;
    // "°" and "º" are written for ª too ("2° fecha", "10º fecha"): a feminine noun after the number (or after the
    // list it opens, "1°, 2° y 3° división") says so.
    const next = wordAfterOrdinalList(context);
    // "3°año", the noun written against the mark, or "1°de mayo": only a noun that is counted or a month's day,
    // never "40°grados".
    const glued = /^\p{L}/u.test(textAfter(context, 1));
    const gluedDay = glued && dayOfMonth(context);
    if (glued && !gluedDay && (next === undefined || next === 'grados' || nounGender(next) === undefined)) return undefined;
    const signFeminine = (suffix === '°' || suffix === 'º') && next !== undefined && nounGender(next) === 'f';
    const gender: Gender = FEMININE.test(suffix!) || signFeminine ? 'f' : 'm';
    const shortened = gender === 'm' && (glued ? !gluedDay && nounGender(next!) === 'm' : countedGender(context) === 'm');
    return ordinal(value, { gender, shortened, writtenShort: SHORT.test(suffix!) });
  },
};
