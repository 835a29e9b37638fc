// What the voice is given for a text: its spoken form (lexicon entries first, the language's rules for the rest)
// and the phonemized words in written coordinates. One function for the narration and the dry run, so what the
// dry run shows is what the voice hears.
import type { PhonemizedWord } from '../contract/pipeline.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { Lexicon, type LexiconMatch, saidAs } from '../lexicon/match.ts';
import { resolveLanguage } from '../phonemes/languages.ts';
import { phonemize } from '../phonemes/phonemize.ts';
import { spokenRuleFor } from '../text/spoken-rules.ts';
import { toSpokenText } from '../text/spoken-form.ts';
import type { SpokenText } from '../text/spoken-text.ts';

export interface VoiceInput {
  spoken: SpokenText;
  words: PhonemizedWord[];
  /** The lexicon entries the text says, where it says them. */
  matches: LexiconMatch[];
}

/** The spoken form alone: what a length check before phonemization can measure. */
export function spokenInput(text: string, language: string, locale?: string, lexicon: readonly LexiconEntry[] = []): Omit<VoiceInput, 'words'> {
  const matches = new Lexicon(lexicon).matches(text);
  return { spoken: toSpokenText(text, spokenRuleFor(resolveLanguage(language).code), { locale }, saidAs(text, matches)), matches };
}

export async function voiceInput(text: string, language: string, locale?: string, lexicon: readonly LexiconEntry[] = []): Promise<VoiceInput> {
  const input = spokenInput(text, language, locale, lexicon);
  return { ...input, words: (await phonemize(input.spoken, resolveLanguage(language))).words };
}
