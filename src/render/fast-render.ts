// The default render: each distinct picture of the video drawn once by the browser, then held by ffmpeg for its
// exact run of frames (concat demuxer), with the progress bar drawn by ffmpeg and the result encoded as
// H.264 in the same colour space as a plain Remotion render. A news video shows ~3 pictures a second against
// 30 frames, so the browser, the slow part, does a fraction of the work; distinct-frames.ts says which frames.
import { renderFrames, type CancelSignal, type ChromeMode, type LogLevel } from '@remotion/renderer';
import ffmpeg from 'fluent-ffmpeg';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Narration } from '../contract/narration.ts';
import { firstFrameAt, type ScreenLayout } from '../../remotion/NewsVideo/screen.ts';
import { ffmpegPath } from '../audio/encode.ts';
import { UserError } from '../errors.ts';
import { concatScript, pictureRuns } from './distinct-frames.ts';
import { progressBarFilter } from './progress-bar-filter.ts';

type Browser = NonNullable<Parameters<typeof renderFrames>[0]['puppeteerInstance']>;
type Composition = Parameters<typeof renderFrames>[0]['composition'];

/** What the renderer shares with every Remotion call: bundle, browser, log level. */
export interface RemotionContext {
  serveUrl: string;
  puppeteerInstance: Browser;
  browserExecutable: string | null;
  chromeMode: ChromeMode;
  logLevel: LogLevel;
}

export interface DistinctRenderJob {
  /** NewsVideo selected with these props (its own progress bar turned off when ffmpeg draws it). */
  composition: Composition;
  inputProps: Record<string, unknown>;
  narration: Narration;
  layout: ScreenLayout;
  /** The accent colour of the bar ffmpeg draws; null when the composition draws its own (or none). */
  progressBarColor: string | null;
  scale: number;
  concurrency: number | null;
  x264Preset: string;
  /** A scratch folder for the pictures; removed afterwards. */
  workIn: string;
  output: string;
  cancelSignal: CancelSignal;
  signal?: AbortSignal;
  onProgress?: (stage: 'pictures' | 'encode', done: number, total: number) => void;
  /** One line per stage with its time (--verbose). */
  log?: (line: string) => void;
}

/** JPEG quality of the held pictures: each is seen for many frames, so it is kept above renderMedia's default 80. */
const PICTURE_JPEG_QUALITY = 90;
/** renderMedia's default for H.264, so the two modes differ only in how the frames are made. */
const X264_CRF = 18;
// What renderMedia runs for colorSpace 'bt709' (@remotion/renderer ffmpeg-args.js): limited-range BT.709.
const BT709 = 'zscale=matrix=709:range=limited:primariesin=709:primaries=709:transferin=709:transfer=709';

/** The silent MP4 of `job.composition` at `job.output`, by distinct pictures. */
export async function renderDistinctPictures(remotion: RemotionContext, job: DistinctRenderJob): Promise<void> {
  const { fps, width, durationInFrames } = job.composition;
  const runs = pictureRuns(job.narration, fps, job.layout);
  if (runs.reduce((frames, run) => frames + run.length, 0) !== durationInFrames) {
    throw new Error(`The picture runs cover a different length than the composition's ${durationInFrames} frames`);
  }
  const pictures = await mkdtemp(path.join(job.workIn, '.pictures-'));
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  try {
    await renderFrames({
      ...remotion,
      composition: job.composition,
      inputProps: job.inputProps,
      frames: runs.map((run) => run.first),
      outputDir: pictures,
      imageSequencePattern: '[frame].[ext]',
      imageFormat: 'jpeg',
      jpegQuality: PICTURE_JPEG_QUALITY,
      scale: job.scale,
      concurrency: job.concurrency,
      muted: true,
      cancelSignal: job.cancelSignal,
      onStart: () => undefined,
      onFrameUpdate: (rendered) => job.onProgress?.('pictures', rendered, runs.length),
    });
    job.log?.(`${runs.length} distinct pictures for ${durationInFrames} frames, rendered in ${seconds()} s`);
    // Zero-padded frame numbers: name order is frame order, the order of the runs.
    const images = (await readdir(pictures)).filter((name) => name.endsWith('.jpeg')).sort();
    if (images.length !== runs.length) throw new Error(`Remotion wrote ${images.length} pictures for ${runs.length} runs`);
    const script = path.join(pictures, 'pictures.ffconcat');
    await writeFile(script, concatScript(runs, images.map((name) => path.join(pictures, name))));
    const bar =
      job.progressBarColor === null
        ? null
        : progressBarFilter('held', 'video', { width: Math.round(width * job.scale), scale: job.scale, fullAtFrame: firstFrameAt(job.narration.audio.durationMs, fps), color: job.progressBarColor });
    await encodeHeldPictures(script, fps, durationInFrames, bar, job);
    job.log?.(`held and encoded by ffmpeg at ${seconds()} s`);
  } finally {
    await rm(pictures, { recursive: true, force: true });
  }
}

function encodeHeldPictures(script: string, fps: number, frames: number, bar: string | null, job: DistinctRenderJob): Promise<void> {
  // Colour conversion first, once per picture (it costs more than the encoder per frame). One second per frame
  // in the script (distinct-frames.ts): fps=1 holds each picture on exactly its frames, then frame n is re-timed
  // to n / fps and the bar is laid over each frame.
  const graph = [`[0:v]${BT709},format=yuv420p,fps=1,settb=1/${fps},setpts=N[held]`, bar ?? '[held]null[video]'].join(';');
  return new Promise((resolve, reject) => {
    const command = ffmpeg()
      .setFfmpegPath(ffmpegPath())
      .input(script)
      .inputOptions(['-f', 'concat', '-safe', '0'])
      .complexFilter(graph)
      .outputOptions(['-map', '[video]', '-r', String(fps), '-frames:v', String(frames), '-c:v', 'libx264', '-preset', job.x264Preset, '-crf', String(X264_CRF)])
      .outputOptions(['-colorspace:v', 'bt709', '-color_primaries:v', 'bt709', '-color_trc:v', 'bt709', '-color_range', 'tv'])
      .format('mp4')
      .on('progress', (progress: { frames?: number }) => job.onProgress?.('encode', progress.frames ?? 0, frames))
      .on('error', (error: Error) => {
        job.signal?.removeEventListener('abort', stop);
        reject(
          job.signal?.aborted
            ? job.signal.reason
            : new UserError(`ffmpeg (${ffmpegPath()}) could not encode the video: ${error.message.split('\n')[0]}`, 'Check that FFMPEG_PATH names a working ffmpeg with libx264, or unset it'),
        );
      })
      .on('end', () => {
        job.signal?.removeEventListener('abort', stop);
        resolve();
      });
    const stop = () => command.kill('SIGKILL');
    job.signal?.addEventListener('abort', stop, { once: true });
    command.save(job.output);
  });
}
