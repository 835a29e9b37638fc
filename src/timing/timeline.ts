// Passes -> one audio timeline. Every chunk is placed at its real sample position; between two chunks the
// pause is made as long as the pause Kokoro itself makes inside a pass at a break of the same strength.
import type { BreakStrength, PassFrames } from '../contract/pipeline.ts';
import { frameEdges, pausesInChunk, wordFrameSpans } from './frames.ts';

export interface TimedWordSamples {
  chunkIndex: number;
  startSample: number;
  endSample: number;
}

export interface Timeline {
  /** Sample at which each chunk's audio starts in the final audio. */
  chunkOffsets: number[];
  /** Sample at which each chunk's audio ends (its offset plus its frames). */
  chunkEnds: number[];
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

/**
 * The pause Kokoro makes inside a pass after a break of each strength, in frames (median of this narration's
 * own passes); undefined where no pass holds such a break. A paragraph end and a sentence end stand in for each
 * other when only one was seen. Between two words Kokoro makes no pause, so a cut there gets none.
 */
export function naturalPauseFrames(chunks: readonly PassFrames[]): Record<BreakStrength, number | undefined> {
  const medianAfter = (strength: BreakStrength) => median(chunks.flatMap(({ chunk, durations }) => pausesInChunk(chunk, durations, strength)));
  const sentence = medianAfter('sentence');
  const paragraph = medianAfter('paragraph');
  return { none: 0, clause: medianAfter('clause'), sentence: sentence ?? paragraph, paragraph: paragraph ?? sentence };
}

/**
 * Place chunks one after another. The silence already at a join (the end of one pass after its last word,
 * the start of the next before its first word) is topped up to the natural pause for the break the pass was
 * cut at (a clause cut gets the clause pause, a cut between words none); never shortened.
 */
export function buildTimeline(chunks: readonly PassFrames[], samplesPerFrame: number): Timeline {
  const pauseFrames = naturalPauseFrames(chunks);
  const spans = chunks.map(({ chunk, durations }) => wordFrameSpans(chunk, durations));
  const chunkOffsets: number[] = [];
  const chunkEnds: number[] = [];
  const gapsBefore: number[] = [];
  const words: TimedWordSamples[] = [];
  let cursor = 0;
  chunks.forEach(({ durations }, chunkIndex) => {
    let gap = 0;
    const previousChunk = chunks[chunkIndex - 1];
    const previousSpans = spans[chunkIndex - 1];
    const wantedFrames = previousChunk && pauseFrames[previousChunk.chunk.words.at(-1)!.breakAfter];
    if (previousChunk && previousSpans && wantedFrames !== undefined) {
      const previousTotal = frameEdges(previousChunk.durations).at(-1)!;
      const silenceFrames = previousTotal - previousSpans.at(-1)![1] + spans[chunkIndex]![0]![0];
      gap = Math.max(0, Math.round(wantedFrames - silenceFrames)) * samplesPerFrame;
    }
    cursor += gap;
    gapsBefore.push(gap);
    chunkOffsets.push(cursor);
    for (const [startFrame, endFrame] of spans[chunkIndex]!) {
      words.push({ chunkIndex, startSample: cursor + startFrame * samplesPerFrame, endSample: cursor + endFrame * samplesPerFrame });
    }
    cursor += frameEdges(durations).at(-1)! * samplesPerFrame;
    chunkEnds.push(cursor);
  });
  return { chunkOffsets, chunkEnds, gapsBefore, totalSamples: cursor, words };
}
