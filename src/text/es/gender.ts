// The grammatical gender of the noun a number counts, from a lexicon (data/noun-genders.tsv, derived from
// Apertium's Spanish morphological dictionary, see data/SOURCES.md): "doscientas personas", "veintiún kilómetros".
import type { Context } from './context.ts';
import { wordAfter } from './context.ts';
import { readMap } from './data.ts';
import type { Gender } from './numbers.ts';

/** The gender the lexicon gives a noun form ("personas" -> f); undefined for words it does not know as nouns. */
export function nounGender(word: string): Gender | undefined {
  const gender = readMap('noun-genders.tsv').get(word.toLowerCase());
  return gender === 'm' || gender === 'f' ? gender : undefined;
}

// After these a number is not counting the next word, so "uno" keeps its full form ("el 1 de mayo").
const NOT_COUNTED = new Set([
  'de',
  'del',
  'a',
  'al',
  'y',
  'e',
  'o',
  'u',
  'por',
  'para',
  'en',
  'con',
  'que',
  'se',
  'sin',
  'entre',
  'hasta',
  'desde',
  'es',
  'fue',
  'son',
  'era',
  'ha',
  'han',
  'lo',
  'la',
  'el',
  'los',
  'las',
  'le',
  'les',
  'más',
  'menos',
  'como',
  'según',
  'tras',
  'ante',
  'sobre',
  'bajo',
  'contra',
  'hacia',
  'mediante',
  'durante',
  'frente',
]);

/**
 * The gender of the word a number counts, or undefined when the next word is not counted ("1 de mayo").
 * Words the lexicon lacks (adjectives before the noun: "21 nuevas viviendas") are judged by their ending.
 */
export function countedGender(context: Context): Gender | undefined {
  // "el minuto 31 Victoria tuvo...": a capitalized word after a number is a name, not what it counts.
  if (/^\s+\p{Lu}/u.test(context.text.slice(context.end, context.end + 3))) return undefined;
  const next = wordAfter(context);
  // "21 de las 50 provincias": a part of a feminine whole is feminine ("veintiuna de las...").
  if (next === 'de' && /^\s+de\s+(?:las|estas|esas|ellas)\b/u.test(context.text.slice(context.end, context.end + 16))) return 'f';
  // "1 de cada 3 mujeres": a partitive counts the noun after its whole ("una de cada tres mujeres"); a
  // masculine one keeps the full form, the noun not being next to it ("uno de cada cuatro hogares").
  const partitive = /^\s+de\s+cada\s+[\d.,  ]*\d\s+(\p{Ll}+)/u.exec(context.text.slice(context.end, context.end + 40));
  if (next === 'de' && partitive) return wordGender(partitive[1]!) === 'f' ? 'f' : undefined;
  if (next === undefined || NOT_COUNTED.has(next)) return undefined;
  return wordGender(next);
}

/**
 * The gender a number counting a noun of both genders agrees with. Such a noun is mostly a person's ("policía",
 * "guardia", "periodista"), counted in the generic masculine: "veintiún guardias civiles", "doscientos policías",
 * where the -as ending alone said feminine. data/counted-genders.tsv lists those whose counted sense is a feminine
 * thing ("cámaras") and person nouns the lexicon lacks ("ertzainas").
 */
function countedNounGender(word: string): Gender | undefined {
  const form = word.toLowerCase();
  const listed = readMap('counted-genders.tsv').get(form);
  if (listed === 'm' || listed === 'f') return listed;
  return readMap('noun-genders.tsv').get(form) === 'mf' ? 'm' : nounGender(form);
}

/** A noun's gender from the lexicon, else from its ending (adjectives before the noun: "21 nuevas viviendas"). */
function wordGender(word: string): Gender | undefined {
  const known = countedNounGender(word);
  if (known) return known;
  if (/as$/.test(word)) return 'f';
  return /(?:os|es)$/.test(word) ? 'm' : undefined;
}
