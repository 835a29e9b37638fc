// The Remotion bundle (webpack) takes tens of seconds to build, so it is built once per version of the code
// that goes into it and cached: the key is a hash of the composition, the contract it imports, public/ and the
// lockfile. Every render of every format, and every job of the scheduler, reuses it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../system/project-root.ts';

export const ENTRY_POINT = path.join(PROJECT_ROOT, 'remotion', 'index.ts');
const BUNDLE_INPUTS = ['remotion', 'src/contract', 'public', 'package-lock.json'];
const CACHE_DIRECTORY = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'kokoro-news-video');

async function filesUnder(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  const names = await readdir(entry, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!names) return [entry];
  return names.filter((name) => name.isFile()).map((name) => path.join(name.parentPath, name.name));
}

/** A hash of everything the bundle is built from. */
export async function bundleKey(root = PROJECT_ROOT): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(BUNDLE_INPUTS.map((input) => filesUnder(path.join(root, input))))).flat().sort();
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The path of a built bundle for the current code, building it if the cache has none. */
export async function cachedBundle(onProgress?: (percent: number) => void): Promise<string> {
  const target = path.join(CACHE_DIRECTORY, `remotion-bundle-${await bundleKey()}`);
  if (existsSync(path.join(target, 'index.html'))) return target;
  await mkdir(CACHE_DIRECTORY, { recursive: true });
  const building = `${target}.${process.pid}.partial`;
  await rm(building, { recursive: true, force: true });
  // webpack is loaded only to build: most starts find the bundle cached.
  const { bundle } = await import('@remotion/bundler');
  await bundle({ entryPoint: ENTRY_POINT, outDir: building, publicDir: path.join(PROJECT_ROOT, 'public'), onProgress });
  // Another process may have finished the same bundle first: theirs is as good as ours.
  if (existsSync(target)) await rm(building, { recursive: true, force: true });
  else await rename(building, target);
  return target;
}
