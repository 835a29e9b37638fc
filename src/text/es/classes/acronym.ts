// All-caps words: those said as words (ONU, OTAN) and those spelled (PIB, DGT) from data/acronyms.tsv; an
// unknown one is read as a word when Spanish syllables can be made of it (MERCOSUR), else spelled (PSC).
// A number glued on is said as a number: "COVID-19", "G20", "F1".
import { readMap } from '../data.ts';
import { cardinal } from '../numbers.ts';
import { isLetterName, loneLetters, readsAsWord, spellLetters } from '../spelling.ts';
import { nounGender } from '../gender.ts';
import { alternation, fixed, type Tagger } from '../tagger.ts';
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

// An acronym the list spells is often written in lower case ("la dirección ip", "la tv"); read as a word, the voice
// would say "ip" as a syllable. Its lower-case form is spelled too where it is no Spanish word ("ce" is a letter's
// name, kept) and no abbreviation before a number ("pp. 12", pages), letter by letter as addresses are.
let lowercaseSpelled: RegExp | undefined;

export const lowercaseAcronymTagger: Tagger = {
  semioticClass: 'acronym',
  pattern: () => {
    lowercaseSpelled ??= new RegExp(
      String.raw`(?<![\p{L}\p{N}.@/-])(${alternation(
        [...acronyms()]
          .filter(([acronym, reading]) => reading === 'spell' && /^\p{Lu}+$/u.test(acronym))
          .map(([acronym]) => acronym.toLowerCase())
          .filter((word) => !SHORT_WORDS.has(word.toUpperCase()) && !isLetterName(word) && nounGender(word) === undefined && !readsAsWord(word)),
      )})(?![\p{L}\p{N}]|[.@/-]\p{L}|\.\s?\d)`,
      'gu',
    );
    return lowercaseSpelled;
  },
  read: ([letters]) => loneLetters(letters!),
};
