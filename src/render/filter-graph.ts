// What ffmpeg is told for the fast render (fast-render.ts), as strings: the pictures' timing, the moving pictures
// behind them and their crossfades, the progress bar, and the filtergraph that joins them. Pure: no I/O, no Remotion.
//
// The pictures run on a clock where one frame lasts one second. Whole seconds are exact in every time base ffmpeg
// may give the pictures (an image's default is 1/25 s, which would round 1/30 s boundaries onto the wrong frame),
// so `fps=1` puts each picture on exactly its frames; the graph then re-times frame n to n / fps.
import { coverWindow, motionPath, rectAt, type MotionKind, type Point, type Rect, type Size } from '../../remotion/NewsVideo/media-motion.ts';
import type { PictureRun } from './distinct-frames.ts';

// What renderMedia runs for colorSpace 'bt709' (@remotion/renderer ffmpeg-args.js): limited-range BT.709.
const BT709 = 'zscale=matrix=709:range=limited:primariesin=709:primaries=709:transferin=709:transfer=709';

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

// The pictures behind the cards drawn by ffmpeg instead of the browser: each moves a little every frame, which
// would make every frame a distinct picture for the browser to draw. This draws what Background.tsx draws (the
// picture cover-fitted to the frame on its focus, then the motion's rectangle of media-motion.ts scaled onto the
// frame) for each frame, and crossfades from span to span as visibleSpans does, so the browser only draws the
// transparent pictures that go over it.

/** One span's picture as ffmpeg moves it: the same numbers the browser's cssPlacement gets. */
export interface MovingPicture {
  /** The composition's frame (media-motion.ts works in its pixels) and the render's scale. */
  frame: Size;
  scale: number;
  /** The picture's size in the narration (the file may be this or any size of the same shape) and focus. */
  size: Size;
  focus: Point;
  kind: MotionKind;
  /** The span's visible frames: its motion runs from the first to the last of them. */
  visibleFrames: number;
  /** The frames drawn here: from frame `skipFrames` of the motion (0, or past a segment's cut), `drawnFrames` of them. */
  skipFrames: number;
  drawnFrames: number;
}

/** `a + b·t` for a corner coordinate that moves linearly with the motion's progress t, as an ffmpeg expression. */
function linearInProgress(at: (progress: number) => number, t: string): string {
  const start = at(0);
  return `(${start.toFixed(6)}+${(at(1) - start).toFixed(6)}*${t})`;
}

/**
 * How finely the moving picture is positioned: ffmpeg's zoompan crops on whole pixels of its input (and on even
 * ones of a 4:2:0 picture, for its chroma), so each plane is moved on its own, as a grey picture at least twice
 * its size and 2160 pixels wide, and each crop lands within a quarter of a frame pixel (a whole-pixel crop makes a
 * slow motion shake; at half size, twice the size left SSIM 0.977 against the browser at the worst frame).
 */
const supersampling = (width: number): number => Math.max(2, Math.ceil(2160 / width));

/**
 * A filtergraph fragment from `[input]` (the picture, one frame) to `[output]`: the span's visible frames at the
 * render's size, on the one-second-per-frame clock. The picture is cover-fitted (at `supersampling` times the size),
 * cropped to the frame's window on its focus and put into the video's colour space (`toVideoColour`, a filter
 * chain) once, then repeated; per frame zoompan crops the motion's rectangle of each plane and scales it onto the
 * frame (15 ms a frame at 1080x1920 on this machine's CPU, against 34 ms for the perspective filter, which
 * samples every pixel in C; SSIM 0.995 between the two). Lanczos for the one
 * scaling per picture: nearer the browser's picture than bicubic. The cover's size and the crop are whole
 * pixels, so each corner is written in the cropped picture's pixels: (window offset + rectangle corner) × the
 * rounded cover's scale − the crop. Working in the video's 4:2:0 YUV, as the merge after it does, costs half of
 * doing it in RGB.
 */
