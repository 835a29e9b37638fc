// Timed words -> the narration's structure as narration.json holds it: each word with its frame-exact span and
// the index of its sentence, phrase, cue and section; the phrases, sentences, sections and subtitle cues as
// timed spans of the written text. Pure: the times come in (src/timing/word-times.ts, or the calibrated
// baseline), nothing is synthesized here.
import type { SynthesizedNarration } from '../contract/pipeline.ts';
import type { PhonemizedWord } from '../contract/pipeline.ts';
import { splitAtBreaks } from '../text/packing.ts';
import { phraseRuns, type PhraseOptions } from '../text/phrases.ts';
import { buildCues } from './cues.ts';
import { spanOfWords } from './spans.ts';
import { sectionRuns, sectionSpans, wordIndices } from './structure.ts';

export interface TimedWord extends PhonemizedWord {
  startMs: number;
  endMs: number;
}

export interface StructureOptions {
  phrases: PhraseOptions;
  /** The first paragraph is the title section. */
  titled: boolean;
  /** The calibrated method times a phrase by its whole stretched audio, not by its words: its phrase spans. */
  phraseTimes?: ReadonlyArray<{ startMs: number; endMs: number }>;
}

export type NarrationStructure = Pick<SynthesizedNarration, 'words' | 'phrases' | 'sentences' | 'sections' | 'cues'>;

/** The structure of `text` read by `words`, whose frame-exact spans are `frameTimes` (same order). */
export function assembleStructure(
  text: string,
  words: readonly TimedWord[],
  frameTimes: ReadonlyArray<{ frameStartMs: number; frameEndMs: number }>,
  options: StructureOptions,
): NarrationStructure {
  const phraseWords = phraseRuns(words, options.phrases);
  const sentenceWords = splitAtBreaks(words, 'sentence');
  const sectionWords = sectionRuns(words);
  const phrases = phraseWords.map((run, index) => ({ ...spanOfWords(text, run), ...options.phraseTimes?.[index] }));
  const cues = buildCues(text, phrases, words);
  const indices = wordIndices(words, { sentences: sentenceWords, phrases: phraseWords, sections: sectionWords }, cues);
  return {
    words: words.map((word, index) => ({
      ...spanOfWords(text, [word], false),
      frameStartMs: frameTimes[index]!.frameStartMs,
      frameEndMs: frameTimes[index]!.frameEndMs,
      ...indices[index]!,
      breakAfter: word.breakAfter,
    })),
    phrases,
    sentences: sentenceWords.map((run) => spanOfWords(text, run)),
    sections: sectionSpans(text, sectionWords, options.titled),
    cues,
  };
}
