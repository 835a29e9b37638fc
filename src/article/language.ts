// The article's language: what the page declares, else what its text looks like; then a Kokoro voice for it.
import { franc } from 'franc-min';
import { UserError } from '../errors.ts';
import { findLanguage, supportedLanguageCodes, type KokoroLanguage } from '../phonemes/languages.ts';

// franc answers in ISO 639-3; these are the Kokoro languages eSpeak phonemizes.
const FROM_ISO_639_3: Record<string, string> = { spa: 'es', eng: 'en', fra: 'fr', ita: 'it', por: 'pt', hin: 'hi' };

export function detectLanguage(text: string): string | undefined {
  const code = franc(text.slice(0, 4000), { minLength: 20 });
  return code === 'und' ? undefined : (FROM_ISO_639_3[code] ?? code);
}

/** The Kokoro language of an article: declared first (e.g. "pt-BR"), detected from the text otherwise. */
export function articleLanguage(declared: string | null | undefined, text: string): KokoroLanguage {
  const chosen = declared?.trim() || detectLanguage(text);
  if (!chosen) throw new UserError("The article's language could not be told", 'Pass --lang');
  const language = findLanguage(chosen);
  if (!language) {
    throw new UserError(
      `The article is in "${chosen}", which Kokoro cannot speak here`,
      `Only ${supportedLanguageCodes().join(', ')} are supported; pass --lang to force one`,
    );
  }
  return language;
}
