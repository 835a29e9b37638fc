// Quantities with a unit symbol: "120 km/h", "-5 °C", "1.013 hPa", "3 3/5 m", "4,51/s". The unit's gender
// (data/units.tsv) decides the number's form: "veintiún kilómetros", "doscientas cuarenta y cinco millas".
import { dayOfMonth, sentenceWords, textAfter, wordAfter, wordAfterOrdinalList, wordsBefore, type Context } from '../context.ts';
import { nounGender } from '../gender.ts';
import { readTable } from '../data.ts';
import { beforeNoun, cardinal, countingCardinal, type Gender } from '../numbers.ts';
import { escapePattern, fixed, perLocale, type Tagger } from '../tagger.ts';
import { numberSource, parseNumber, SIGN_SOURCE, sayNumber, sayWrittenNumber } from '../written-number.ts';
import { fractionWords } from './fraction.ts';

interface Unit {
  singular: string;
  plural: string;
  gender: Gender;
}

let units: ReadonlyMap<string, Unit> | undefined;

function unitTable(): ReadonlyMap<string, Unit> {
  units ??= new Map(
    readTable('units.tsv').map(([symbol, singular, plural, gender]) => [
      unitKey(symbol!),
      { singular: singular!, plural: plural!, gender: gender === 'f' ? 'f' : 'm' },
    ]),
  );
  return units;
}

/** Degrees are written "°C", "° C", "ºc": one key for all. */
function unitKey(written: string): string {
  return /^[°º]/.test(written) ? written.replace(/\s/g, '').toUpperCase() : written;
}

export function unitSource(): string {
  const symbols = readTable('units.tsv')
    .map(([symbol]) => symbol!)
    .sort((a, b) => b.length - a.length);
  return symbols
    .map((symbol) => {
      const letter = symbol.replace(/^[°º]\s?/, '');
      if (!/^[°º]/.test(symbol)) return escapePattern(symbol);
      return letter ? `[°º]\\s?[${letter.toUpperCase()}${letter.toLowerCase()}]` : '[°º]';
    })
    .join('|');
}

/** The gender of a unit ("millas" f), for the first end of a range written once before it ("5-6 km"). */
export function unitGender(symbol: string): Gender | undefined {
  return unitTable().get(unitKey(symbol))?.gender;
}

/** How one of a unit is said ("kg" -> "kilogramo"), for a price per unit: "2 €/kg". */
export function unitSingular(symbol: string): string | undefined {
  return unitTable().get(unitKey(symbol))?.singular;
}

// A bare degree sign after a singular article is an ordinal ("el 28°"); after anything else it is degrees, a
// plural article too: "hasta los 31º" is a temperature, a plural ordinal ("los 3.º") is written with the point.
const ORDINAL_BEFORE_DEGREE = new Set(['el', 'la', 'del', 'al', 'su']);

// A position in a league table is written in brackets after the team, often with the degree sign for "º":
// "Liceo (5º), Marista (6º)... serían los clasificados". These words say the sentence is about a standing, those
// after them that it is about the weather ("Sevilla (40°)"), which keeps the degrees.
const STANDING_WORDS = new Set([
  'torneo',
  'tabla',
  'posiciones',
  'posición',
  'puesto',
  'lugar',
  'clasificados',
  'clasificación',
  'fecha',
  'jornada',
  'puntos',
  'unidades',
  'líder',
  'campeonato',
  'liga',
  'equipo',
  'equipos',
  'recibe',
  'visita',
  'partido',
  'gol',
  'goles',
  'clasificar',
  'clasificado',
  'clasificada',
]);
const WEATHER_WORDS = new Set(['temperatura', 'temperaturas', 'grados', 'máxima', 'máximas', 'mínima', 'mínimas', 'calor', 'frío', 'termómetros']);

const aboutWeather = (context: Context) => sentenceWords(context).some((word) => WEATHER_WORDS.has(word));

/** A sentence about a league: a word of the standings and none of the weather. */
function aboutStanding(context: Context): boolean {
  const words = sentenceWords(context);
  return words.some((word) => STANDING_WORDS.has(word)) && !words.some((word) => WEATHER_WORDS.has(word));
}

// After a section word a degree sign is the ordinal of the section, as Argentine laws number theirs: "art. 99 inc.
// 3°" -> "artículo noventa y nueve inciso tercero".
// Read on the raw text: the abbreviation's period would end the sentence for wordsBefore.
const SECTION_BEFORE = /(?:^|[^\p{L}])(?:(?:art|arts|inc|apdo|cap)\.?|artículo|inciso|apartado|párrafo|capítulo|título)\s?$/iu;
const afterSection = (context: Context) => SECTION_BEFORE.test(context.text.slice(Math.max(0, context.start - 12), context.start));

