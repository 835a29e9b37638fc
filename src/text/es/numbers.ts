// Spanish number words as a newsreader says them: cardinals with gender and apocope, decimal digits, ordinals
// and fraction denominators. Pure functions of the value; which form a context needs is the taggers' choice.

export type Gender = 'm' | 'f';

const UNITS = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

function belowThousand(value: number): string {
  if (value === 100) return 'cien';
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(HUNDREDS[hundreds]!);
  if (rest > 0 && rest < 30) parts.push(UNITS[rest]!);
  else if (rest >= 30) parts.push(rest % 10 === 0 ? TENS[Math.floor(rest / 10)]! : `${TENS[Math.floor(rest / 10)]} y ${UNITS[rest % 10]}`);
  return parts.join(' ');
}

/** "uno" as a counted quantity before a masculine noun or a scale word is "un" ("veintiún años", "un millón"). */
export function apocopate(words: string): string {
  return words.replace(/veintiuno$/, 'veintiún').replace(/(^|\s)uno$/, '$1un');
}

/** Feminine forms for a count of a feminine noun: "una", "veintiuna", "doscientas". */
function feminize(words: string): string {
  return words
    .replace(/ientos\b/g, 'ientas')
    .replace(/(^|\s)uno?$/, '$1una')
    .replace(/veinti(?:uno|ún)$/, 'veintiuna');
}

// Long scale, as Spain and Latin America count: a billón is a million millions.
const SCALES: Array<[value: bigint, singular: string, plural: string]> = [
  [10n ** 18n, 'trillón', 'trillones'],
  [10n ** 12n, 'billón', 'billones'],
  [10n ** 6n, 'millón', 'millones'],
];

/** "un millón" before a noun takes "de": "un millón de euros", "dos millones de personas". */
export function beforeNoun(words: string): string {
  return /(?:millón|millones|billón|billones|trillón|trillones)$/.test(words) ? `${words} de` : words;
}

/** Cardinal number words for a non-negative integer (up to the trillones). */
export function cardinal(value: number | bigint): string {
  let rest = BigInt(value);
  if (rest === 0n) return 'cero';
  const parts: string[] = [];
  for (const [scale, singular, plural] of SCALES) {
    const count = rest / scale;
    if (count > 0n) parts.push(count === 1n ? `un ${singular}` : `${apocopate(cardinal(count))} ${plural}`);
    rest %= scale;
  }
  if (rest > 0n) parts.push(belowMillion(Number(rest)));
  return parts.join(' ');
}

function belowMillion(value: number): string {
  const thousands = Math.floor(value / 1000);
  const units = value % 1000;
  const parts: string[] = [];
  if (thousands === 1) parts.push('mil');
  else if (thousands > 1) parts.push(`${apocopate(belowThousand(thousands))} mil`);
  if (units > 0) parts.push(belowThousand(units));
  return parts.join(' ');
}

/**
 * The cardinal that counts a noun: masculine nouns take the apocope ("veintiún kilómetros"), feminine ones the
 * feminine forms below the millions ("doscientas mil personas", but "doscientos millones de personas").
 */
export function countingCardinal(value: number | bigint, gender: Gender): string {
  const whole = BigInt(value);
  if (gender === 'm') return apocopate(cardinal(whole));
  const millions = (whole / 10n ** 6n) * 10n ** 6n;
  const below = Number(whole - millions);
  if (below === 0) return cardinal(whole);
  const low = below === 1 ? 'una' : feminize(belowMillion(below).replace(/veintiún mil/, 'veintiuna mil'));
  return millions === 0n ? low : `${cardinal(millions)} ${low}`;
}

/**
 * Digits after the decimal mark as Spanish newsreaders (and NeMo) say them: up to three as one number, leading
 * zeros as "cero" ("05" -> "cero cinco", "132" -> "ciento treinta y dos"); longer runs in pairs ("1415" ->
 * "catorce quince"), so no reading grows into an unheard-of number.
 */
export function decimalDigits(digits: string, gender: Gender | undefined = undefined): string {
  const groups = digits.length <= 3 ? [digits] : (digits.match(/\d{1,2}/g) ?? []);
  const words = groups
    .map((group) => {
      const leadingZeros = /^0*/.exec(group)![0].length;
      const rest = group.slice(leadingZeros);
      return [...Array<string>(leadingZeros).fill('cero'), ...(rest ? [cardinal(BigInt(rest))] : [])].join(' ');
    })
    .join(' ');
  return gender === 'f' ? feminize(words) : words;
}

