// A tagger finds one semiotic class in written text ("3-0" as a score, "22.15" as a time) and says it. It reads
// the words around its match before choosing, and may decline a match so a later class can take it.
import type { Context } from './context.ts';
import type { SpanishLocale } from './locales.ts';

export type SemioticClass =
  | 'electronic'
  | 'telephone'
  | 'date'
  | 'time'
  | 'money'
  | 'measure'
  | 'percent'
  | 'fraction'
  | 'reference'
  | 'ordinal'
  | 'range'
  | 'roman'
  | 'decimal'
  | 'cardinal'
  | 'abbreviation'
  | 'acronym'
  | 'leftover';

export interface Tagger {
  readonly semioticClass: SemioticClass;
  /** A global regex finding candidates, built for the locale's number style. */
  pattern(locale: SpanishLocale): RegExp;
  /** The spoken form of a match, or undefined when the context says it is not this class. */
  read(match: RegExpExecArray, context: Context): string | undefined;
}

/** A pattern built once per locale. */
export function perLocale(build: (locale: SpanishLocale) => RegExp): (locale: SpanishLocale) => RegExp {
  const built = new Map<string, RegExp>();
  return (locale) => {
    let pattern = built.get(locale.tag);
    if (!pattern) {
      pattern = build(locale);
      built.set(locale.tag, pattern);
    }
    return pattern;
  };
}

/** Text to match literally inside a pattern. */
export function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An alternation of literal words, longest first so "sept." wins over "sep". */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapePattern)
    .join('|');
}

/**
 * Regex source matching `source` in any letter case, for one part of a pattern whose other parts must keep theirs
 * (unit symbols: "mm" is not "MM"). Each letter becomes a class of its two cases.
 */
export function caseless(source: string): string {
  // An escape ("\\s") is kept as it is.
  return source.replace(/\\.|\p{L}/gu, (letter) => {
    const [lower, upper] = [letter.toLowerCase(), letter.toUpperCase()];
    return letter.startsWith('\\') || lower === upper ? letter : `[${lower}${upper}]`;
  });
}

/** A locale-independent pattern. */
export function fixed(pattern: RegExp): (locale: SpanishLocale) => RegExp {
  return () => pattern;
}
