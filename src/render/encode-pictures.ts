// The fast render's encode: ffmpeg holds the pictures for their runs (filter-graph.ts), moves the lead image
// under the title card, draws the progress bar and encodes H.264 in the colour space of a plain Remotion render.
import { writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { runFfmpeg } from '../media/ffmpeg.ts';
import type { DistinctRenderPlan } from './distinct-plan.ts';
import { distinctPicturesGraph, progressBarFilter } from './filter-graph.ts';

/** renderMedia's default for H.264, so the two modes differ only in how the frames are made. */
const X264_CRF = 18;

export interface PictureEncode {
  plan: DistinctRenderPlan;
  fps: number;
  frames: number;
  /** The held pictures, piped as the browser makes them. */
  heldPictures: Readable;
  /** The ffconcat script of the opening's pictures; given exactly when the plan has an opening. */
  openingScript: string | null;
  /** Where the filtergraph is written (too long for a command line on a long video). */
  graphFile: string;
  x264Preset: string;
  output: string;
  signal: AbortSignal;
  onProgress: (frames: number) => void;
}

/** The silent MP4 at `encode.output`. */
export async function encodePictures(encode: PictureEncode): Promise<void> {
  const { plan } = encode;
  const openingInputs =
    plan.opening && encode.openingScript !== null
      ? [{ source: encode.openingScript, options: ['-f', 'concat', '-safe', '0'] }, { source: plan.opening.image }]
      : [];
  // Input order: the opening's pictures (0) and image (1) when there is an opening, then the piped held pictures.
  const graphOpening = plan.opening && openingInputs.length > 0 ? { pictures: 0, image: 1, zoom: plan.opening.zoom } : null;
  const bar = plan.bar && progressBarFilter('timed', 'video', plan.bar);
  await writeFile(
    encode.graphFile,
    distinctPicturesGraph({ held: openingInputs.length, heldRuns: plan.heldRuns, opening: graphOpening }, encode.fps, bar),
  );
  await runFfmpeg({
    inputs: [...openingInputs, { source: encode.heldPictures, options: ['-f', 'image2pipe', '-c:v', 'mjpeg', '-framerate', '1'] }],
    outputOptions: [
      // The graph's timestamps are the frames' own (n / fps): passed through, not re-synced to a rate (ffmpeg's
      // constant-rate sync offsets a piped stream's start by a frame interval of its 1 fps input).
      ...['-filter_complex_script', encode.graphFile, '-map', '[video]', '-vsync', 'passthrough', '-frames:v', String(encode.frames)],
      ...['-c:v', 'libx264', '-preset', encode.x264Preset, '-crf', String(X264_CRF)],
      ...['-colorspace:v', 'bt709', '-color_primaries:v', 'bt709', '-color_trc:v', 'bt709', '-color_range', 'tv'],
    ],
    format: 'mp4',
    output: encode.output,
    task: 'encode the video',
    fix: 'Check that FFMPEG_PATH names a working ffmpeg with libx264, or unset it',
    signal: encode.signal,
    onProgress: encode.onProgress,
  });
}
