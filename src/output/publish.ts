// An output folder appears whole or not at all: it is built in a temporary sibling and swapped into place in
// one rename, so a failed or interrupted run leaves nothing that looks finished, and a rerun never leaves an
// earlier run's files beside the new ones. A killed run's leftovers are removed by the next run into the same
// folder.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { isRunning } from '../system/process.ts';

const LEFTOVER = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.(partial|old)$/;

/** Remove the temporary siblings of `target` left by runs that are no longer alive. */
export async function removeLeftovers(target: string): Promise<void> {
  const parent = path.dirname(target);
  const entries = await readdir(parent).catch(() => [] as string[]);
  await Promise.all(
    entries.map(async (entry) => {
      const match = LEFTOVER.exec(entry);
      if (match && match[1] === path.basename(target) && !isRunning(Number(match[2]))) {
        await rm(path.join(parent, entry), { recursive: true, force: true });
      }
    }),
  );
}

function siblingOf(target: string, kind: 'partial' | 'old'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}`);
}

/** Let `build` fill a temporary folder, then put that folder at `target`, replacing what was there. */
export async function publishFolder<T>(target: string, build: (folder: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new UserError(
      `The output folder ${parent} cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      'Pass a writable --out folder',
    );
  }
  await removeLeftovers(target);
  const staging = siblingOf(target, 'partial');
  try {
    await mkdir(staging);
  } catch (error) {
    throw new UserError(
      `The output folder ${parent} is not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      'Pass a writable --out folder',
    );
  }
  // A library may end the process itself (Remotion exits on Ctrl-C while its browser runs): the unfinished
  // folder still goes, synchronously, on the way out.
  const removeOnExit = () => rmSync(staging, { recursive: true, force: true });
  process.on('exit', removeOnExit);
  let result: T;
  try {
    result = await build(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    process.off('exit', removeOnExit);
  }
  const previous = siblingOf(target, 'old');
  const hadPrevious = await rename(target, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(staging, target);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
  return result;
}
