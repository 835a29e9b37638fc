// Which Spanish a page is written in (es-ES, es-MX, es-AR…), from what the page says of itself: `<html lang>`,
// then `og:locale`, then the country of its domain. Numbers, `$` and dates are read the way that country reads
// them. Pure: the caller passes the strings it extracted.
import { UserError } from '../errors.ts';
import { DEFAULT_SPANISH_LOCALE, SPANISH_LOCALE_TAGS } from '../text/es/locales.ts';

export { DEFAULT_SPANISH_LOCALE };

/** The locales `--locale` accepts and a page may resolve to. */
export const SUPPORTED_LOCALES: readonly string[] = SPANISH_LOCALE_TAGS;

export interface PageLocaleHints {
  /** `<html lang="es-AR">` */
  htmlLang?: string | undefined;
  /** `<meta property="og:locale" content="es_MX">` */
  ogLocale?: string | undefined;
  /** The page's URL or host name: `https://www.clarin.com.ar/...` or `elcomercio.pe`. */
  url?: string | undefined;
}

/** A supported locale for a BCP-47-like tag ("es_mx", "ES-AR"), or undefined (no region, or not Spanish). */
function supportedLocale(tag: string | undefined): string | undefined {
  const match = /^\s*es[-_]([a-z]{2})\b/i.exec(tag ?? '');
  if (!match) return undefined;
  const wanted = `es-${match[1]!.toUpperCase()}`;
  return SUPPORTED_LOCALES.includes(wanted) ? wanted : undefined;
}

/** The country a host names by its top-level domain ("clarin.com.ar" -> es-AR), when it is a Spanish-speaking one. */
function domainLocale(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let host = url.trim().toLowerCase();
  try {
    host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
  } catch {
    return undefined;
  }
  const country = /\.([a-z]{2})\.?$/.exec(host)?.[1];
  return country ? supportedLocale(`es-${country}`) : undefined;
}

/**
 * The page's locale: the first of `<html lang>`, `og:locale` and the domain's country that names a supported
 * Spanish locale; else es-ES. A bare `lang="es"` says nothing of the country, so the later hints still decide.
 */
export function pageLocale(hints: PageLocaleHints): string {
  return supportedLocale(hints.htmlLang) ?? supportedLocale(hints.ogLocale) ?? domainLocale(hints.url) ?? DEFAULT_SPANISH_LOCALE;
}

/** The `--locale` value normalized ("es_mx" -> "es-MX"), or a UserError naming the supported ones. */
export function parseLocaleOption(value: string): string {
  const locale = supportedLocale(value);
  if (locale === undefined) {
    throw new UserError(`unknown locale "${value}"`, `use one of ${SUPPORTED_LOCALES.join(', ')}`);
  }
  return locale;
}
