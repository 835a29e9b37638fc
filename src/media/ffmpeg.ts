// Every ffmpeg run of the product goes through here: one place that picks the binary, builds the fluent-ffmpeg
// command, kills it on an abort signal, and turns its failure into one line the user can act on.
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import ffmpeg from 'fluent-ffmpeg';
import type { Readable } from 'node:stream';
import { UserError } from '../errors.ts';

/** FFMPEG_PATH when set, else the binary @ffmpeg-installer ships for this platform. */
export function ffmpegPath(): string {
  return process.env.FFMPEG_PATH ?? ffmpegInstaller.path;
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

export function runFfmpeg(run: FfmpegRun): Promise<void> {
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
      .on('end', () => {
        settle();
        resolve();
      });
    run.signal?.addEventListener('abort', stop, { once: true });
    command.save(run.output);
  });
}
