// The plan of one fast render (fast-render.ts), before anything is drawn: which runs of frames share a picture,
// whether those pictures are transparent over pictures that ffmpeg moves (and which, span by span), and the
// progress bar ffmpeg draws. Pure.
import type { Narration } from '../contract/narration.ts';
import { mediaSpans, spanPicture } from '../../remotion/NewsVideo/media-motion.ts';
import { firstFrameAt, type ScreenLayout } from '../../remotion/NewsVideo/screen.ts';
import { pictureRuns, type PictureRun } from './distinct-frames.ts';
import type { MovingPicture, ProgressBarGeometry } from './filter-graph.ts';

export interface DistinctRenderInput {
  narration: Narration;
  fps: number;
  /** The composition's size and length, before --scale. */
  width: number;
  height: number;
  durationInFrames: number;
  scale: number;
  layout: ScreenLayout;
  /**
   * The file ffmpeg reads for each media image (by index) and for the brand background, when ffmpeg can draw them
   * all as the browser does; null leaves the pictures and their motion to the browser.
   */
  mediaFiles: { media: readonly string[]; brand: string } | null;
  /** The accent colour of the bar ffmpeg draws; null when the composition draws its own (or none). */
  progressBarColor: string | null;
}

/** One span's picture for ffmpeg: the file, its motion, and its crossfade. */
export interface PlannedSpan {
  file: string;
  picture: MovingPicture;
  first: number;
  fadeFrames: number;
}

export interface DistinctRenderPlan {
  /** Every run, in frame order. */
  runs: PictureRun[];
  /** The moving pictures under the (then transparent) runs' pictures; null when the browser draws them. */
  background: PlannedSpan[] | null;
  bar: ProgressBarGeometry | null;
}

export function planDistinctRender(input: DistinctRenderInput): DistinctRenderPlan {
  const { narration, fps, mediaFiles, layout } = input;
  const frameWidth = Math.round(input.width * input.scale);
  // A still picture (motion off) is the browser's to draw: it is the same in every picture of a run.
  const files = layout.motion ? mediaFiles : null;
  const runs = pictureRuns(narration, fps, layout, files === null);
  if (runs.reduce((frames, run) => frames + run.length, 0) !== input.durationInFrames) {
    throw new Error(`The picture runs cover a different length than the composition's ${input.durationInFrames} frames`);
  }
  const frame = { width: input.width, height: input.height };
  const background =
    files &&
    mediaSpans(narration, fps, input.durationInFrames).map((span) => ({
      file: span.media === null ? files.brand : files.media[span.media]!,
      picture: {
        frame,
        scale: input.scale,
        ...spanPicture(narration, span, frame),
        kind: span.kind,
        visibleFrames: span.visibleFrames,
        skipFrames: 0,
        drawnFrames: span.visibleFrames,
      },
      first: span.first,
      fadeFrames: span.fadeFrames,
    }));
  const bar =
    input.progressBarColor === null
      ? null
      : {
          width: frameWidth,
          scale: input.scale,
          fullAtFrame: firstFrameAt(narration.audio.durationMs, fps),
          firstFrame: 0,
          color: input.progressBarColor,
        };
  return { runs, background, bar };
}
