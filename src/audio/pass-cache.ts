// Kokoro passes kept on disk across re-syntheses of one narration: an editor's one-sentence correction changes the
// tokens of one pass, and every other pass is read back here instead of made again. A pass is keyed by all that
// decides its samples: the model file's hash, the voice, the speed and the pass's token ids (the voice's style
// vector follows from the voice and the token count). One file a pass: its frame counts, then its samples.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from '../system/atomic-files.ts';

export interface PassKeyParts {
  modelSha256: string;
  voice: string;
  speed: number;
  tokenIds: readonly number[];
}

export interface CachedPass {
  samples: Float32Array;
  /** The frame count of every input token, pads included. */
  durations: number[];
}

export function passKey(parts: PassKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.modelSha256, parts.voice, parts.speed, parts.tokenIds]))
    .digest('hex');
}

/** Passes in `folder`, one file per key, written atomically so a reader never sees half of one. */
export class PassCache {
  constructor(private readonly folder: string) {}

  private file(key: string): string {
    return path.join(this.folder, `${key}.pass`);
  }

  /** The pass, or null when it was never kept (or its file is not one: it is made again). */
  async get(key: string): Promise<CachedPass | null> {
    const bytes = await readFile(this.file(key)).catch(() => null);
    if (bytes === null || bytes.byteLength < 4 || bytes.byteLength % 4 !== 0) return null;
    // Copied into an aligned buffer: a Float32Array view needs an offset that is a multiple of 4.
    const words = new Float32Array(new Uint8Array(bytes).buffer);
    const count = new Uint32Array(words.buffer, 0, 1)[0]!;
    if (1 + count > words.length) return null;
    return { durations: Array.from(words.subarray(1, 1 + count)), samples: words.slice(1 + count) };
  }

  async put(key: string, pass: CachedPass): Promise<void> {
    const words = new Float32Array(1 + pass.durations.length + pass.samples.length);
    new Uint32Array(words.buffer, 0, 1)[0] = pass.durations.length;
    words.set(pass.durations, 1);
    words.set(pass.samples, 1 + pass.durations.length);
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomically(this.file(key), new Uint8Array(words.buffer));
  }
}