/** "1°) El art. 99...": a list's number at the start of a sentence, closed by a bracket or a period and a dash. */
const listNumber = (context: Context) => wordsBefore(context, 1).length === 0 && /^(?:\)|\.-)/.test(textAfter(context, 2));

// Nouns a temperature or a bearing is followed by ("38° mañana", "40° norte", "30° sombra"): degrees, not a rank.
const AFTER_DEGREES = new Set(['mañana', 'tarde', 'noche', 'madrugada', 'mediodía', 'día', 'sol', 'sombra', 'norte', 'sur', 'este', 'oeste']);

/**
 * "2° FECHA", "4° Árbitro: ...", "Copa de la Liga – 10º fecha": a degree sign before a noun, opening a line or a
 * sentence or after a dash, numbers it, as "°" is written for "º"; a weather word in the sentence keeps it degrees.
 */
function numberedNoun(context: Context): boolean {
  const noun = wordAfter(context);
  if (noun === undefined || nounGender(noun) === undefined || WEATHER_WORDS.has(noun) || AFTER_DEGREES.has(noun)) return false;
  const opens = wordsBefore(context, 1).length === 0 || /[–—-]\s?$/u.test(context.text.slice(Math.max(0, context.start - 2), context.start));
  return opens && !aboutWeather(context);
}

// Nouns an ordinal numbers, school years and places in a ranking: "3° año", "cursa 4° grado", "terminó 2° lugar".
const RANKED_NOUNS = new Set([
  'año',
  'grado',
  'curso',
  'puesto',
  'lugar',
  'piso',
  'nivel',
  'semestre',
  'cuatrimestre',
  'trimestre',
  'ciclo',
  'división',
  'categoría',
  'fecha',
  'jornada',
  'ronda',
  'etapa',
  'edición',
  'turno',
]);

/** "1°, 2° y 3° año": a degree sign before a noun that is ranked, or before a list of such numbers ending in one. */
const rankedNoun = (context: Context) => {
  const noun = wordAfterOrdinalList(context);
  return noun !== undefined && RANKED_NOUNS.has(noun) && !aboutWeather(context);
};

// Verbs a team's place in the table follows: "Obras se mantiene 14°", "terminó 3°".
const STANDING_VERBS = new Set([
  'mantiene',
  'mantuvo',
  'quedó',
  'queda',
  'terminó',
  'termina',
  'finalizó',
  'marcha',
  'ubica',
  'ubicó',
  'sigue',
  'siguió',
  'permanece',
  'culminó',
  'cerró',
  'acabó',
  'clasificó',
  'llegó',
]);

/** "Obras se mantiene 14°" in a sentence about a league: the team's place after a verb of standing, an ordinal. */
function placeInStanding(context: Context): boolean {
  return STANDING_VERBS.has(wordsBefore(context, 1)[0] ?? '') && aboutStanding(context);
}

/** "Estudiantes (1°)" in a sentence about a league: the team's position, an ordinal, not degrees. */
function bracketedStanding(context: Context): boolean {
  if (!/\(\s?$/.test(context.text.slice(Math.max(0, context.start - 2), context.start))) return false;
  return /^\s?\)/.test(textAfter(context, 2)) && aboutStanding(context);
}

export const measureTagger: Tagger = {
  semioticClass: 'measure',
  pattern: perLocale(
    (locale) =>
      new RegExp(
        String.raw`(?<![\p{L}\p{N}.,])(${SIGN_SOURCE}(?:\d+\s)?\d+\/\d+|${SIGN_SOURCE}${numberSource(locale)})(?:\s(mil|millones|millón))?\s?(\/)?(${unitSource()})(?![\p{L}\p{N}])`,
        'gu',
      ),
  ),
  read: ([, amount, scale, per, symbol], context) => {
    const unit = unitTable().get(unitKey(symbol!));
    return unit && quantityWords(amount!, scale, per, symbol!, unit, context);
  },
};

