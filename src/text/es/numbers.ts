// Spanish number words as a newsreader says them.

const UNITS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince',
  'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco',
  'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve'];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'];

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

/** "uno" as a counted quantity before a noun is "un" ("veintiún años", "un millón"). */
export function apocopate(words: string): string {
  return words.replace(/veintiuno$/, 'veintiún').replace(/(^|\s)uno$/, '$1un');
}

const SCALES: Array<[value: bigint, singular: string, plural: string]> = [
  [10n ** 12n, 'billón', 'billones'],
  [10n ** 6n, 'millón', 'millones'],
];

/** Cardinal number words for a non-negative integer (up to the trillions). */
export function cardinal(value: number | bigint): string {
  let rest = BigInt(value);
  if (rest === 0n) return 'cero';
  const parts: string[] = [];
  for (const [scale, singular, plural] of SCALES) {
    const count = rest / scale;
    if (count > 0n) parts.push(count === 1n ? `un ${singular}` : `${apocopate(cardinal(count))} ${plural}`);
    rest %= scale;
  }
  const thousands = Number(rest / 1000n);
  const units = Number(rest % 1000n);
  if (thousands === 1) parts.push('mil');
  else if (thousands > 1) parts.push(`${apocopate(belowThousand(thousands))} mil`);
  if (units > 0) parts.push(belowThousand(units));
  return parts.join(' ');
}

/** Digits after a decimal comma: "5" -> "cinco", "05" -> "cero cinco", "50" -> "cincuenta". */
export function decimalDigits(digits: string): string {
  const leadingZeros = /^0*/.exec(digits)![0].length;
  const rest = digits.slice(leadingZeros);
  return [...Array<string>(leadingZeros).fill('cero'), ...(rest ? [cardinal(BigInt(rest))] : [])].join(' ');
}

const ORDINAL_UNITS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const ORDINAL_TENS = ['', 'décimo', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'];

/** Ordinal words up to 99 ("vigésimo primero"); feminine when `feminine`; larger values fall back to cardinals. */
export function ordinal(value: number, feminine = false): string {
  if (value <= 0 || value >= 100) return cardinal(value);
  const special: Record<number, string> = { 11: 'undécimo', 12: 'duodécimo' };
  const words = special[value] ?? [ORDINAL_TENS[Math.floor(value / 10)]!, ORDINAL_UNITS[value % 10]!].filter(Boolean).join(' ');
  return feminine ? words.replace(/o\b/g, 'a') : words;
}
