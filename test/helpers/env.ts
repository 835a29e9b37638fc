// Tests run against the real int8 model in model/ (fetched on first use) and the official voices.
// Outside CI nothing else points at them, so the voices default to ../shared/voices beside the checkout.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ffmpegPath } from '../../src/media/ffmpeg.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';

const sharedVoices = path.resolve(PROJECT_ROOT, '../shared/voices');
if (!process.env.KOKORO_VOICES_DIR && existsSync(sharedVoices)) process.env.KOKORO_VOICES_DIR = sharedVoices;

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run one of the project's CLIs as a user would. */
export function runCli(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string | Buffer } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Decode any audio file with ffmpeg to mono float samples at `sampleRate`. */
export function decodeAudio(file: string, sampleRate = 24_000): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '1', '-ar', String(sampleRate), '-'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => chunks.push(data));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ffmpeg failed on ${file}: ${stderr}`));
      const bytes = Buffer.concat(chunks);
      resolve(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
    });
  });
}
