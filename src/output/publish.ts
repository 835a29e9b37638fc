// An output folder appears whole or not at all: it is built in a temporary sibling, its files and itself are
// fsync'ed, the earlier folder is renamed aside and the new one renamed into place, and only then is the earlier
// one removed, so a failed or interrupted run leaves nothing that looks finished, and a rerun never leaves an
// earlier run's files beside the new ones. A run killed at any point leaves the old folder or the new one: the
// next run into the same folder puts an old one set aside back when nothing took its place, and removes the rest.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { isRunning } from '../system/process.ts';

const LEFTOVER = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.(partial|old)$/;

/** The temporary siblings of `target` left by runs that are no longer alive: put back, or removed. */
async function recoverLeftovers(target: string): Promise<void> {
  const parent = path.dirname(target);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const dead = entries.filter((entry) => {
    const match = LEFTOVER.exec(entry);
    return match !== null && match[1] === path.basename(target) && !isRunning(Number(match[2]));
  });
  // Killed between its two renames: the earlier folder was set aside and nothing took its place.
  const setAside = dead.find((entry) => entry.endsWith('.old'));
  if (setAside !== undefined) {
    await rename(path.join(parent, setAside), target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  }
  await Promise.all(dead.map((entry) => rm(path.join(parent, entry), { recursive: true, force: true })));
  await syncPath(parent);
}

/** fsync a file or folder, so what it holds (a folder: its entries) is on disk before anything depends on it. */
async function syncPath(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync every file and folder under `folder`, then `folder` itself. */
async function syncTree(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory()) await syncTree(child);
    else if (entry.isFile()) await syncPath(child);
  }
  await syncPath(folder);
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
  await recoverLeftovers(target);
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
  await syncTree(staging);
  const previous = siblingOf(target, 'old');
  const hadPrevious = await rename(target, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(staging, target);
  // Both renames on disk before the earlier folder goes: a crash now finds the new one in place.
  await syncPath(parent);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
  return result;
}
