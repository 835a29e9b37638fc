// Roman numerals where the words around them say so: "siglo XXI" and "año MCMLXXXIX" (cardinals), "Felipe VI" and
// "Isabel II" (ordinals to ten, then cardinals), "la XV Legislatura", "el XI apóstol" (ordinals agreeing with the noun).
import { wordAfter, wordsBefore } from '../context.ts';
import { nounGender } from '../gender.ts';
import { cardinal, ordinal, type Gender } from '../numbers.ts';
import { fixed, type Tagger } from '../tagger.ts';

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a well-formed Roman numeral ("MCMXCIX" -> 1999); undefined for anything else ("IIII"). */
export function romanValue(numeral: string): number | undefined {
  const upper = numeral.toUpperCase();
  if (upper === '' || !/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(upper)) return undefined;
  let total = 0;
  for (let index = 0; index < upper.length; index++) {
    const value = ROMAN_VALUES[upper[index]!]!;
    const next = ROMAN_VALUES[upper[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const COUNTING_WORDS = new Set([
  'siglo',
  'siglos',
  'año',
  'milenio',
  'capítulo',
  'tomo',
  'volumen',
  'título',
  'fase',
  'parte',
  'acto',
  'libro',
  'canto',
  'anexo',
]);
const REGNAL = new Set([
  'felipe',
  'carlos',
  'juan',
  'pablo',
  'alfonso',
  'fernando',
  'isabel',
  'enrique',
  'pedro',
  'luis',
  'benedicto',
  'león',
  'pío',
  'gregorio',
  'jaime',
  'sancho',
  'ramiro',
  'jorge',
  'eduardo',
  'guillermo',
  'napoleón',
  'francisco',
  'clemente',
  'inocencio',
  'urbano',
  'amadeo',
  'leopoldo',
  'gustavo',
  'federico',
  'maría',
  'juana',
  'catalina',
  'isabel',
  'ana',
  'victoria',
  'carlota',
  'enriqueta',
  'rey',
  'papa',
]);
const FEMININE_NAMES = new Set(['isabel', 'maría', 'juana', 'catalina', 'ana', 'victoria', 'carlota', 'enriqueta']);
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'del', 'al', 'su', 'sus', 'este', 'esta', 'cuyo', 'cuya']);

export const romanTagger: Tagger = {
  semioticClass: 'roman',
  pattern: fixed(/(?<![\p{L}\p{N}.])([IVXLCDM]+|[ivxlcdm]+)(?:\s(ec|a\.\s?c\.|d\.\s?c\.))?(?![\p{L}\p{N}])/gu),
  read: ([, numeral, era], context) => {
    const value = romanValue(numeral!);
    if (value === undefined) return undefined;
    const lower = numeral === numeral!.toLowerCase();
    const [before] = wordsBefore(context, 1);
    const eraWords = era
      ? ` ${era.toLowerCase() === 'ec' ? 'era común' : era.toLowerCase().startsWith('a') ? 'antes de Cristo' : 'después de Cristo'}`
      : '';
    if (before && COUNTING_WORDS.has(before)) return `${cardinal(value)}${eraWords}`;
    if (era) return undefined;
    const name = /([\p{L}]+)\s+$/u.exec(context.text.slice(Math.max(0, context.start - 30), context.start))?.[1];
    if (name && REGNAL.has(name.toLowerCase()) && (/^\p{Lu}/u.test(name) || lower) && (!lower || name === name.toLowerCase())) {
      return value <= 10 ? ordinal(value, { gender: FEMININE_NAMES.has(name.toLowerCase()) ? 'f' : 'm' }) : cardinal(value);
    }
    // "la XV Legislatura", "el XI apóstol": an ordinal that agrees with the noun after it. Letters C, D, M after
    // an article are more often an acronym ("el CD") than a numeral.
    if (!lower && /^[IVXL]+$/.test(numeral!) && before && ARTICLES.has(before)) {
      const next = wordAfter(context);
      const gender: Gender = (next ? nounGender(next) : undefined) ?? (/^(?:la|las|esta|cuya)$/.test(before) ? 'f' : 'm');
      return ordinal(value, { gender, shortened: gender === 'm' && next !== undefined });
    }
    return undefined;
  },
};