export function movingPictureFilter(input: string, output: string, picture: MovingPicture, toVideoColour: string): string {
  const { frame, scale } = picture;
  const window = coverWindow(picture.size, picture.focus, frame);
  const [width, height] = [Math.round(frame.width * scale), Math.round(frame.height * scale)];
  const cover = {
    width: Math.max(width, Math.round(picture.size.width * window.scale * scale)),
    height: Math.max(height, Math.round(picture.size.height * window.scale * scale)),
  };
  // Output pixels per composition pixel of the cover-fitted picture, in each direction.
  const [kx, ky] = [cover.width / (picture.size.width * window.scale), cover.height / (picture.size.height * window.scale)];
  const crop = {
    x: Math.min(cover.width - width, Math.max(0, Math.round(window.left * kx))),
    y: Math.min(cover.height - height, Math.max(0, Math.round(window.top * ky))),
  };
  const path = motionPath(picture.kind, window.focus, frame);
  const frames = Math.max(1, picture.drawnFrames);
  const s = supersampling(width);
  // zoompan's output frame counter `on` is 0 at the first frame drawn.
  const t = `(${picture.skipFrames > 0 ? `(on+${picture.skipFrames})` : 'on'}/${Math.max(1, picture.visibleFrames - 1)})`;
  const x = (edge: (rect: Rect) => number) => linearInProgress((progress) => s * ((window.left + edge(rectAt(path, progress))) * kx - crop.x), t);
  const y = (edge: (rect: Rect) => number) => linearInProgress((progress) => s * ((window.top + edge(rectAt(path, progress))) * ky - crop.y), t);
  const widthAt = linearInProgress((progress) => s * rectAt(path, progress).width * kx, t);
  const [left, top] = [x((rect) => rect.left), y((rect) => rect.top)];
  // The zoom is the frame's width over the rectangle's: zoompan crops the input's size over it, from a corner it
  // truncates to whole pixels (+0.5 rounds it). A chroma plane is half the size, its corner half as far.
  const movePlane = (plane: string, half: boolean) => {
    const corner = (at: string) => (half ? `(${at})/2+0.5` : `${at}+0.5`);
    const size = half ? `${Math.ceil(width / 2)}x${Math.ceil(height / 2)}` : `${width}x${height}`;
    return `[${output}${plane}]zoompan=z='${s * width}/${widthAt}':x='${corner(left)}':y='${corner(top)}':d=1:s=${size}:fps=1[${output}Moved${plane}]`;
  };
  // Each plane is cut out of the picture once and repeated by reference: loop copies nothing, where planes
  // extracted from a repeated picture were copied out of it for every frame (a fifth of the graph's time).
  const repeat = `loop=loop=${frames - 1}:size=1:start=0,settb=1,setpts=N`;
  return [
    [
      `[${input}]format=gbrp,scale=${s * cover.width}:${s * cover.height}:flags=lanczos,crop=${s * width}:${s * height}:${s * crop.x}:${s * crop.y},setsar=1,${toVideoColour},`,
      `extractplanes=y+u+v[${output}StillY][${output}StillU][${output}StillV]`,
    ].join(''),
    `[${output}StillY]${repeat}[${output}Y]`,
    `[${output}StillU]${chromaAsBrowser(s)},${repeat}[${output}U]`,
    `[${output}StillV]${chromaAsBrowser(s)},${repeat}[${output}V]`,
    movePlane('Y', false),
    movePlane('U', true),
    movePlane('V', true),
    `[${output}MovedY][${output}MovedU][${output}MovedV]mergeplanes=0x001020:yuv420p[${output}]`,
  ].join(';');
}

/**
 * The browser's picture reaches a video through an RGB to 4:2:0 conversion that low-passes its colour; zoompan's
 * chroma planes come out sharper. A 3×3 box over the moved chroma brings them to the browser's: the worst frame's
 * SSIM against a plain full render, half size, went from 0.978 to 0.981 with three moving pictures and from 0.9895
 * to 0.9906 with one (the luma is untouched). Blurring commutes with the motion's scaling, so the box is drawn once
 * over the still chroma, `supersampling` times as wide (the nearest odd width below): per frame it was a tenth of
 * the graph's time, and the moved chroma differs from the box after the motion by SSIM 0.9995.
 */
const chromaAsBrowser = (supersampled: number): string => {
  const radius = Math.floor((3 * supersampled - 1) / 2);
  return `avgblur=sizeX=${radius}:sizeY=${radius}`;
};

/** A span's picture as a graph input: its ffmpeg input index, its motion, and where its crossfade starts. */
export interface BackgroundSpan {
  input: number;
  picture: MovingPicture;
  /** The span's first frame and the frames its crossfade over the span before it lasts (0 for the first). */
  first: number;
  fadeFrames: number;
}

/**
 * From the spans' inputs to `[output]`: each picture moving over its visible frames, each crossfaded in over the
 * last by ffmpeg's xfade, which mixes frame k of a fade as (1 − k/D)·old + (k/D)·new, visibleSpans' opacity.
 * xfade (ffmpeg 5.1) works in 4:4:4 and passes on every frame of its inputs, so a chain of xfades converted every
 * frame of the video to 4:4:4 and back, and drew the merge after it in 4:4:4 too: half the graph's time. Here each
 * span is cut into the frames it shares with the span before (its head), its own and those it shares with the span
 * after (its tail); xfade mixes only each tail with the next head, and the pieces are joined in order in 4:2:0
 * (concat's output is on a microsecond clock: put back on the one-second-per-frame clock the pictures are on).
 */
