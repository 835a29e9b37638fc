// Nothing half-written may look finished: every file is written beside its target under a temporary name
// and renamed into place only when complete.
import { randomBytes } from 'node:crypto';
import { rm, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

function temporaryPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Let `produce` write a temporary file, then rename it onto `target`; on failure the temporary file goes. */
export async function produceAtomically(target: string, produce: (temporaryPath: string) => Promise<void>): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await produce(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function writeFileAtomically(target: string, data: string | Uint8Array): Promise<void> {
  await produceAtomically(target, (temporary) => writeFile(temporary, data));
}
