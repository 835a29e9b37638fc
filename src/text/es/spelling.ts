// Letters and digits said one by one, and whether an all-caps word can be read as a Spanish word.

const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'be',
  C: 'ce',
  D: 'de',
  E: 'e',
  F: 'efe',
  G: 'ge',
  H: 'hache',
  I: 'i',
  J: 'jota',
  K: 'ka',
  L: 'ele',
  M: 'eme',
  N: 'ene',
  Ñ: 'eñe',
  O: 'o',
  P: 'pe',
  Q: 'cu',
  R: 'erre',
  S: 'ese',
  T: 'te',
  U: 'u',
  V: 'uve',
  W: 'uve doble',
  X: 'equis',
  Y: 'i griega',
  Z: 'zeta',
};
const DIGIT_NAMES = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];

/** Whether a word is the name of a letter ("ce", "pe"). */
export function isLetterName(word: string): boolean {
  return Object.values(LETTER_NAMES).includes(word.toLowerCase());
}

/** An acronym spelled by letter names: "PSC" -> "pe ese ce". */
export function spellLetters(letters: string): string {
  return [...letters.toUpperCase()].map((letter) => LETTER_NAMES[letter] ?? letter.toLowerCase()).join(' ');
}

/** Letters one by one as the voice names a lone letter ("ip" -> "i p"), as addresses are spelled. */
export function loneLetters(letters: string): string {
  return [...letters.toLowerCase()].join(' ');
}

/** Digits one by one: "112" -> "uno uno dos". */
export function spellDigits(digits: string): string {
  return [...digits]
    .filter((digit) => /\d/.test(digit))
    .map((digit) => DIGIT_NAMES[Number(digit)]!)
    .join(' ');
}

// A Spanish syllable: an onset (one consonant, a digraph, or a consonant + l/r cluster), a vowel nucleus (with
// glides), and a coda a Spanish word allows. Words that split into such syllables can be read as words.
const ONSET = '(?:ch|ll|rr|qu|gu|[bcfgkpt][lr]|dr|[bcdfghjklmnñpqrstvwxyz])?';
const NUCLEUS = '(?:[iuy]?[aeoáéó][iuy]?|[iu][iu]?|[aeoáéóíú])';
const CODA = '(?:ns|bs|rs|[nslrdzxbcgmpt])?';
const SYLLABLES = new RegExp(`^(?:${ONSET}${NUCLEUS}${CODA})+$`, 'u');

/** Whether an all-caps word reads as a Spanish word (OTAN, MERCOSUR) rather than letter by letter (PSC, DGT). */
export function readsAsWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.length >= 3 && SYLLABLES.test(lower) && !/(.)\1\1/.test(lower);
}
