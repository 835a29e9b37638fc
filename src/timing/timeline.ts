// Passes -> one audio timeline. Every chunk is placed at its real sample position; between two chunks the
// pause is made as long as the pause Kokoro itself makes between sentences inside a pass.
import type { SynthesizedChunk } from '../contract/pipeline.ts';
import { frameEdges, sentencePausesInChunk, wordFrameSpans } from './frames.ts';

export interface TimedWordSamples {
  chunkIndex: number;
  startSample: number;
  endSample: number;
}

export interface Timeline {
  /** Sample at which each chunk's audio starts in the final audio. */
  chunkOffsets: number[];
  /** Silence inserted before each chunk (0 for the first). */
  gapsBefore: number[];
  totalSamples: number;
  words: TimedWordSamples[];
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The pause Kokoro makes between sentences inside a pass, in frames (median), if any pass holds two sentences. */
export function naturalSentencePauseFrames(chunks: readonly SynthesizedChunk[]): number | undefined {
  return median(chunks.flatMap(({ chunk, durations }) => sentencePausesInChunk(chunk, durations)));
}

/**
 * Place chunks one after another. The silence already at a join (the end of one pass after its last word,
 * the start of the next before its first word) is topped up to the natural pause; never shortened.
 */
export function buildTimeline(chunks: readonly SynthesizedChunk[], samplesPerFrame: number): Timeline {
  const pauseFrames = naturalSentencePauseFrames(chunks);
  const spans = chunks.map(({ chunk, durations }) => wordFrameSpans(chunk, durations));
  const chunkOffsets: number[] = [];
  const gapsBefore: number[] = [];
  const words: TimedWordSamples[] = [];
  let cursor = 0;
  chunks.forEach(({ durations }, chunkIndex) => {
    let gap = 0;
    const previous = spans[chunkIndex - 1];
    if (previous && pauseFrames !== undefined) {
      const previousTotal = frameEdges(chunks[chunkIndex - 1]!.durations).at(-1)!;
      const silenceFrames = previousTotal - previous.at(-1)![1] + spans[chunkIndex]![0]![0];
      gap = Math.max(0, Math.round(pauseFrames - silenceFrames)) * samplesPerFrame;
    }
    cursor += gap;
    gapsBefore.push(gap);
    chunkOffsets.push(cursor);
    for (const [startFrame, endFrame] of spans[chunkIndex]!) {
      words.push({ chunkIndex, startSample: cursor + startFrame * samplesPerFrame, endSample: cursor + endFrame * samplesPerFrame });
    }
    cursor += frameEdges(durations).at(-1)! * samplesPerFrame;
  });
  return { chunkOffsets, gapsBefore, totalSamples: cursor, words };
}