function quantityWords(
  amount: string,
  scale: string | undefined,
  per: string | undefined,
  symbol: string,
  unit: Unit,
  context: Context,
): string | undefined {
  if (/^[°º]$/.test(symbol)) {
    const before = wordsBefore(context, 1);
    if (before.length === 0 && context.start === 0 && context.end === context.text.length) return undefined;
    if (before.some((word) => ORDINAL_BEFORE_DEGREE.has(word))) return undefined;
    if (
      afterSection(context) ||
      bracketedStanding(context) ||
      listNumber(context) ||
      numberedNoun(context) ||
      rankedNoun(context) ||
      placeInStanding(context)
    )
      return undefined;
    // "1° de enero": the first of a month, written with the degree sign for "º".
    if (dayOfMonth(context)) return undefined;
  }
  // "2.677.173 ha obtenido": "ha" before a participle is the verb, not hectares.
  if (symbol === 'ha' && /^\s+\p{L}+(?:ado|ada|ido|ida|to|cho|so)\b/u.test(context.text.slice(context.end, context.end + 30))) return undefined;
  if (per) return `${sayWrittenNumber(amount, context)} por ${unit.singular}`;
  if (scale)
    return `${sayWrittenNumber(amount, context, scale === 'mil' ? unit.gender : 'm')} ${scale}${scale === 'mil' ? '' : ' de'} ${unit.plural}`;
  const fraction = /^([-−–])?(?:(\d+)\s)?(\d+)\/(\d+)$/.exec(amount);
  if (fraction) {
    const [, minus, whole, numerator, denominator] = fraction;
    const sign = minus ? 'menos ' : '';
    const half = numerator === '1' && denominator === '2';
    if (whole === undefined) {
      return half
        ? `${sign}${unit.gender === 'f' ? 'media' : 'medio'} ${unit.singular}`
        : `${sign}${fractionWords(BigInt(numerator!), BigInt(denominator!))} de ${unit.singular}`;
    }
    const wholeWords = unit.gender === 'f' ? countingCardinal(BigInt(whole), 'f') : cardinal(BigInt(whole));
    return half
      ? `${sign}${wholeWords} y ${unit.gender === 'f' ? 'media' : 'medio'} ${unit.singular}`
      : `${sign}${wholeWords} y ${fractionWords(BigInt(numerator!), BigInt(denominator!))} de ${unit.singular}`;
  }
  const number = parseNumber(amount, context.locale);
  const one = number.integer === 1n && number.decimals === undefined;
  const count = sayNumber(number, { gender: unit.gender, decimalWord: context.locale.decimalWord });
  return `${number.decimals === undefined ? beforeNoun(count) : count} ${one ? unit.singular : unit.plural}`;
}

/** A kilometre point written before its number: "el km 23" -> "el kilómetro veintitrés". */
export const kilometrePointTagger: Tagger = {
  semioticClass: 'measure',
  pattern: fixed(/(?<![\p{L}\p{N}])(km|KM|Km|PK|pk)\.?(?=\s?\d)/gu),
  read: ([, mark]) => (mark!.toLowerCase() === 'pk' ? 'punto kilométrico' : 'kilómetro'),
};

// Unit symbols that are also words or abbreviations of Spanish ("(ha)", "(min)", "(cal)"): alone in brackets
// they may be anything, so they are left.
const WORDLIKE_UNITS = new Set(['ha', 'min', 'cal', 'seg', 'hs', 'hrs', 'cc', 'kn']);

/** Whether a symbol alone in brackets can only be the unit: not one letter, not all capitals (an acronym: GB, CV). */
function unmistakableUnit(symbol: string): boolean {
  if (symbol.length < 2 || WORDLIKE_UNITS.has(symbol)) return false;
  return symbol !== symbol.toUpperCase() || /[^\p{L}]/u.test(symbol);
}

/**
 * A unit named alone in brackets, as a table heading or a figure's label: "el consumo (kWh)" -> "el consumo
 * (kilovatios hora)". No number counts it, so it is said in the plural.
 */
export const unitLabelTagger: Tagger = {
  semioticClass: 'measure',
  pattern: fixed(new RegExp(String.raw`(?<=\(\s?)(${unitSource()})(?=\s?\))`, 'gu')),
  read: ([symbol]) => (unmistakableUnit(symbol!) ? unitTable().get(unitKey(symbol!))?.plural : undefined),
};

/**
 * A unit's symbol in brackets after the unit's own name is a gloss for the reader: "2.369 megavatios (MW)
 * adicionales", "euros por megavatio hora (MWh)". A newsreader does not say it twice, so it is said as nothing.
 */
export const unitGlossTagger: Tagger = {
  semioticClass: 'measure',
  pattern: fixed(new RegExp(String.raw`(?<=\p{L})\s?\((${unitSource()})\)`, 'gu')),
  read: ([, symbol], context) => {
    const unit = unitTable().get(unitKey(symbol!));
    if (!unit) return undefined;
    const before = context.text.slice(Math.max(0, context.start - 40), context.start).toLowerCase();
    return [unit.singular, unit.plural].some((name) => before.endsWith(name)) ? '' : undefined;
  },
};
