// How Spanish differs between the countries a news page comes from: the decimal mark, what `$` names, and how
// the first day of a month is read. Spain is the default.
export interface SpanishLocale {
  /** BCP-47 tag, e.g. `es-MX`. */
  readonly tag: string;
  /** `,` in Spain and most of South America; `.` in Mexico, Central America, the Caribbean, Peru and the US. */
  readonly decimalMark: ',' | '.';
  /** How the decimal mark is said: "coma" where it is a comma, "punto" where it is a point ("18.35 pesos"). */
  readonly decimalWord: 'coma' | 'punto';
  /** The currency key (data/currencies.tsv) a bare `$` means here. */
  readonly dollarSign: string;
  /** "1 de enero": "uno" in Spain, "primero" in much of Latin America. */
  readonly firstOfMonth: 'uno' | 'primero';
}

export const DEFAULT_SPANISH_LOCALE = 'es-ES';

// Where `$` is the local peso, the newsreader says "pesos" (data/currencies.tsv: `$peso`).
const LOCALES: readonly SpanishLocale[] = [
  { tag: 'es-ES', decimalMark: ',', decimalWord: 'coma', dollarSign: '$', firstOfMonth: 'uno' },
  { tag: 'es-MX', decimalMark: '.', decimalWord: 'punto', dollarSign: '$peso', firstOfMonth: 'primero' },
  { tag: 'es-AR', decimalMark: ',', decimalWord: 'coma', dollarSign: '$peso', firstOfMonth: 'primero' },
  { tag: 'es-CO', decimalMark: ',', decimalWord: 'coma', dollarSign: '$peso', firstOfMonth: 'primero' },
  { tag: 'es-CL', decimalMark: ',', decimalWord: 'coma', dollarSign: '$peso', firstOfMonth: 'primero' },
  { tag: 'es-UY', decimalMark: ',', decimalWord: 'coma', dollarSign: '$peso', firstOfMonth: 'primero' },
  { tag: 'es-PE', decimalMark: '.', decimalWord: 'punto', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-VE', decimalMark: ',', decimalWord: 'coma', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-EC', decimalMark: ',', decimalWord: 'coma', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-BO', decimalMark: ',', decimalWord: 'coma', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-PY', decimalMark: ',', decimalWord: 'coma', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-CU', decimalMark: ',', decimalWord: 'coma', dollarSign: '$peso', firstOfMonth: 'primero' },
  { tag: 'es-DO', decimalMark: '.', decimalWord: 'punto', dollarSign: '$peso', firstOfMonth: 'primero' },
  { tag: 'es-GT', decimalMark: '.', decimalWord: 'punto', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-HN', decimalMark: '.', decimalWord: 'punto', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-NI', decimalMark: '.', decimalWord: 'punto', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-SV', decimalMark: '.', decimalWord: 'punto', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-CR', decimalMark: ',', decimalWord: 'coma', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-PA', decimalMark: '.', decimalWord: 'punto', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-PR', decimalMark: '.', decimalWord: 'punto', dollarSign: '$', firstOfMonth: 'primero' },
  { tag: 'es-US', decimalMark: '.', decimalWord: 'punto', dollarSign: '$', firstOfMonth: 'primero' },
];

export const SPANISH_LOCALE_TAGS: readonly string[] = LOCALES.map((locale) => locale.tag);

/** The profile for a tag (case-insensitive, `_` or `-`); an unknown country falls back to Spain's. */
export function spanishLocale(tag: string = DEFAULT_SPANISH_LOCALE): SpanishLocale {
  const wanted = tag.replace('_', '-').toLowerCase();
  return LOCALES.find((locale) => locale.tag.toLowerCase() === wanted) ?? LOCALES[0]!;
}
