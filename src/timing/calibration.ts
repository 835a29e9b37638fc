// The seed's "calibrated" timing, kept as the baseline exact timing is measured against: synthesize every
// phrase on its own, lay the phrases end to end with a fixed silence between them, and stretch that whole
// timeline by one factor so it lasts as long as the single-pass audio.
import type { PhonemizedWord, SynthesizedChunk } from '../contract/pipeline.ts';
import { SAMPLE_RATE, SAMPLES_PER_FRAME } from '../kokoro/session.ts';
import { samplesToMs } from './spans.ts';
import { buildTimeline } from './timeline.ts';

export interface CalibrationInput {
  phrases: PhonemizedWord[][];
  synthesizePhrase: (words: PhonemizedWord[]) => Promise<SynthesizedChunk[]>;
  /** Duration of the single-pass audio. */
  totalMs: number;
  phraseSilenceMs: number;
  onPhrase?: (done: number, total: number) => void;
}

export interface PhraseLayout {
  durationMs: number;
  /** Word start/end inside the phrase's own audio. */
  words: Array<{ startMs: number; endMs: number }>;
}

/** Where each word falls on the stretched baseline timeline (pure). */
export function calibratedWordTimes(
  layouts: readonly PhraseLayout[],
  totalMs: number,
  phraseSilenceMs: number,
): { scalingFactor: number; words: Array<{ startMs: number; endMs: number }> } {
  const baselineMs = layouts.reduce((sum, layout) => sum + layout.durationMs, 0) + phraseSilenceMs * Math.max(0, layouts.length - 1);
  const scalingFactor = totalMs / baselineMs;
  const words: Array<{ startMs: number; endMs: number }> = [];
  let phraseStart = 0;
  for (const layout of layouts) {
    for (const word of layout.words) {
      words.push({ startMs: (phraseStart + word.startMs) * scalingFactor, endMs: (phraseStart + word.endMs) * scalingFactor });
    }
    phraseStart += layout.durationMs + phraseSilenceMs;
  }
  return { scalingFactor, words };
}

export async function calibrate(input: CalibrationInput) {
  const layouts: PhraseLayout[] = [];
  for (const phrase of input.phrases) {
    const timeline = buildTimeline(await input.synthesizePhrase(phrase), SAMPLES_PER_FRAME);
    layouts.push({
      durationMs: samplesToMs(timeline.totalSamples, SAMPLE_RATE),
      words: timeline.words.map((word) => ({
        startMs: samplesToMs(word.startSample, SAMPLE_RATE),
        endMs: samplesToMs(word.endSample, SAMPLE_RATE),
      })),
    });
    input.onPhrase?.(layouts.length, input.phrases.length);
  }
  const { scalingFactor, words: times } = calibratedWordTimes(layouts, input.totalMs, input.phraseSilenceMs);
  const words = input.phrases.flat().map((word, index) => ({
    ...word,
    startMs: Math.round(times[index]!.startMs * 1000) / 1000,
    endMs: Math.round(times[index]!.endMs * 1000) / 1000,
  }));
  return { scalingFactor, words };
}
