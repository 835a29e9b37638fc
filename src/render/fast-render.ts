// The default render: each distinct picture of the video drawn once by the browser, then held by ffmpeg for its
// exact run of frames, with the progress bar drawn by ffmpeg and the result encoded as H.264 in the same colour
// space as a plain Remotion render. A news video shows ~3 pictures a second against 30 frames, so the browser,
// the slow part, does a fraction of the work; distinct-frames.ts says which frames. The pictures are piped to
// ffmpeg as the browser makes them, so the encoder works on one core while the browser draws on the other.
// The motion that lasts, the sections' pictures moving toward their focus and crossfading, is drawn by ffmpeg
// too: the browser draws the pictures transparent over no background (PNG), and ffmpeg lays them over the
// moving pictures (media-motion.ts is the one definition both follow).
// This file runs the steps; each has its module: the plan, the pictures, their pipe, the graph, the encode.
import { imageSize } from 'image-size';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { makeCancelSignal, type CancelSignal } from '@remotion/renderer';
import sharp from 'sharp';
import type { Narration } from '../contract/narration.ts';
import { brandBackgroundSvg } from '../../remotion/NewsVideo/brand-background.ts';
import type { ScreenLayout } from '../../remotion/NewsVideo/screen.ts';
import { planDistinctRender, type DistinctRenderInput } from './distinct-plan.ts';
import { encodePictures, joinSegments } from './encode-pictures.ts';
import { PicturePipe } from './picture-pipe.ts';
import { renderPictures, type PictureSettings, type RemotionContext } from './remotion-pictures.ts';
import { segmentCuts, splitPlan, type PlanSegment } from './segments.ts';

export interface DistinctRenderJob extends PictureSettings {
  narration: Narration;
  /** The narration's folder: its pictures are read from it and scratch files are made in a folder in it. */
  folder: string;
  layout: ScreenLayout;
  /** The accent colour of the bar ffmpeg draws; null when the composition draws its own (or none). */
  progressBarColor: string | null;
  x264Preset: string;
  output: string;
  signal?: AbortSignal;
  onProgress?: (stage: 'pictures' | 'encode', done: number, total: number) => void;
  /** One line per stage with its time (--verbose). */
  log?: (line: string) => void;
}

/**
 * The files ffmpeg moves behind the pictures, when it can draw every one as the browser does: each media image a
 * JPEG or PNG (ffmpeg reads both the same way) with no EXIF rotation (browsers apply it, ffmpeg does not), and
 * the brand background rasterized from the composition's own SVG at the render's size. Null leaves the
 * pictures to the browser.
 */
async function mediaForFfmpeg(
  folder: string,
  scratch: string,
  narration: Narration,
  frame: { width: number; height: number; scale: number; accentColor: string },
): Promise<DistinctRenderInput['mediaFiles']> {
  const media: string[] = [];
  for (const image of narration.media) {
    if (image.type !== 'jpeg' && image.type !== 'png') return null;
    const file = path.join(folder, image.file);
    if ((imageSize(await readFile(file)).orientation ?? 1) !== 1) return null;
    media.push(file);
  }
  const brand = path.join(scratch, 'brand-background.png');
  const svg = brandBackgroundSvg(frame.accentColor, frame);
  await sharp(Buffer.from(svg))
    .resize(Math.round(frame.width * frame.scale), Math.round(frame.height * frame.scale), { fit: 'fill' })
    .png()
    .toFile(brand);
  return { media, brand };
}

/** A cancel signal that fires when either does. */
const eitherCancel =
  (a: CancelSignal, b: CancelSignal): CancelSignal =>
  (callback) => {
    a(callback);
    b(callback);
  };

