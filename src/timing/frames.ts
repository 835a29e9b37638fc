// Where each word sits inside one Kokoro pass, read off the durations that drove its decoder.
// Token t of a chunk is input position t + 1 (a pad comes first); its audio is frames [edge[t+1], edge[t+2]).
import type { BreakStrength, KokoroChunk } from '../contract/pipeline.ts';

/** Frame at which each input position starts; the last entry is the pass's total frame count. */
export function frameEdges(durations: readonly number[]): number[] {
  const edges = [0];
  for (const frames of durations) edges.push(edges.at(-1)! + frames);
  return edges;
}

/** [startFrame, endFrame) of the phoneme tokens of every word of the chunk. */
export function wordFrameSpans(chunk: KokoroChunk, durations: readonly number[]): Array<[number, number]> {
  if (durations.length !== chunk.tokenIds.length + 2) {
    throw new Error(`${durations.length} durations for a chunk of ${chunk.tokenIds.length} tokens plus 2 pads`);
  }
  const edges = frameEdges(durations);
  return chunk.wordTokenRanges.map(([first, end]) => [edges[first + 1]!, edges[end + 1]!]);
}

/**
 * The frames of silence-bearing tokens (punctuation, spaces) Kokoro put inside this pass after every word
 * whose break is `strength`: from the end of that word to the start of the next.
 */
export function pausesInChunk(chunk: KokoroChunk, durations: readonly number[], strength: BreakStrength): number[] {
  const spans = wordFrameSpans(chunk, durations);
  const pauses: number[] = [];
  chunk.words.forEach((word, index) => {
    const next = spans[index + 1];
    if (word.breakAfter === strength && next) pauses.push(next[0] - spans[index]![1]);
  });
  return pauses;
}
