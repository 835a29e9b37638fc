// All-caps words: those said as words (ONU, OTAN) and those spelled (PIB, DGT) from data/acronyms.tsv; an
// unknown one is read as a word when Spanish syllables can be made of it (MERCOSUR), else spelled (PSC).
// A number glued on is said as a number: "COVID-19", "G20", "F1".
import { readMap } from '../data.ts';
import { cardinal } from '../numbers.ts';
import { readsAsWord, spellLetters } from '../spelling.ts';
import { fixed, type Tagger } from '../tagger.ts';
import { romanValue } from './roman.ts';

const acronyms = () => readMap('acronyms.tsv');

// Two-letter words of an all-caps headline ("EL PAÍS", "YA ES OFICIAL") are words, not acronyms.
const SHORT_WORDS = new Set([
  'EL',
  'LA',
  'LO',
  'DE',
  'EN',
  'UN',
  'NO',
  'YA',
  'SE',
  'ME',
  'TE',
  'LE',
  'ES',
  'AL',
  'MI',
  'TU',
  'SU',
  'SI',
  'SÍ',
  'YO',
  'NI',
  'VA',
  'DA',
  'HA',
  'HE',
  'OH',
  'OS',
  'AY',
]);

/** How an all-caps word is said. */
export function sayAcronym(acronym: string): string {
  const reading = acronyms().get(acronym);
  if (reading === 'spell') return spellLetters(acronym);
  if (reading !== undefined) return reading;
  if (SHORT_WORDS.has(acronym)) return acronym.toLowerCase();
  if (/^[IVX]+$/.test(acronym) && romanValue(acronym) !== undefined) return cardinal(romanValue(acronym)!);
  return readsAsWord(acronym) ? acronym.toLowerCase() : spellLetters(acronym);
}

export const acronymTagger: Tagger = {
  semioticClass: 'acronym',
  pattern: fixed(/(?<![\p{L}\p{N}])(\p{Lu}{2,}|\p{Lu}(?=-?\d)|JxCat|ONGs)(?:-?(\d{1,4}))?(?![\p{L}\p{N}])/gu),
  read: ([, letters, number]) => {
    const words = sayAcronym(letters!);
    return number === undefined ? words : `${words} ${cardinal(BigInt(number))}`;
  },
};