export function movingBackgroundFilter(spans: readonly BackgroundSpan[], output: string, toVideoColour: string): string {
  if (spans.length === 0) throw new RangeError('no background spans');
  const chains = spans.map((span, index) => movingPictureFilter(`${span.input}:v`, `span${index}`, span.picture, toVideoColour));
  if (spans.length === 1) return [...chains, `[span0]null[${output}]`].join(';');
  const order: string[] = [];
  for (const [index, span] of spans.entries()) {
    const next = spans[index + 1];
    // The span's own frames end where the next span begins; its tail, the next one's fade, lies after them. The
    // composition shows the new picture alone on a fade's last frame (visibleSpans), so the tail stops a frame
    // short of the fade, and xfade, its first input over, passes that frame of the new picture on unmixed.
    const own = next === undefined ? span.picture.drawnFrames : next.first - span.first;
    const cuts = [
      { name: 'Head', from: 0, to: span.fadeFrames },
      { name: 'Own', from: span.fadeFrames, to: own },
      { name: 'Tail', from: own, to: own + Math.max(0, (next?.fadeFrames ?? 0) - 1) },
    ].filter((cut) => cut.to > cut.from);
    const label = (cut: { name: string }) => `span${index}${cut.name}`;
    chains.push(`[span${index}]split=${cuts.length}${cuts.map((cut) => `[${label(cut)}In]`).join('')}`);
    for (const cut of cuts) chains.push(`[${label(cut)}In]trim=start_frame=${cut.from}:end_frame=${cut.to},setpts=N[${label(cut)}]`);
    if (span.fadeFrames > 1) {
      chains.push(
        `[span${index - 1}Tail][span${index}Head]xfade=transition=fade:duration=${span.fadeFrames}:offset=0,format=yuv420p,setpts=N[fade${index}]`,
      );
      order.push(`fade${index}`);
    } else if (span.fadeFrames === 1) order.push(`span${index}Head`);
    if (cuts.some((cut) => cut.name === 'Own')) order.push(`span${index}Own`);
  }
  chains.push(`${order.map((piece) => `[${piece}]`).join('')}concat=n=${order.length}:v=1:a=0,settb=1,setpts=N[${output}]`);
  return chains.join(';');
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
  /** The video's frame that the graph's first frame is (0, or a segment's first frame). */
  firstFrame: number;
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
  const frame = bar.firstFrame > 0 ? `(n+${bar.firstFrame})` : 'n';
  return [
    `color=c=${TRACK_COLOR}:s=${size},format=rgba[track]`,
    `[${input}][track]overlay=x=0:y=0:shortest=1[tracked]`,
    `color=c=${color}:s=${size},format=rgba[bar]`,
    `[tracked][bar]overlay=x='round(W*min(1,${frame}/${fullAt}))-W':y=0:shortest=1[${output}]`,
  ].join(';');
}

/** The graph's inputs by ffmpeg input index: the piped pictures and, when ffmpeg moves them, the spans' pictures. */
export interface GraphInputs {
  pictures: number;
  runs: readonly PictureRun[];
  /** Null: the pictures are opaque (the browser drew the background); else they go over these. */
  background: readonly BackgroundSpan[] | null;
}

/**
 * From `source` (the piped pictures, timed and in YUV with alpha) to maskedmerge's inputs: each picture split
 * once into its colour and its alpha as a 4:2:0 mask (a chroma sample's alpha the mean of its 2×2 block, as
 * overlay blends chroma), then both held by `fps=1`. maskedmerge's blend is vectorized: a third of overlay's
 * cost per frame on this CPU, where the blend of every frame is most of the encode.
 */
function transparentPictures(source: string, colour: string, mask: string): string[] {
  return [
    `${source},split[colour][alpha]`,
    `[colour]format=yuv420p,fps=1[${colour}]`,
    '[alpha]alphaextract,split[lumaMask][chromaMask]',
    '[chromaMask]scale=iw/2:ih/2:flags=area,split[uMask][vMask]',
    `[lumaMask][uMask][vMask]mergeplanes=0x001020:yuv420p,fps=1[${mask}]`,
  ];
}

/**
 * The whole filtergraph, to `[video]`: the pictures on their clock, so `fps=1` holds each on exactly its frames,
 * merged over the moving background by their alpha when there is one; then frame n re-timed to n / fps and the
 * bar (a progressBarFilter from `timed` to `video`, or none) laid over each frame. Colour conversion happens once
 * per picture (it costs more than the encoder per frame), the background's pictures included.
 */
export function distinctPicturesGraph(inputs: GraphInputs, fps: number, bar: string | null): string {
  const toVideoColour = `${BT709},format=${inputs.background ? 'yuva420p' : 'yuv420p'}`;
  const pictures = `[${inputs.pictures}:v]settb=1,setpts='${pipedPicturesPts(inputs.runs)}',${toVideoColour}`;
  // fps=${fps} changes no frame; it states the rate, which the MP4 then carries as a plain render's does.
  const timed = `settb=1/${fps},setpts=N,fps=${fps}[timed]`;
  const steps = inputs.background
    ? [
        movingBackgroundFilter(inputs.background, 'background', `${BT709},format=yuv420p`),
        ...transparentPictures(pictures, 'pictures', 'mask'),
        // Alpha blending commutes with RGB -> YUV (an affine map), so each picture is converted once.
        `[background][pictures][mask]maskedmerge,${timed}`,
      ]
    : [`${pictures},fps=1,${timed}`];
  const graph = [...steps, bar ?? '[timed]null[video]'].join(';');
  // Bilinear for the scalers the graph does not name, zoompan's among them: nearer the browser's picture than
  // the default bicubic (SSIM 0.981 against 0.977 at the worst frame of the half-size three-picture test).
  return inputs.background ? `sws_flags=bilinear;${graph}` : graph;
}
