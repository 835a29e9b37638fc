// The first words of a synthesized pass as a pass of their own, for a narration cut to a length inside a pass.
// The cut follows a sentence end, so what is kept runs to the end of that sentence's punctuation and of the
// space after it, where Kokoro puts the pause; the space's frames become the closing pad, so the durations still
// describe the samples exactly (tokens + 2 pads) and the word times of the kept words do not move.
import { SAMPLE_RATE, SAMPLES_PER_FRAME } from '../contract/audio-format.ts';
import type { SynthesizedChunk } from '../contract/pipeline.ts';
import { assembleChunk } from './chunks.ts';

/** The last few ms fade out: the next word's first sound can reach back into the pause before it. */
const FADE_MS = 40;

export function passPrefix(pass: SynthesizedChunk, wordCount: number): SynthesizedChunk {
  if (wordCount >= pass.chunk.words.length) return pass;
  const chunk = assembleChunk(pass.chunk.words.slice(0, wordCount));
  const kept = chunk.tokenIds.length;
  if (chunk.tokenIds.some((id, index) => id !== pass.chunk.tokenIds[index])) throw new Error('a pass prefix must keep the pass tokens as they are');
  // durations: [pad, token 0 ... token n-1, pad]; the kept tokens are 1..kept, the space after them is kept + 1.
  const durations = [...pass.durations.slice(0, kept + 1), pass.durations[kept + 1]!];
  const frames = durations.reduce((sum, count) => sum + count, 0);
  const samples = pass.samples.slice(0, frames * SAMPLES_PER_FRAME);
  const fade = Math.min(samples.length, Math.round((FADE_MS * SAMPLE_RATE) / 1000));
  for (let index = 0; index < fade; index++) samples[samples.length - 1 - index]! *= index / fade;
  return { chunk, durations, samples };
}
