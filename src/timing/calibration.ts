// The seed's "calibrated" timing, kept as the baseline exact timing is measured against, done as the seed does
// it: every phrase synthesized on its own and measured as kokoro-onnx's create() returns it (each batch's
// leading and trailing silence trimmed, see src/audio/trim.ts); a baseline timeline of those whole durations
// with a fixed silence between phrases, cumulatively; every start and end multiplied by one factor,
// duration(single pass) / duration(baseline). Words (which the seed has not) keep their offsets inside their
// phrase's own trimmed audio, stretched by the same factor.
import type { BreakStrength, PhonemizedWord, SynthesizedChunk } from '../contract/pipeline.ts';
import { SAMPLE_RATE, SAMPLES_PER_FRAME } from '../contract/audio-format.ts';
import { trimmedBounds } from '../audio/trim.ts';
import { breaksAtLeast } from '../text/packing.ts';
import { wordFrameSpans } from './word-times.ts';
import { samplesToMs } from './word-times.ts';

export interface CalibrationInput {
  phrases: PhonemizedWord[][];
  synthesizePhrase: (words: PhonemizedWord[]) => Promise<SynthesizedChunk[]>;
  /** Duration of the single-pass audio. */
  totalMs: number;
  phraseSilenceMs: number;
  onPhrase?: (done: number, total: number) => void;
}

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

export interface PhraseLayout {
  /** The phrase's whole audio as create() returns it. */
  durationMs: number;
  /** Word start/end inside that audio. */
  words: TimeSpan[];
}

/** The silence create() appends after a batch that is not the last, by how the batch ends (its defaults). */
function pauseAfterBatchMs(lastBreak: BreakStrength): number {
  if (breaksAtLeast(lastBreak, 'sentence')) return 250;
  return lastBreak === 'clause' ? 100 : 0;
}

/**
 * A phrase's passes as create() joins them: each pass trimmed of its leading and trailing silence, the pause
 * its ending calls for after every pass but the last. Word times move with the trim and stay inside the kept audio.
 */
export function createLayout(passes: readonly SynthesizedChunk[]): PhraseLayout {
  let offsetSamples = 0;
  const words: TimeSpan[] = [];
  passes.forEach(({ chunk, durations, samples }, index) => {
    const [start, end] = trimmedBounds(samples);
    const kept = end - start;
    const place = (frame: number) => samplesToMs(offsetSamples + Math.min(kept, Math.max(0, frame * SAMPLES_PER_FRAME - start)), SAMPLE_RATE);
    for (const [startFrame, endFrame] of wordFrameSpans(chunk, durations)) words.push({ startMs: place(startFrame), endMs: place(endFrame) });
    offsetSamples += kept;
    if (index < passes.length - 1) offsetSamples += Math.round((pauseAfterBatchMs(chunk.words.at(-1)!.breakAfter) * SAMPLE_RATE) / 1000);
  });
  return { durationMs: samplesToMs(offsetSamples, SAMPLE_RATE), words };
}

/** Phrase and word times on the stretched baseline timeline (pure). */
export function calibratedTimes(
  layouts: readonly PhraseLayout[],
  totalMs: number,
  phraseSilenceMs: number,
): { scalingFactor: number; phrases: TimeSpan[]; words: TimeSpan[] } {
  const baselineMs = layouts.reduce((sum, layout) => sum + layout.durationMs, 0) + phraseSilenceMs * Math.max(0, layouts.length - 1);
  const scalingFactor = totalMs / baselineMs;
  const phrases: TimeSpan[] = [];
  const words: TimeSpan[] = [];
  let phraseStart = 0;
  for (const layout of layouts) {
    phrases.push({ startMs: phraseStart * scalingFactor, endMs: (phraseStart + layout.durationMs) * scalingFactor });
    for (const word of layout.words) {
      words.push({ startMs: (phraseStart + word.startMs) * scalingFactor, endMs: (phraseStart + word.endMs) * scalingFactor });
    }
    phraseStart += layout.durationMs + phraseSilenceMs;
  }
  return { scalingFactor, phrases, words };
}

const toMicroseconds = ({ startMs, endMs }: TimeSpan): TimeSpan => ({
  startMs: Math.round(startMs * 1000) / 1000,
  endMs: Math.round(endMs * 1000) / 1000,
});

export async function calibrate(input: CalibrationInput) {
  const layouts: PhraseLayout[] = [];
  for (const phrase of input.phrases) {
    layouts.push(createLayout(await input.synthesizePhrase(phrase)));
    input.onPhrase?.(layouts.length, input.phrases.length);
  }
  const times = calibratedTimes(layouts, input.totalMs, input.phraseSilenceMs);
  const words = input.phrases.flat().map((word, index) => ({ ...word, ...toMicroseconds(times.words[index]!) }));
  return { scalingFactor: times.scalingFactor, phrases: times.phrases.map(toMicroseconds), words };
}
