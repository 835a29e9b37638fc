// The default render: each distinct picture of the video drawn once by the browser, then held by ffmpeg for its
// exact run of frames, with the progress bar drawn by ffmpeg and the result encoded as H.264 in the same colour
// space as a plain Remotion render. A news video shows ~3 pictures a second against 30 frames, so the browser,
// the slow part, does a fraction of the work; distinct-frames.ts says which frames. The pictures are piped to
// ffmpeg as the browser makes them, so the encoder works on one core while the browser draws on the other.
// The one motion that lasts, the lead image's push-in behind the title, is drawn by ffmpeg too: the browser
// draws the title card's pictures transparent over no image (PNG), and ffmpeg lays them over the moving image.
import { renderFrames, type CancelSignal, type ChromeMode, type LogLevel } from '@remotion/renderer';
import ffmpeg from 'fluent-ffmpeg';
import { imageSize } from 'image-size';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import type { Narration } from '../contract/narration.ts';
import { firstFrameAt, titleCardEndFrame, type ScreenLayout } from '../../remotion/NewsVideo/screen.ts';
import { ffmpegPath } from '../audio/encode.ts';
import { UserError } from '../errors.ts';
import { concatScript, pictureRuns, pipedPicturesPts, type PictureRun } from './distinct-frames.ts';
import { leadImageZoomFilter, type LeadImageZoom } from './lead-image-zoom-filter.ts';
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
  /** The narration's folder: its lead image is read from it and the pictures are made in a scratch folder in it. */
  folder: string;
  layout: ScreenLayout;
  /** The accent colour of the bar ffmpeg draws; null when the composition draws its own (or none). */
  progressBarColor: string | null;
  scale: number;
  concurrency: number | null;
  x264Preset: string;
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

/** The title card over the lead image that ffmpeg moves (frames [0, zoom.titleFrames)): the image and the card's runs. */
interface Opening {
  image: string;
  zoom: LeadImageZoom;
  runs: PictureRun[];
}

/**
 * The lead image when ffmpeg can draw it as the browser does: a JPEG or PNG (ffmpeg reads both the same way)
 * with no EXIF rotation (browsers apply it, ffmpeg does not). Null leaves the zoom to the browser.
 */
async function leadImageForFfmpeg(folder: string, narration: Narration): Promise<{ file: string; width: number; height: number } | null> {
  const lead = narration.article?.leadImage;
  if (!lead || (lead.type !== 'jpeg' && lead.type !== 'png')) return null;
  const file = path.join(folder, lead.file);
  const size = imageSize(await readFile(file));
  return (size.orientation ?? 1) === 1 ? { file, width: size.width, height: size.height } : null;
}

