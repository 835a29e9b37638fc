import { UserError } from '../errors.ts';

/** A Kokoro language that eSpeak NG phonemizes, as misaki does for the non-English-lexicon languages. */
export interface KokoroLanguage {
  code: string;
  espeakVoice: string;
  defaultVoice: string;
  /** First letter of the Kokoro voice names made for this language (ef_dora -> e). */
  voicePrefix: string;
}

const LANGUAGES: readonly KokoroLanguage[] = [
  { code: 'es', espeakVoice: 'es', defaultVoice: 'ef_dora', voicePrefix: 'e' },
  { code: 'en-us', espeakVoice: 'en-us', defaultVoice: 'af_heart', voicePrefix: 'a' },
  // eSpeak NG's British English is the voice "en" (lang/gmw/en); this build has no voice named "en-gb", so
  // set_voice('en-gb') failed and every British narration with it.
  { code: 'en-gb', espeakVoice: 'en', defaultVoice: 'bf_emma', voicePrefix: 'b' },
  { code: 'fr', espeakVoice: 'fr', defaultVoice: 'ff_siwis', voicePrefix: 'f' },
  { code: 'it', espeakVoice: 'it', defaultVoice: 'if_sara', voicePrefix: 'i' },
  { code: 'pt-br', espeakVoice: 'pt-br', defaultVoice: 'pf_dora', voicePrefix: 'p' },
  { code: 'hi', espeakVoice: 'hi', defaultVoice: 'hf_alpha', voicePrefix: 'h' },
];

// Page languages are often bare ("pt", "en") or regional ("es-MX"): fold them onto the voice we have.
const ALIASES: Readonly<Record<string, string>> = { en: 'en-us', pt: 'pt-br', 'pt-pt': 'pt-br', 'en-uk': 'en-gb' };

/** The eSpeak NG voices the languages are read with: the only ones eSpeak needs to load. */
export function espeakVoices(): string[] {
  return LANGUAGES.map((language) => language.espeakVoice);
}

export function supportedLanguageCodes(): string[] {
  return LANGUAGES.map((language) => language.code);
}

export function findLanguage(requested: string): KokoroLanguage | undefined {
  const code = requested.trim().toLowerCase().replaceAll('_', '-');
  const exact = ALIASES[code] ?? code;
  return (
    LANGUAGES.find((language) => language.code === exact) ??
    LANGUAGES.find((language) => language.code === (ALIASES[exact.split('-')[0] ?? ''] ?? exact.split('-')[0]))
  );
}

export function resolveLanguage(requested: string): KokoroLanguage {
  const language = findLanguage(requested);
  if (!language) {
    throw new UserError(`Language "${requested}" is not one Kokoro can speak here`, `Use one of: ${supportedLanguageCodes().join(', ')} (--lang)`);
  }
  return language;
}
