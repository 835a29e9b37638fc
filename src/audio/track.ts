// The narration's audio as the timeline lays it out: the passes at their offsets, silence between them, read
// in order one block at a time, so the encoders are fed without the whole narration ever being in memory.
import type { NarrationTrack } from '../contract/pipeline.ts';
import type { PassStore } from './pass-store.ts';

export interface TrackLayout {
  sampleRate: number;
  /** Sample at which each pass starts; passes are in order and do not overlap. */
  offsets: readonly number[];
  totalSamples: number;
}

export function layOutTrack(store: PassStore, layout: TrackLayout): NarrationTrack {
  return {
    sampleRate: layout.sampleRate,
    totalSamples: layout.totalSamples,
    async *blocks() {
      let cursor = 0;
      for (const [index, offset] of layout.offsets.entries()) {
        if (offset > cursor) yield new Float32Array(offset - cursor);
        const samples = await store.read(index);
        yield samples;
        cursor = offset + samples.length;
      }
      if (layout.totalSamples > cursor) yield new Float32Array(layout.totalSamples - cursor);
    },
    release: () => store.release(),
  };
}

/** The whole track in one buffer, for checks and benches that compare samples (not for long narrations). */
export async function collectSamples(track: NarrationTrack): Promise<Float32Array> {
  const samples = new Float32Array(track.totalSamples);
  let cursor = 0;
  for await (const block of track.blocks()) {
    samples.set(block, cursor);
    cursor += block.length;
  }
  return samples;
}
