// Which mark a text uses for decimals, read from its own numbers. Pages in one country do not agree (in Peru
// one paper writes "US$ 2.251 millones" and "18,8%", another "US$ 2,251 millones" and "18.8%"), so when a text's
// numbers show their style unambiguously, that style wins over the locale's default.
import type { SpanishLocale } from './locales.ts';

// Numbers that can only be read one way.
const COMMA_DECIMALS = [/\d,\d{1,2}(?!\d)/g, /\d,\d{4,}/g, /\d{1,3}(?:\.\d{3}){2,}(?!\d)/g];
const POINT_DECIMALS = [/\d\.\d{4,}/g, /\d{1,3}(?:,\d{3}){2,}(?!\d)/g];
// "18.8%", "3.5 millones", "18.35 pesos": a short dotted number is a decimal only before what decimals measure
// ("a las 22.15" is a time, "artículo 116.1" a section).
const SHORT_POINT_DECIMAL = /(?<![\d.])\d+\.\d{1,2}(?=\s?(?:%|por ciento|millones|millón|mil\b|billones|pesos|dólares|soles|euros|puntos))/g;

const count = (text: string, patterns: readonly RegExp[]) => patterns.reduce((sum, pattern) => sum + (text.match(pattern)?.length ?? 0), 0);

/** The locale with its decimal mark replaced by the one the text itself shows, if it shows only one. */
export function withTextNumberStyle(locale: SpanishLocale, text: string): SpanishLocale {
  const comma = count(text, COMMA_DECIMALS);
  const point = count(text, [...POINT_DECIMALS, SHORT_POINT_DECIMAL]);
  const mark = comma > 0 && point === 0 ? ',' : point > 0 && comma === 0 ? '.' : locale.decimalMark;
  return mark === locale.decimalMark ? locale : { ...locale, tag: `${locale.tag}-decimal${mark === ',' ? 'comma' : 'point'}`, decimalMark: mark };
}
