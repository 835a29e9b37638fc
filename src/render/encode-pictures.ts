// The fast render's encode: ffmpeg holds the pictures for their runs (filter-graph.ts), moves the sections'
// pictures under them, draws the progress bar and encodes H.264 in the colour space of a plain Remotion render.
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
  /** The pictures, piped as the browser makes them: PNGs over a moving background, else JPEGs. */
  pictures: Readable;
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
  // Input order: the background spans' pictures (one input each), then the piped pictures.
  const spans = plan.background ?? [];
  const background =
    plan.background && spans.map((span, input) => ({ input, picture: span.picture, first: span.first, fadeFrames: span.fadeFrames }));
  const bar = plan.bar && progressBarFilter('timed', 'video', plan.bar);
  await writeFile(encode.graphFile, distinctPicturesGraph({ pictures: spans.length, runs: plan.runs, background }, encode.fps, bar));
  const codec = plan.background ? 'png' : 'mjpeg';
  await runFfmpeg({
    inputs: [
      ...spans.map((span) => ({ source: span.file })),
      // Chromium writes an opaque picture (the closing card) as RGB and the others as RGBA; a change of format
      // mid-stream would rebuild the graph, which restarts the moving pictures and stalls: the graph is kept.
      { source: encode.pictures, options: ['-f', 'image2pipe', '-c:v', codec, '-framerate', '1', '-reinit_filter', '0'] },
    ],
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

/**
 * The segments' MP4s (same size, rate and encoder settings) joined in order into `output` by ffmpeg's concat
 * demuxer, without re-encoding: each segment starts on a keyframe, and its frames keep their times after the last.
 */
export async function joinSegments(segments: readonly string[], listFile: string, output: string, signal?: AbortSignal): Promise<void> {
  // The list's own quoting: a quote in a path is closed, escaped and reopened.
  await writeFile(listFile, segments.map((file) => `file '${file.replaceAll("'", "'\\''")}'\n`).join(''));
  await runFfmpeg({
    inputs: [{ source: listFile, options: ['-f', 'concat', '-safe', '0'] }],
    outputOptions: ['-map', '0:v', '-c', 'copy'],
    format: 'mp4',
    output,
    task: 'join the video segments',
    fix: 'Check that FFMPEG_PATH names a working ffmpeg, or unset it',
    ...(signal ? { signal } : {}),
  });
}
