// The plan of one fast render (fast-render.ts), before anything is drawn: which runs of frames share a picture,
// which of them are the title card's (drawn over the lead image that ffmpeg moves) and which are held pictures,
// and the progress bar ffmpeg draws. Pure.
import type { Narration } from '../contract/narration.ts';
import { firstFrameAt, titleCardEndFrame, type ScreenLayout } from '../../remotion/NewsVideo/screen.ts';
import { pictureRuns, type PictureRun } from './distinct-frames.ts';
import type { LeadImageZoom, ProgressBarGeometry } from './filter-graph.ts';

/** A lead image ffmpeg can draw as the browser does, and its size. */
export interface LeadImageFile {
  file: string;
  width: number;
  height: number;
}

export interface DistinctRenderInput {
  narration: Narration;
  fps: number;
  /** The composition's size and length, before --scale. */
  width: number;
  height: number;
  durationInFrames: number;
  scale: number;
  layout: ScreenLayout;
  /** Null leaves the lead image's zoom (if any) to the browser. */
  leadImage: LeadImageFile | null;
  /** The accent colour of the bar ffmpeg draws; null when the composition draws its own (or none). */
  progressBarColor: string | null;
}

/** The title card over the lead image that ffmpeg moves (frames [0, zoom.titleFrames)): the image and the card's runs. */
export interface Opening {
  image: string;
  zoom: LeadImageZoom;
  runs: PictureRun[];
}

export interface DistinctRenderPlan {
  /** Every run, in frame order: the opening's first, then the held pictures'. */
  runs: PictureRun[];
  opening: Opening | null;
  heldRuns: PictureRun[];
  bar: ProgressBarGeometry | null;
}

export function planDistinctRender(input: DistinctRenderInput): DistinctRenderPlan {
  const { narration, fps, leadImage } = input;
  const frameWidth = Math.round(input.width * input.scale);
  const titleFrames = titleCardEndFrame(narration, fps);
  const runs = pictureRuns(narration, fps, input.layout, leadImage === null);
  if (runs.reduce((frames, run) => frames + run.length, 0) !== input.durationInFrames) {
    throw new Error(`The picture runs cover a different length than the composition's ${input.durationInFrames} frames`);
  }
  let opening: Opening | null = null;
  if (leadImage !== null && titleFrames !== null) {
    const cardRuns = runs.filter((run) => run.first < titleFrames);
    const last = cardRuns.at(-1)!;
    if (last.first + last.length !== titleFrames) throw new Error(`A picture run crosses the title card's end at frame ${titleFrames}`);
    const zoom = {
      width: frameWidth,
      height: Math.round(input.height * input.scale),
      imageWidth: leadImage.width,
      imageHeight: leadImage.height,
      titleFrames,
    };
    opening = { image: leadImage.file, zoom, runs: cardRuns };
  }
  const bar =
    input.progressBarColor === null
      ? null
      : { width: frameWidth, scale: input.scale, fullAtFrame: firstFrameAt(narration.audio.durationMs, fps), color: input.progressBarColor };
  return { runs, opening, heldRuns: runs.slice(opening?.runs.length ?? 0), bar };
}
