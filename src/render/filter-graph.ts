// What ffmpeg is told for the fast render (fast-render.ts), as strings: the held pictures' timing, the lead
// image's push-in, the progress bar, and the filtergraph that joins them. Pure: no I/O, no Remotion.
//
// The pictures run on a clock where one frame lasts one second. Whole seconds are exact in every time base ffmpeg
// may give the pictures (an image's default is 1/25 s, which would round 1/30 s boundaries onto the wrong frame),
// so `fps=1` puts each picture on exactly its frames; the graph then re-times frame n to n / fps.
import { leadImageTransform } from '../../remotion/NewsVideo/lead-image-motion.ts';
import type { PictureRun } from './distinct-frames.ts';

// What renderMedia runs for colorSpace 'bt709' (@remotion/renderer ffmpeg-args.js): limited-range BT.709.
const BT709 = 'zscale=matrix=709:range=limited:primariesin=709:primaries=709:transferin=709:transfer=709';

/**
 * An ffconcat script that shows `images[i]` for `runs[i]`, on the one-second-per-frame clock. The last picture
 * is listed twice so that its run is held to the end.
 */
export function concatScript(runs: readonly PictureRun[], images: readonly string[]): string {
  if (runs.length === 0 || runs.length !== images.length) throw new RangeError(`${runs.length} runs but ${images.length} images`);
  const quoted = (file: string) => `file '${file.replaceAll("'", "'\\''")}'`;
  const entries = runs.map((run, index) => `${quoted(images[index]!)}\nduration ${run.length}`);
  return ['ffconcat version 1.0', ...entries, quoted(images[images.length - 1]!), ''].join('\n');
}

/**
 * The `setpts` expression that puts picture N of a piped stream of the runs' pictures on the first frame of
 * runs[N], counted from the first run, on the same one-second-per-frame clock; picture runs.length (the last one
 * sent again) lands on the end, so `fps=1` holds the last run to its end. A sum of steps, not nested ifs, and
 * summed as a balanced tree: ffmpeg's parser goes one level deeper for each `+` of a flat sum and refuses a sum of
 * about a hundred terms (ffmpeg 5), while a tree of a long video's thousands of pictures is a dozen levels deep.
 */
export function pipedPicturesPts(runs: readonly PictureRun[]): string {
  if (runs.length === 0) throw new RangeError('no picture runs');
  return balancedSum(runs.map((run, index) => `${run.length}*gte(N,${index + 1})`));
}

function balancedSum(terms: readonly string[]): string {
  if (terms.length === 1) return terms[0]!;
  const half = terms.length >> 1;
  return `(${balancedSum(terms.slice(0, half))}+${balancedSum(terms.slice(half))})`;
}

// The title card's moving background drawn by ffmpeg instead of the browser: while the title is read the lead
// image pushes in a little every frame, which would make every title frame a distinct picture for the browser
// to draw. This draws what Background.tsx draws (the image cover-fitted to the frame, then scaled and shifted
// about its centre by lead-image-motion.ts) for each frame, so the browser only draws the title's few
// transparent pictures that go over it.

export interface LeadImageZoom {
  /** Frame size in pixels (after --scale). */
  width: number;
  height: number;
  /** The lead image's own size. */
  imageWidth: number;
  imageHeight: number;
  /** The title card's frames: zoom goes from 0 at frame 0 towards 1 at this frame (screen.ts `zoom`). */
  titleFrames: number;
}

/** The cover-fitted image's size, rounded so that it overhangs the frame by whole pixels on each side. */
export function coverSize(zoom: Pick<LeadImageZoom, 'width' | 'height' | 'imageWidth' | 'imageHeight'>): { width: number; height: number } {
  const fit = Math.max(zoom.width / zoom.imageWidth, zoom.height / zoom.imageHeight);
  // An odd overhang would centre the frame on a half pixel; one pixel of size is invisible, half a pixel of shift is not.
  const overhang = (fitted: number, frame: number) => frame + 2 * Math.max(0, Math.round((fitted - frame) / 2));
  return { width: overhang(zoom.imageWidth * fit, zoom.width), height: overhang(zoom.imageHeight * fit, zoom.height) };
}

/** `a + b·z` for a quantity that moves linearly with the zoom, as an ffmpeg expression of z (itself an expression). */
function linearInZoom(at: (zoom: number) => number, z: string): string {
  const start = at(0);
  const slope = at(1) - start;
  return `(${start.toFixed(6)}+${slope.toFixed(6)}*${z})`;
}

/**
 * A filtergraph fragment from `[input]` (the lead image, one frame) to `[output]`: the title card's frames of
 * width × height, on the one-second-per-frame clock like the held pictures. The image is cover-fitted and put
 * into the video's colour space (`toVideoColour`, a filter chain) once, then repeated; per frame the perspective
 * filter samples the visible rectangle with subpixel precision (crop and zoompan round it to whole pixels, which
 * makes a slow zoom shake). Working in the video's 4:2:0 YUV, as the overlay after it does, costs half of doing
 * the same in RGB and converting every frame.
 * The rectangle's corners move linearly with the zoom only if the scale's reciprocal does, which it does not, so
 * each corner is written as centre ± half-size / s(z) − t(z) with s and t linear in z (lead-image-motion.ts).
 */
