// What the voice would be given, without the voice: the job's text read and made spoken, phonemized and cut into
// Kokoro's passes exactly as a narration does, and nothing synthesized (no model session is opened), so an editor
// checks a lexicon entry in a moment.
import { chunkWords } from '../kokoro/chunks.ts';
import type { LexiconMatch } from '../lexicon/match.ts';
import { symbolsOf } from '../phonemes/kokoro-vocab.ts';
import { spokenLocaleFor } from '../text/spoken-rules.ts';
import type { NarrationJob } from './narrate-folder.ts';
import { requestFor } from './request.ts';
import { readSource } from './source.ts';
import { voiceInput } from './voice-input.ts';

export interface Passage {
  written: string;
  spoken: string;
  /** The Kokoro symbols of the pass, punctuation and spaces included: what the model reads. */
  phonemes: string;
  tokenCount: number;
  /** The lexicon entries said in this passage. */
  matches: LexiconMatch[];
}

export interface DryRun {
  language: string;
  locale: string | null;
  passages: Passage[];
}

export async function dryRun(job: NarrationJob): Promise<DryRun> {
  const source = await readSource(job.source, { language: job.language, limits: job.fetchLimits });
  const request = requestFor(job, source);
  const { spoken, words, matches } = await voiceInput(request.text, request.language, request.locale, request.lexicon);
  const passages = chunkWords(words).map((chunk) => {
    const start = chunk.words[0]!.charStart;
    const end = chunk.words.at(-1)!.charEnd;
    const [spokenStart, spokenEnd] = spoken.spokenSpan(start, end);
    return {
      written: request.text.slice(start, end),
      spoken: spoken.spoken.slice(spokenStart, spokenEnd),
      phonemes: symbolsOf(chunk.tokenIds),
      tokenCount: chunk.tokenIds.length,
      matches: matches.filter((match) => match.start < end && start < match.end),
    };
  });
  return { language: request.language, locale: spokenLocaleFor(request.language, request.locale), passages };
}