const ORDINAL_UNITS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const ORDINAL_TENS = [
  '',
  'décimo',
  'vigésimo',
  'trigésimo',
  'cuadragésimo',
  'quincuagésimo',
  'sexagésimo',
  'septuagésimo',
  'octogésimo',
  'nonagésimo',
];
const ORDINAL_HUNDREDS = [
  '',
  'centésimo',
  'ducentésimo',
  'tricentésimo',
  'cuadringentésimo',
  'quingentésimo',
  'sexcentésimo',
  'septingentésimo',
  'octingentésimo',
  'noningentésimo',
];

function ordinalBelowHundred(value: number, writtenShort: boolean): string {
  const tens = Math.floor(value / 10);
  const units = value % 10;
  if (value === 11 && !writtenShort) return 'undécimo';
  if (value === 12) return 'duodécimo';
  // 13th to 29th are written as one word: "decimotercero", "vigesimoctavo"; "decimoprimer" before a noun.
  if ((tens === 1 || tens === 2) && units > 0) return `${tens === 1 ? 'decimo' : 'vigesimo'}${ORDINAL_UNITS[units]}`.replace('oo', 'o');
  return [ORDINAL_TENS[tens]!, ORDINAL_UNITS[units]!].filter(Boolean).join(' ');
}

export interface OrdinalForm {
  gender?: Gender;
  /** Before a masculine noun: "primer", "tercer". */
  shortened?: boolean;
  /** Written with "er" ("11.ᵉʳ"): shortened, and 11th as "decimoprimer" rather than "undécimo". */
  writtenShort?: boolean;
}

/** Ordinal words ("vigésimo primero", "milésimo ducentésimo cuadragésimo octavo", "dosmilésimo"). */
export function ordinal(value: number, { gender = 'm', shortened = false, writtenShort = false }: OrdinalForm = {}): string {
  if (value <= 0 || value >= 1_000_000) return cardinal(value);
  const thousands = Math.floor(value / 1000);
  const hundreds = Math.floor((value % 1000) / 100);
  const rest = value % 100;
  const parts: string[] = [];
  if (thousands === 1) parts.push('milésimo');
  else if (thousands > 1) parts.push(`${cardinal(thousands).replaceAll(' ', '')}milésimo`);
  if (hundreds > 0) parts.push(ORDINAL_HUNDREDS[hundreds]!);
  if (rest > 0) parts.push(ordinalBelowHundred(rest, writtenShort));
  let words = parts.join(' ');
  if (gender === 'f') return words.replace(/o\b/g, 'a');
  if (shortened || writtenShort) words = words.replace(/(prim|terc)ero$/, '$1er');
  return words;
}

const FRACTION_DENOMINATORS: Record<number, string> = { 2: 'medio', 3: 'tercio', 4: 'cuarto' };

/**
 * The denominator of a fraction as a word ("tercio", "quinto", "onceavo", "centésimo", "cienmilésimo"), or
 * undefined where Spanish has none and says "uno sobre ciento uno".
 */
export function fractionDenominator(denominator: bigint): string | undefined {
  const value = Number(denominator);
  if (FRACTION_DENOMINATORS[value]) return FRACTION_DENOMINATORS[value];
  if (value >= 5 && value <= 10) return ordinal(value);
  if (value > 10 && value < 100) {
    // The partitive "-avo": "onceavo", "treintavo", "treintaiunavo" (the "y" and the accent fold into the word).
    const words = apocopate(cardinal(value))
      .replace(/a y /g, 'ai')
      .replace(/ún$/, 'un')
      .normalize('NFD')
      .replace(/\u0301/g, '')
      .normalize('NFC');
    return `${words.replace(/a$/, '')}avo`;
  }
  if (value >= 100 && value < 1000) return value % 100 === 0 ? ordinal(value) : undefined;
  for (const [scale, word] of [
    [10n ** 6n, 'millonésimo'],
    [1000n, 'milésimo'],
  ] as const) {
    if (denominator % scale === 0n && denominator / scale < 1_000_000n) {
      const count = denominator / scale;
      return count === 1n ? word : `${cardinal(count).replaceAll(' ', '')}${word}`;
    }
  }
  return undefined;
}
