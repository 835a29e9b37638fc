// A large file's sha256, remembered beside it in `<file>.sha256.json` with the size and mtime it was computed
// for: every start needs the model's hash (to check it, to key the prepared copy, for the run record), and
// hashing 92 MB on every start costs more than the rest of the start-up checks together. A file rewritten
// since (another size or mtime) is hashed again.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomically } from '../system/atomic-files.ts';
import { sha256OfFile } from './download.ts';

const RememberedHashSchema = z.object({ size: z.number(), mtimeMs: z.number(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export function hashSidecarOf(file: string): string {
  return `${file}.sha256.json`;
}

async function rememberedFor(file: string, size: number, mtimeMs: number): Promise<string | undefined> {
  const sidecar = hashSidecarOf(file);
  if (!existsSync(sidecar)) return undefined;
  // A sidecar that cannot be read or parsed counts as absent: the hash is computed again and the sidecar rewritten.
  const parsed = RememberedHashSchema.safeParse(
    await readFile(sidecar, 'utf8')
      .then(JSON.parse)
      .catch(() => undefined),
  );
  return parsed.success && parsed.data.size === size && parsed.data.mtimeMs === mtimeMs ? parsed.data.sha256 : undefined;
}

/** sha256 of `file`, read from its sidecar when that was written for this size and mtime, else computed and remembered. */
export async function rememberedSha256(file: string): Promise<string> {
  const { size, mtimeMs } = await stat(file);
  const remembered = await rememberedFor(file, size, mtimeMs);
  if (remembered) return remembered;
  const sha256 = await sha256OfFile(file);
  await writeFileAtomically(hashSidecarOf(file), JSON.stringify({ size, mtimeMs, sha256 }));
  return sha256;
}