export function leadImageZoomFilter(input: string, output: string, zoom: LeadImageZoom, toVideoColour: string): string {
  const { width, height } = zoom;
  const cover = coverSize(zoom);
  const frames = Math.max(1, zoom.titleFrames);
  const z = `(in/${frames})`;
  const scale = linearInZoom((at) => leadImageTransform(at).scale, z);
  const shiftX = linearInZoom((at) => (leadImageTransform(at).translateXPercent / 100) * width, z);
  const shiftY = linearInZoom((at) => (leadImageTransform(at).translateYPercent / 100) * height, z);
  const left = `${width / 2}-${width / 2}/${scale}-${shiftX}`;
  const right = `${width / 2}+${width / 2}/${scale}-${shiftX}`;
  const top = `${height / 2}-${height / 2}/${scale}-${shiftY}`;
  const bottom = `${height / 2}+${height / 2}/${scale}-${shiftY}`;
  const corners = `x0='${left}':y0='${top}':x1='${right}':y1='${top}':x2='${left}':y2='${bottom}':x3='${right}':y3='${bottom}'`;
  return [
    `[${input}]format=gbrp,scale=${cover.width}:${cover.height}:flags=bicubic,crop=${width}:${height}:${(cover.width - width) / 2}:${(cover.height - height) / 2},setsar=1,${toVideoColour},`,
    `loop=loop=${frames - 1}:size=1:start=0,settb=1,setpts=N,`,
    // Linear: as close to the browser's picture as cubic (SSIM 0.997 either way) at less than half the time.
    `perspective=${corners}:sense=source:interpolation=linear:eval=frame[${output}]`,
  ].join('');
}

// The progress bar drawn by ffmpeg instead of the browser: the bar is the only part of the picture that changes
// every frame, so leaving it to the composition would make every frame distinct. This draws what
// remotion/NewsVideo/ProgressBar.tsx draws (a translucent white track, the accent colour across
// progress × width, 10 px tall at scale 1) with the same progress, frame / closing card's first frame.

export interface ProgressBarGeometry {
  /** Frame size in pixels (after --scale). */
  width: number;
  scale: number;
  /** The closing card's first frame: the bar is full from there on (screen.ts `progress`). */
  fullAtFrame: number;
  /** The composition's accentColor. */
  color: string;
}

/** ProgressBar.tsx's height and track, in CSS pixels and ffmpeg's colour syntax. */
const BAR_CSS_HEIGHT = 10;
const TRACK_COLOR = 'white@0.22';

/** `#rgb`, `#rrggbb` or `#rrggbbaa` as ffmpeg's `0xRRGGBB@alpha`; null for any other CSS colour. */
export function ffmpegColor(css: string): string | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(css.trim())?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const alpha = full.length === 8 ? Number.parseInt(full.slice(6), 16) / 255 : 1;
  return `0x${full.slice(0, 6).toUpperCase()}@${alpha.toFixed(3)}`;
}

/**
 * A filtergraph fragment from `[input]` to `[output]`: the track, then a bar of the accent colour slid in from
 * the left so that round(width × progress) pixels show, as the browser rounds the bar's edge to a pixel. Both are
 * RGBA layers laid over the picture (drawbox's blending in YUV turned the track grey). Null when the colour is
 * not one ffmpeg reads the same way (then the composition must draw its own bar).
 */
export function progressBarFilter(input: string, output: string, bar: ProgressBarGeometry): string | null {
  const color = ffmpegColor(bar.color);
  if (color === null) return null;
  const size = `${bar.width}x${Math.max(1, Math.round(BAR_CSS_HEIGHT * bar.scale))}`;
  const fullAt = Math.max(1, bar.fullAtFrame);
  return [
    `color=c=${TRACK_COLOR}:s=${size},format=rgba[track]`,
    `[${input}][track]overlay=x=0:y=0:shortest=1[tracked]`,
    `color=c=${color}:s=${size},format=rgba[bar]`,
    `[tracked][bar]overlay=x='round(W*min(1,n/${fullAt}))-W':y=0:shortest=1[${output}]`,
  ].join(';');
}

/** The graph's inputs by ffmpeg input index: the piped held pictures, and the opening's title pictures and image. */
export interface GraphInputs {
  held: number;
  heldRuns: readonly PictureRun[];
  opening: { pictures: number; image: number; zoom: LeadImageZoom } | null;
}

/**
 * The whole filtergraph, to `[video]`: the held pictures on their clock, so `fps=1` holds each on exactly its
 * frames; the opening's moving image under its title pictures; then frame n re-timed to n / fps and the bar
 * (a progressBarFilter from `timed` to `video`, or none) laid over each frame. Colour conversion happens once per
 * picture (it costs more than the encoder per frame), the opening's image included.
 */
export function distinctPicturesGraph(inputs: GraphInputs, fps: number, bar: string | null): string {
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