/** The silent MP4 of `job.composition` at `job.output`, by distinct pictures. */
export async function renderDistinctPictures(remotion: RemotionContext, job: DistinctRenderJob): Promise<void> {
  const { fps, width, height, durationInFrames } = job.composition;
  const { narration, scale, layout, progressBarColor } = job;
  const scratch = await mkdtemp(path.join(job.folder, '.pictures-'));
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  try {
    const accentColor = String(job.composition.props.accentColor);
    const mediaFiles = layout.motion ? await mediaForFfmpeg(job.folder, scratch, narration, { width, height, scale, accentColor }) : null;
    const plan = planDistinctRender({ narration, fps, width, height, durationInFrames, scale, layout, mediaFiles, progressBarColor });
    const segments = splitPlan(plan, durationInFrames, segmentCuts(plan, durationInFrames, availableParallelism()));
    const outputs = segments.length === 1 ? [job.output] : segments.map((_, index) => path.join(scratch, `segment-${index}.mp4`));
    // Progress adds up the segments': pictures drawn, and frames encoded once every picture is drawn.
    const drawn = segments.map(() => 0);
    const encoded = segments.map(() => 0);
    const pictureCount = sum(segments.map((segment) => segment.plan.runs.length));
    let picturesLeft = segments.length;
    const stopAll = new AbortController();
    await Promise.all(
      segments.map((segment, index) =>
        renderSegment(remotion, job, segment, outputs[index]!, scratch, index, stopAll, {
          pictures: (rendered) => {
            drawn[index] = rendered;
            job.onProgress?.('pictures', sum(drawn), pictureCount);
          },
          picturesDone: () => picturesLeft--,
          encode: (frames) => {
            encoded[index] = frames;
            if (picturesLeft === 0) job.onProgress?.('encode', sum(encoded), durationInFrames);
          },
        }),
      ),
    );
    job.log?.(`${plan.runs.length} distinct pictures for ${durationInFrames} frames in ${segments.length} segment(s), encoded at ${seconds()} s`);
    if (segments.length > 1) await joinSegments(outputs, path.join(scratch, 'segments.txt'), job.output, job.signal);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

interface SegmentProgress {
  pictures: (rendered: number) => void;
  picturesDone: () => void;
  encode: (frames: number) => void;
}

/**
 * One segment: its pictures drawn by the browser in a tab of its own and piped to its own ffmpeg, which moves the
 * pictures under them and encodes `output`. A segment that fails stops the others (`stopAll`).
 */
async function renderSegment(
  remotion: RemotionContext,
  job: DistinctRenderJob,
  segment: PlanSegment,
  output: string,
  scratch: string,
  index: number,
  stopAll: AbortController,
  progress: SegmentProgress,
): Promise<void> {
  const { plan } = segment;
  const pictures = new PassThrough();
  // The encoder is killed when the job is cancelled or when any segment fails.
  const killEncoder = AbortSignal.any([stopAll.signal, ...(job.signal ? [job.signal] : [])]);
  let picturesDone = false;
  const encoded = encodePictures({
    plan,
    fps: job.composition.fps,
    frames: segment.frames,
    pictures,
    graphFile: path.join(scratch, `graph-${index}.txt`),
    x264Preset: job.x264Preset,
    output,
    signal: killEncoder,
    onProgress: progress.encode,
  });
  // The encoder can end before it has every picture: it failed, or (a fault of the graph) it made all its frames
  // early and stopped reading. The pipe is broken and the browser stopped then, and the render fails with the
  // encoder's reason: a browser waiting on a pipe that nobody reads would hang. Failed pictures stop the encoder.
  let encoderFailure: Error | null = null;
  const stopPictures = makeCancelSignal();
  const breakPipe = (error: Error) => {
    encoderFailure ??= error;
    pictures.destroy(error);
    stopPictures.cancel();
  };
  stopAll.signal.addEventListener('abort', () => stopPictures.cancel(), { once: true });
  encoded.then(
    () => picturesDone || breakPipe(new Error(`ffmpeg ended the video before it had all ${plan.runs.length} pictures (a fault of its filtergraph)`)),
    (error: unknown) => breakPipe(error instanceof Error ? error : new Error(String(error))),
  );
  try {
    const pipe = new PicturePipe(pictures, plan.runs.length);
    await renderPictures(
      remotion,
      { ...job, cancelSignal: eitherCancel(job.cancelSignal, stopPictures.cancelSignal) },
      plan.runs,
      plan.background !== null,
      (run, picture) => pipe.add(run, picture),
      progress.pictures,
    );
    await pipe.end();
    picturesDone = true;
    progress.picturesDone();
    await encoded;
  } catch (error) {
    stopAll.abort();
    await encoded.catch(() => undefined);
    throw encoderFailure ?? error;
  }
}
