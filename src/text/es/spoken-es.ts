// Spanish written forms -> what a Spanish newsreader says: numbers, dates, times, money, percentages,
// ordinals, units, abbreviations, Roman numerals in context and acronyms. Each rewrite replaces one written
// span, so the subtitle keeps "1.250.000 €" while the voice says the words.
import type { SpokenTextBuilder } from '../spoken-text.ts';
import { apocopate, cardinal, decimalDigits, ordinal } from './numbers.ts';

interface Rule {
  pattern: RegExp;
  /** The spoken form, or undefined when the match turns out not to be this rule's case. */
  speak: (match: RegExpExecArray, after: string) => string | undefined;
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
// After these a number is not counting the next word, so "uno" keeps its full form ("el 1 de mayo").
const NOT_COUNTED = new Set(['de', 'del', 'a', 'al', 'y', 'e', 'o', 'u', 'por', 'para', 'en', 'con', 'que', 'se', 'sin', 'entre', 'hasta', 'desde', 'es', 'fue']);

function parseNumber(written: string): { integer: bigint; decimals: string | undefined } {
  const [integerPart = '0', decimals] = written.replaceAll('.', '').split(',');
  return { integer: BigInt(integerPart), decimals };
}

// Nouns ending in -a that are masculine: everything else ending in -a(s) is taken as feminine.
const MASCULINE_IN_A = new Set(['día', 'días', 'mapa', 'mapas', 'problema', 'problemas', 'programa', 'programas', 'tema', 'temas', 'sistema', 'sistemas', 'idioma', 'idiomas', 'clima', 'planeta', 'planetas', 'poeta', 'poetas', 'dilema', 'dilemas', 'esquema', 'esquemas']);

/** The word a number counts, if the next word is one ("21 años" counts "años"; "1 de mayo" counts nothing). */
function countedWord(after: string): string | undefined {
  const nextWord = /^\s+([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase();
  return nextWord !== undefined && !NOT_COUNTED.has(nextWord) ? nextWord : undefined;
}

const FEMININE_ENDINGS = /(?:as?|ión|iones|dad|dades|tad|tades|tud|tudes)$|^(?:mujer|mujeres|vez|veces|ley|leyes|red|redes|imagen|imágenes|parte|partes|noche|noches|gente|muerte|muertes|calle|calles|clase|clases|tarde|tardes|madre|madres|fuente|fuentes)$/;

/** Cardinal words agreeing with the counted noun: "un año", "una persona", "doscientas personas". */
function countingCardinal(value: bigint, noun: string): string {
  const words = apocopate(cardinal(value));
  if (!FEMININE_ENDINGS.test(noun) || MASCULINE_IN_A.has(noun)) return words;
  return words.replace(/ientos\b/g, 'ientas').replace(/(^|\s)un$/, '$1una').replace(/veintiún$/, 'veintiuna');
}

/** A number as words; agreeing with the word it counts, if any. */
function numberWords(written: string, after = ''): string {
  const { integer, decimals } = parseNumber(written);
  if (decimals !== undefined) return `${cardinal(integer)} coma ${decimalDigits(decimals)}`;
  const noun = countedWord(after);
  return noun ? countingCardinal(integer, noun) : cardinal(integer);
}

const CURRENCIES: Record<string, { one: string; many: string; cent: string }> = {
  '€': { one: 'euro', many: 'euros', cent: 'céntimos' },
  'US$': { one: 'dólar', many: 'dólares', cent: 'centavos' },
  $: { one: 'dólar', many: 'dólares', cent: 'centavos' },
  '£': { one: 'libra', many: 'libras', cent: 'peniques' },
};

function money(amount: string, scale: string | undefined, symbol: string): string {
  const currency = CURRENCIES[symbol]!;
  const { integer, decimals } = parseNumber(amount);
  if (scale) {
    const joiner = /mill|bill/.test(scale) ? ' de ' : ' ';
    return `${numberWords(amount, ' x')} ${scale}${joiner}${currency.many}`;
  }
  const unit = integer === 1n && decimals === undefined ? currency.one : currency.many;
  const whole = `${apocopate(cardinal(integer))} ${unit}`;
  if (decimals === undefined || /^0+$/.test(decimals)) return whole;
  const cents = Number(decimals.padEnd(2, '0').slice(0, 2));
  return `${whole} con ${apocopate(cardinal(cents))} ${currency.cent}`;
}

const UNITS: Record<string, [one: string, many: string]> = {
  'km/h': ['kilómetro por hora', 'kilómetros por hora'],
  'km²': ['kilómetro cuadrado', 'kilómetros cuadrados'],
  'm²': ['metro cuadrado', 'metros cuadrados'],
  km: ['kilómetro', 'kilómetros'],
  kg: ['kilo', 'kilos'],
  cm: ['centímetro', 'centímetros'],
  mm: ['milímetro', 'milímetros'],
  m: ['metro', 'metros'],
  g: ['gramo', 'gramos'],
  l: ['litro', 'litros'],
  ml: ['mililitro', 'mililitros'],
  ha: ['hectárea', 'hectáreas'],
  t: ['tonelada', 'toneladas'],
  kWh: ['kilovatio hora', 'kilovatios hora'],
  MW: ['megavatio', 'megavatios'],
  '°C': ['grado', 'grados'],
  'ºC': ['grado', 'grados'],
  '°': ['grado', 'grados'],
};

// Abbreviations; `title` ones stand before a name and their period never ends a sentence.
const ABBREVIATIONS: Record<string, { spoken: string; title?: boolean }> = {
  'Sr.': { spoken: 'señor', title: true },
  'Sra.': { spoken: 'señora', title: true },
  'Srta.': { spoken: 'señorita', title: true },
  'Sres.': { spoken: 'señores', title: true },
  'Dr.': { spoken: 'doctor', title: true },
  'Dra.': { spoken: 'doctora', title: true },
  'D.': { spoken: 'don', title: true },
  'Dña.': { spoken: 'doña', title: true },
  'Excmo.': { spoken: 'excelentísimo', title: true },
  'Avda.': { spoken: 'avenida', title: true },
  'Ud.': { spoken: 'usted' },
  'Uds.': { spoken: 'ustedes' },
  'EE.UU.': { spoken: 'Estados Unidos' },
  'EEUU': { spoken: 'Estados Unidos' },
  'etc.': { spoken: 'etcétera' },
  'aprox.': { spoken: 'aproximadamente' },
  'núm.': { spoken: 'número' },
  'n.º': { spoken: 'número' },
  'nº': { spoken: 'número' },
  'pág.': { spoken: 'página' },
  'tel.': { spoken: 'teléfono' },
  'a. C.': { spoken: 'antes de Cristo' },
  'd. C.': { spoken: 'después de Cristo' },
  'p. ej.': { spoken: 'por ejemplo' },
};

const LETTER_NAMES: Record<string, string> = {
  A: 'a', B: 'be', C: 'ce', D: 'de', E: 'e', F: 'efe', G: 'ge', H: 'hache', I: 'i', J: 'jota', K: 'ka', L: 'ele', M: 'eme', N: 'ene',
  Ñ: 'eñe', O: 'o', P: 'pe', Q: 'cu', R: 'erre', S: 'ese', T: 'te', U: 'u', V: 'uve', W: 'uve doble', X: 'equis', Y: 'ye', Z: 'zeta',
};
// Acronyms read as words, and how; the rest of the list is spelled letter by letter.
const WORD_ACRONYMS: Record<string, string> = {
  ONU: 'onu', OTAN: 'otan', IVA: 'iva', UNESCO: 'unesco', NASA: 'nasa', OPEP: 'opep', FIFA: 'fifa', UEFA: 'uefa', INE: 'ine',
  CSIC: 'césic', PSOE: 'pesóe', COVID: 'cóvid', ERE: 'ere', IBEX: 'íbex', OCDE: 'o ce de e', UNICEF: 'únicef', SEPE: 'sepe',
  DGT: 'de ge te', AVE: 'ave', OVNI: 'ovni', SIDA: 'sida', MIR: 'mir', BOE: 'boe', CIS: 'cis', FBI: 'efe be i', CEO: 'ceo',
};
const SPELLED_ACRONYMS = new Set(['PIB', 'UE', 'PP', 'FMI', 'OMS', 'ONG', 'DNI', 'BCE', 'RTVE', 'UGT', 'IRPF', 'CCAA', 'TVE', 'EFE', 'PNV', 'CGPJ', 'TC', 'TS', 'IPC', 'PYME', 'EEUU']);

function spell(letters: string): string {
  return [...letters].map((letter) => LETTER_NAMES[letter] ?? letter.toLowerCase()).join(' ');
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export function romanValue(numeral: string): number | undefined {
  if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(numeral) || numeral === '') return undefined;
  let total = 0;
  for (let index = 0; index < numeral.length; index++) {
    const value = ROMAN_VALUES[numeral[index]!]!;
    const next = ROMAN_VALUES[numeral[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const REGNAL_NAMES = 'Felipe|Carlos|Juan Carlos|Juan Pablo|Juan|Pablo|Alfonso|Fernando|Isabel|Enrique|Pedro|Luis|Benedicto|León|Pío|Gregorio|Jaime|Sancho|Ramiro|Jorge|Eduardo|Guillermo|Napoleón|Francisco|Clemente|Inocencio|Urbano|Amadeo|Leopoldo|Gustavo|Federico';
const FEMININE_NAMES = new Set(['Isabel']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SENTENCE_FOLLOWS = /^(?:\s+[\p{Lu}¿¡«"“(]|\s*$)/u;

const RULES: Rule[] = [
  {
    pattern: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    speak: ([, day, month, year]) => {
      const monthName = MONTHS[Number(month) - 1];
      if (!monthName || Number(day) < 1 || Number(day) > 31) return undefined;
      const fullYear = year!.length === 2 ? 2000 + Number(year) : Number(year);
      return `${cardinal(Number(day))} de ${monthName} de ${cardinal(fullYear)}`;
    },
  },
  {
    pattern: /\b([01]?\d|2[0-3])(?::([0-5]\d)(?:\s?(h|horas)\b)?|\.([0-5]\d)\s?(h|horas)\b)/g,
    speak: ([, hours, colonMinutes, colonUnit, dotMinutes]) => {
      const minutes = Number(colonMinutes ?? dotMinutes);
      const hourWords = cardinal(Number(hours)).replace(/^uno$/, 'una');
      if (colonUnit || dotMinutes !== undefined) {
        const hourUnit = Number(hours) === 1 ? 'hora' : 'horas';
        return minutes === 0 ? `${hourWords} ${hourUnit}` : `${hourWords} ${hourUnit} y ${apocopate(cardinal(minutes))} minutos`;
      }
      if (minutes === 0) return `${hourWords} en punto`;
      if (minutes === 15) return `${hourWords} y cuarto`;
      if (minutes === 30) return `${hourWords} y media`;
      return `${hourWords} y ${cardinal(minutes)}`;
    },
  },
  {
    pattern: new RegExp(String.raw`(US\$|\$|€|£)\s?(${NUMBER})(?:\s(mil millones|millones|millón|mil|billones))?`, 'g'),
    speak: ([, symbol, amount, scale]) => money(amount!, scale, symbol!),
  },
  {
    pattern: new RegExp(String.raw`\b(${NUMBER})(?:\s(mil millones|millones|millón|mil|billones))?\s?(US\$|€|£|\$)`, 'g'),
    speak: ([, amount, scale, symbol]) => money(amount!, scale, symbol!),
  },
  {
    pattern: new RegExp(String.raw`\b(${NUMBER})\s?%`, 'g'),
    speak: ([, amount]) => `${numberWords(amount!)} por ciento`,
  },
  {
    pattern: /\b(\d{1,2})\.?\s?([ºª°])(?![CF])/g,
    speak: ([, value, mark], after) => {
      const words = ordinal(Number(value), mark === 'ª');
      // "primero" and "tercero" lose their -o before the noun they count: "el 21.º corredor", "el 3.er piso".
      return countedWord(after) ? words.replace(/(prim|terc)ero$/, '$1er') : words;
    },
  },
  {
    pattern: new RegExp(String.raw`\b(${NUMBER})\s?(km/h|km²|m²|kWh|km|kg|cm|mm|ml|ha|MW|m|g|l|t|°C|ºC|°)(?![\p{L}\d])`, 'gu'),
    speak: ([, amount, unit]) => {
      const [one, many] = UNITS[unit!]!;
      const isOne = amount === '1';
      return `${numberWords(amount!, ` ${many}`)} ${isOne ? one : many}`;
    },
  },
  {
    pattern: new RegExp(String.raw`\b(${NUMBER})\s?[-–]\s?(${NUMBER})\b`, 'g'),
    speak: ([, from, to], after) => `${numberWords(from!)} a ${numberWords(to!, after)}`,
  },
  {
    pattern: new RegExp(String.raw`\b(?:${NUMBER})\b`, 'g'),
    speak: ([written], after) => numberWords(written!, after),
  },
  {
    pattern: new RegExp(
      Object.keys(ABBREVIATIONS).sort((a, b) => b.length - a.length).map((abbreviation) => `(?<![\\p{L}])${escape(abbreviation)}(?![\\p{L}])`).join('|'),
      'gu',
    ),
    speak: ([written], after) => {
      const { spoken, title } = ABBREVIATIONS[written!]!;
      // "etc." at the end of a sentence still ends it; "Sr." before a name never does.
      return !title && written!.endsWith('.') && SENTENCE_FOLLOWS.test(after) ? `${spoken}.` : spoken;
    },
  },
  {
    pattern: /\b([Ss]iglos?)\s+([IVXLC]+)\b/g,
    speak: ([, word, numeral]) => {
      const value = romanValue(numeral!);
      return value === undefined ? undefined : `${word} ${cardinal(value)}`;
    },
  },
  {
    pattern: new RegExp(String.raw`\b(${REGNAL_NAMES})\s+([IVXL]+)\b`, 'g'),
    speak: ([, name, numeral]) => {
      const value = romanValue(numeral!);
      if (value === undefined) return undefined;
      return `${name} ${value <= 10 ? ordinal(value, FEMININE_NAMES.has(name!)) : cardinal(value)}`;
    },
  },
  {
    pattern: /(?<![\p{L}\d])\p{Lu}{2,7}(?![\p{L}\d])/gu,
    speak: ([acronym]) => {
      if (WORD_ACRONYMS[acronym!]) return WORD_ACRONYMS[acronym!];
      if (SPELLED_ACRONYMS.has(acronym!)) return spell(acronym!);
      // Unknown: a vowel between consonants reads as a word (like OTAN), a consonant cluster is spelled (like PSC).
      return /^(?:[^AEIOU]?[AEIOU])+[^AEIOU]?$/.test(acronym!) ? acronym!.toLowerCase() : spell(acronym!);
    },
  },
];

interface Rewrite {
  start: number;
  end: number;
  spoken: string;
}

/** The rewrites of written[from, to): each rule in order claims the matches no earlier rule claimed. */
export function spanishRewrites(written: string, from: number, to: number): Rewrite[] {
  const claimed: Rewrite[] = [];
  const segment = written.slice(from, to);
  for (const rule of RULES) {
    for (const match of segment.matchAll(rule.pattern)) {
      const start = from + match.index;
      const end = start + match[0].length;
      if (claimed.some((other) => start < other.end && other.start < end)) continue;
      const spoken = rule.speak(match as RegExpExecArray, written.slice(end));
      if (spoken !== undefined) claimed.push({ start, end, spoken });
    }
  }
  return claimed.sort((a, b) => a.start - b.start);
}

export function speakSpanish(written: string, builder: SpokenTextBuilder, from: number, to: number): void {
  let cursor = from;
  for (const rewrite of spanishRewrites(written, from, to)) {
    builder.keep(cursor, rewrite.start);
    builder.replace(rewrite.start, rewrite.end, rewrite.spoken);
    cursor = rewrite.end;
  }
  builder.keep(cursor, to);
}

/** The spoken form of a Spanish text, as a plain string (for tests and reports). */
export function spokenSpanish(written: string): string {
  let spoken = '';
  let cursor = 0;
  for (const rewrite of spanishRewrites(written, 0, written.length)) {
    spoken += written.slice(cursor, rewrite.start) + rewrite.spoken;
    cursor = rewrite.end;
  }
  return spoken + written.slice(cursor);
}