/** The silent MP4 of `job.composition` at `job.output`, by distinct pictures. */
export async function renderDistinctPictures(remotion: RemotionContext, job: DistinctRenderJob): Promise<void> {
  const { fps, width, height, durationInFrames } = job.composition;
  const frameWidth = Math.round(width * job.scale);
  const titleFrames = titleCardEndFrame(job.narration, fps);
  const leadImage = titleFrames === null ? null : await leadImageForFfmpeg(job.folder, job.narration);
  const runs = pictureRuns(job.narration, fps, job.layout, leadImage === null);
  if (runs.reduce((frames, run) => frames + run.length, 0) !== durationInFrames) {
    throw new Error(`The picture runs cover a different length than the composition's ${durationInFrames} frames`);
  }
  let opening: Opening | null = null;
  if (leadImage !== null && titleFrames !== null) {
    const cardRuns = runs.filter((run) => run.first < titleFrames);
    const last = cardRuns.at(-1)!;
    if (last.first + last.length !== titleFrames) throw new Error(`A picture run crosses the title card's end at frame ${titleFrames}`);
    const zoom = {
      width: frameWidth,
      height: Math.round(height * job.scale),
      imageWidth: leadImage.width,
      imageHeight: leadImage.height,
      titleFrames,
    };
    opening = { image: leadImage.file, zoom, runs: cardRuns };
  }
  const heldRuns = runs.slice(opening?.runs.length ?? 0);
  const pictures = await mkdtemp(path.join(job.folder, '.pictures-'));
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  let picturesDone = false;
  try {
    const onRendered = (offset: number) => (rendered: number) => job.onProgress?.('pictures', offset + rendered, runs.length);
    const openingScript = opening && (await renderOpeningPictures(remotion, job, opening.runs, path.join(pictures, 'opening'), onRendered(0)));
    const bar =
      job.progressBarColor === null
        ? null
        : progressBarFilter('timed', 'video', {
            width: frameWidth,
            scale: job.scale,
            fullAtFrame: firstFrameAt(job.narration.audio.durationMs, fps),
            color: job.progressBarColor,
          });
    const graph = filterGraph({ held: opening ? 2 : 0, heldRuns, opening: opening && { pictures: 0, image: 1, zoom: opening.zoom } }, fps, bar);
    const graphFile = path.join(pictures, 'graph.txt');
    await writeFile(graphFile, graph);
    const heldPictures = new PassThrough();
    const stopEncoder = new AbortController();
    const openingInputs = opening && openingScript ? { script: openingScript, image: opening.image } : null;
    // The encoder is killed when the job is cancelled or when the pictures fail.
    const killEncoder = AbortSignal.any([stopEncoder.signal, ...(job.signal ? [job.signal] : [])]);
    const encoded = encode({ heldPictures, graphFile, opening: openingInputs }, durationInFrames, job, killEncoder, () => picturesDone);
    // A failed encoder breaks the pipe, so the browser stops instead of filling it; failed pictures stop the encoder.
    encoded.catch((error: unknown) => heldPictures.destroy(error instanceof Error ? error : new Error(String(error))));
    try {
      await pipeHeldPictures(remotion, job, heldRuns, heldPictures, onRendered(opening?.runs.length ?? 0));
    } catch (error) {
      stopEncoder.abort();
      await encoded.catch(() => undefined);
      throw error;
    }
    picturesDone = true;
    job.log?.(`${runs.length} distinct pictures for ${durationInFrames} frames, rendered in ${seconds()} s`);
    await encoded;
    job.log?.(`held and encoded by ffmpeg at ${seconds()} s`);
  } finally {
    await rm(pictures, { recursive: true, force: true });
  }
}

/**
 * The title card's pictures as transparent PNGs in `folder` (the lead image left out for ffmpeg to move under
 * them), and the ffconcat script that holds each for its run. They are few and come first, so they are files.
 */
async function renderOpeningPictures(
  remotion: RemotionContext,
  job: DistinctRenderJob,
  runs: readonly PictureRun[],
  folder: string,
  onRendered: (rendered: number) => void,
): Promise<string> {
  await mkdir(folder);
  const withoutImage = { drawLeadImage: false };
  await renderFrames({
    ...remotionFrames(remotion, job, runs, onRendered),
    composition: { ...job.composition, props: { ...job.composition.props, ...withoutImage } },
    inputProps: { ...job.inputProps, ...withoutImage },
    outputDir: folder,
    imageSequencePattern: '[frame].[ext]',
    imageFormat: 'png',
  });
  // Zero-padded frame numbers: name order is frame order, the order of the runs.
  const images = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort();
  if (images.length !== runs.length) throw new Error(`Remotion wrote ${images.length} pictures for ${runs.length} runs`);
  const script = path.join(folder, 'pictures.ffconcat');
  await writeFile(
    script,
    concatScript(
      runs,
      images.map((name) => path.join(folder, name)),
    ),
  );
  return script;
}

/**
 * The held pictures, whole JPEGs, written to `pipe` in run order as the browser makes them (with several tabs
 * they may arrive out of order), the last one twice (see pipedPicturesPts); the pipe is ended when all are in.
 */
async function pipeHeldPictures(
  remotion: RemotionContext,
  job: DistinctRenderJob,
  runs: readonly PictureRun[],
  pipe: PassThrough,
  onRendered: (rendered: number) => void,
): Promise<void> {
  const runIndex = new Map(runs.map((run, index) => [run.first, index]));
  const waiting = new Map<number, Buffer>();
  let next = 0;
  let last: Buffer | undefined;
  const write = async (picture: Buffer) => {
    if (pipe.destroyed) throw pipe.errored ?? new Error('ffmpeg stopped reading the pictures');
    if (!pipe.write(picture)) await once(pipe, 'drain');
  };
  await renderFrames({
    ...remotionFrames(remotion, job, runs, onRendered),
    composition: job.composition,
    inputProps: job.inputProps,
    outputDir: null,
    imageFormat: 'jpeg',
    jpegQuality: PICTURE_JPEG_QUALITY,
    onFrameBuffer: async (picture, frame) => {
      waiting.set(runIndex.get(frame)!, picture);
      for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
        waiting.delete(next++);
        last = ready;
        await write(ready);
      }
    },
  });
  if (next !== runs.length || last === undefined) throw new Error(`Remotion gave ${next} pictures for ${runs.length} runs`);
  await write(last);
  pipe.end();
}

