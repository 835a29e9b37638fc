// Every ffmpeg run of the product goes through here: one place that picks the binary, builds the fluent-ffmpeg
// command, kills it on an abort signal, and turns its failure into one line the user can act on.
import ffmpeg from 'fluent-ffmpeg';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { UserError } from '../errors.ts';

let found: string | undefined;

/**
 * FFMPEG_PATH when set, else the system's ffmpeg from PATH: a maintained build (Debian's 5.1 here) decodes the
 * pictures pages send and has every filter the render and the loudness step use (zoompan, maskedmerge, xfade,
 * overlay, alimiter with latency compensation, ebur128), which neither an npm-shipped 2018 build nor Remotion's own ffmpeg has.
 */
export function ffmpegPath(): string {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH;
  found ??= (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((folder) => path.join(folder, 'ffmpeg'))
    .find((candidate) => {
      try {
        accessSync(candidate, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  if (!found) {
    throw new UserError(
      'ffmpeg was not found on PATH',
      'Install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg), or set FFMPEG_PATH',
    );
  }
  return found;
}

export interface FfmpegInput {
  /** A file, or a stream fed to ffmpeg's stdin (at most one input may be a stream). */
  source: string | Readable;
  /** Options that go before its `-i`. */
  options?: readonly string[];
}

export interface FfmpegRun {
  inputs: readonly FfmpegInput[];
  outputOptions: readonly string[];
  /** The output's container (`-f`). */
  format: string;
  output: string;
  /** What the run makes, for the error line: "ffmpeg (…) could not <task>". */
  task: string;
  fix: string;
  /** Kills ffmpeg; the run then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Frames encoded so far, as ffmpeg reports them. */
  onProgress?: (frames: number) => void;
}

/** The last line ffmpeg wrote to stderr, when the error's own first line does not already say it. */
function stderrTail(firstLine: string, stderr: string | null): string {
  const last = stderr
    ?.split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .at(-1);
  return last === undefined || firstLine.includes(last) ? '' : ` (${last})`;
}

/** Runs ffmpeg; resolves with what it wrote to stderr (where filters such as ebur128 print their measurements). */
export function runFfmpeg(run: FfmpegRun): Promise<string> {
  return new Promise((resolve, reject) => {
    const command = ffmpeg().setFfmpegPath(ffmpegPath());
    for (const input of run.inputs) command.input(input.source).inputOptions([...(input.options ?? [])]);
    command.outputOptions([...run.outputOptions]).format(run.format);
    const stop = () => command.kill('SIGKILL');
    const settle = () => run.signal?.removeEventListener('abort', stop);
    if (run.onProgress) {
      const onProgress = run.onProgress;
      command.on('progress', (progress: { frames?: number }) => onProgress(progress.frames ?? 0));
    }
    command
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        settle();
        if (run.signal?.aborted) return reject(run.signal.reason);
        const firstLine = error.message.split('\n')[0]!;
        reject(new UserError(`ffmpeg (${ffmpegPath()}) could not ${run.task}: ${firstLine}${stderrTail(firstLine, stderr)}`, run.fix));
      })
      .on('end', (_stdout: string | null, stderr: string | null) => {
        settle();
        resolve(stderr ?? '');
      });
    run.signal?.addEventListener('abort', stop, { once: true });
    command.save(run.output);
  });
}
