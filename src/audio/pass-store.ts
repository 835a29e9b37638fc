// The samples of a narration's passes, held from synthesis until the timeline is known: the silence between
// two passes depends on pauses measured over all of them (src/timing/timeline.ts), so no sample can be written
// out before the last pass. On disk, with one pass in memory at a time, a 50,000-character text (an hour of
// audio, about 350 MB of float samples) stays in bounded memory; in memory where the passes are at hand already.
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';

export interface PassStore {
  /** Keep the next pass's samples; passes are numbered in the order they were added. */
  add(samples: Float32Array): Promise<void>;
  read(index: number): Promise<Float32Array>;
  release(): Promise<void>;
}

export function memoryPassStore(): PassStore {
  const passes: Float32Array[] = [];
  return {
    add: async (samples) => void passes.push(samples),
    read: async (index) => passes[index]!,
    release: async () => {
      passes.length = 0;
    },
  };
}

/** Passes in one raw float32 file in `directory`, removed on release. */
export async function diskPassStore(directory: string): Promise<PassStore> {
  const file = path.join(directory, `.passes.${randomBytes(4).toString('hex')}.f32.tmp`);
  const handle = await open(file, 'w+');
  const extents: Array<{ position: number; length: number }> = [];
  let end = 0;
  return {
    async add(samples) {
      const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
      await handle.write(bytes, 0, bytes.length, end);
      extents.push({ position: end, length: samples.length });
      end += bytes.length;
    },
    async read(index) {
      const { position, length } = extents[index]!;
      const samples = new Float32Array(length);
      await handle.read(new Uint8Array(samples.buffer), 0, samples.byteLength, position);
      return samples;
    },
    async release() {
      await handle.close();
      await rm(file, { force: true });
    },
  };
}