/** What both picture renders give renderFrames: the shared browser, which frames, and how. */
function remotionFrames(remotion: RemotionContext, job: DistinctRenderJob, runs: readonly PictureRun[], onRendered: (rendered: number) => void) {
  return {
    ...remotion,
    frames: runs.map((run) => run.first),
    scale: job.scale,
    concurrency: job.concurrency,
    muted: true,
    cancelSignal: job.cancelSignal,
    onStart: () => undefined,
    onFrameUpdate: onRendered,
  };
}

/**
 * The filtergraph: pictures held on a clock of one second per frame (distinct-frames.ts), so `fps=1` holds each
 * on exactly its frames; the opening's moving image under its title pictures; then frame n re-timed to n / fps
 * and the bar laid over each frame. Colour conversion happens once per picture (it costs more than the encoder
 * per frame), the opening's image included.
 */
function filterGraph(
  inputs: { held: number; heldRuns: readonly PictureRun[]; opening: { pictures: number; image: number; zoom: LeadImageZoom } | null },
  fps: number,
  bar: string | null,
): string {
  const held = `[${inputs.held}:v]settb=1,setpts='${pipedPicturesPts(inputs.heldRuns)}',${BT709},format=yuv420p,fps=1`;
  const opening = inputs.opening;
  // fps=${fps} changes no frame; it states the rate, which the MP4 then carries as a plain render's does.
  const timed = `settb=1/${fps},setpts=N,fps=${fps}[timed]`;
  const steps = opening
    ? [
        leadImageZoomFilter(`${opening.image}:v`, 'background', opening.zoom, `${BT709},format=yuv420p`),
        // Alpha blending commutes with RGB -> YUV (an affine map), so the card is converted once per picture.
        `[${opening.pictures}:v]${BT709},format=yuva420p[card]`,
        `[background][card]overlay=format=yuv420,trim=end_frame=${opening.zoom.titleFrames}[opening]`,
        `${held}[held]`,
        `[opening][held]concat=n=2:v=1:a=0,${timed}`,
      ]
    : [`${held},${timed}`];
  return [...steps, bar ?? '[timed]null[video]'].join(';');
}

/** ffmpeg reading the piped held pictures (and the opening's pictures and image), encoding to `job.output`. */
function encode(
  inputs: { heldPictures: PassThrough; graphFile: string; opening: { script: string; image: string } | null },
  frames: number,
  job: DistinctRenderJob,
  kill: AbortSignal,
  picturesDone: () => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const command = ffmpeg().setFfmpegPath(ffmpegPath());
    if (inputs.opening) command.input(inputs.opening.script).inputOptions(['-f', 'concat', '-safe', '0']).input(inputs.opening.image);
    command.input(inputs.heldPictures).inputOptions(['-f', 'image2pipe', '-c:v', 'mjpeg', '-framerate', '1']);
    command
      // The graph's timestamps are the frames' own (n / fps): passed through, not re-synced to a rate (ffmpeg's
      // constant-rate sync offsets a piped stream's start by a frame interval of its 1 fps input).
      .outputOptions(['-filter_complex_script', inputs.graphFile, '-map', '[video]', '-vsync', 'passthrough', '-frames:v', String(frames)])
      .outputOptions(['-c:v', 'libx264', '-preset', job.x264Preset, '-crf', String(X264_CRF)])
      .outputOptions(['-colorspace:v', 'bt709', '-color_primaries:v', 'bt709', '-color_trc:v', 'bt709', '-color_range', 'tv'])
      .format('mp4')
      .on('progress', (progress: { frames?: number }) => {
        if (picturesDone()) job.onProgress?.('encode', progress.frames ?? 0, frames);
      })
      .on('error', (error: Error) => {
        kill.removeEventListener('abort', stop);
        reject(
          job.signal?.aborted
            ? job.signal.reason
            : new UserError(
                `ffmpeg (${ffmpegPath()}) could not encode the video: ${error.message.split('\n')[0]}`,
                'Check that FFMPEG_PATH names a working ffmpeg with libx264, or unset it',
              ),
        );
      })
      .on('end', () => {
        kill.removeEventListener('abort', stop);
        resolve();
      });
    const stop = () => command.kill('SIGKILL');
    kill.addEventListener('abort', stop, { once: true });
    command.save(job.output);
  });
}
