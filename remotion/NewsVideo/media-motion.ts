// The pictures behind the cards, as one definition for their two painters: the browser (Background.tsx, CSS
// transforms) and the fast renderer, where ffmpeg moves the same pictures under the browser's transparent
// pictures (src/render/filter-graph.ts). Which picture shows when (spans of sections, a crossfade between them),
// where the frame sits on it (cover-fitted, centred on its focus point in every format) and how it moves (a slow
// push-in or pan toward the focus, alternating from picture to picture). Pure: no React, no remotion, no I/O.
//
// Every quantity the motion changes is linear in the frame, so ffmpeg's per-frame expressions are exact copies of
// the browser's: a rectangle of the frame's aspect moves from a start to an end rectangle, and the frame shows it.
import type { Narration } from '../../src/contract/narration.ts';
import { firstFrameAt } from './screen.ts';

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export type MotionKind = 'push-in' | 'pan';

/** Seconds a picture takes to fade in over the one before it. */
export const CROSSFADE_SECONDS = 0.5;
/** How far a push-in goes in, and how far in a pan stays (the room it moves in). */
const PUSH_IN_ZOOM = 1.15;
const PAN_ZOOM = 1.12;

/**
 * Consecutive sections with the same picture (media index, or null for the brand background) as one span:
 * frames [first, first + frames) belong to it, and it fades in over `fadeFrames` from `first` (0 for the first).
 * `visibleFrames` adds the frames it stays under the next span's crossfade: its motion runs across all of them.
 */
export interface MediaSpan {
  media: number | null;
  first: number;
  frames: number;
  fadeFrames: number;
  visibleFrames: number;
  kind: MotionKind;
}

/** The spans of a video of `totalFrames` frames: the first starts at frame 0 and the last runs to the end (closing card included). */
export function mediaSpans(narration: Pick<Narration, 'sections'>, fps: number, totalFrames: number): MediaSpan[] {
  const starts: { media: number | null; first: number }[] = [];
  for (const section of narration.sections) {
    const first = starts.length === 0 ? 0 : Math.min(firstFrameAt(section.startMs, fps), totalFrames);
    const last = starts.at(-1);
    if (last && (last.media === section.media || first <= last.first)) continue;
    starts.push({ media: section.media, first });
  }
  if (starts.length === 0) starts.push({ media: null, first: 0 });
  const crossfade = Math.max(1, Math.round(CROSSFADE_SECONDS * fps));
  const spans = starts.map(({ media, first }, index) => {
    const frames = (starts[index + 1]?.first ?? totalFrames) - first;
    return { media, first, frames, fadeFrames: index === 0 ? 0 : Math.min(crossfade, frames), visibleFrames: frames, kind: kindOf(index) };
  });
  for (const [index, span] of spans.entries()) span.visibleFrames = span.frames + (spans[index + 1]?.fadeFrames ?? 0);
  return spans;
}

/** Push-in, pan, push-in…: two pictures in a row never move alike. */
const kindOf = (index: number): MotionKind => (index % 2 === 0 ? 'push-in' : 'pan');

/** A span on screen at a frame: how far its motion has gone (0..1) and how opaque it is over what lies under it. */
export interface VisibleSpan {
  span: number;
  progress: number;
  opacity: number;
}

/**
 * The spans on screen at `frame`, bottom first: the current one, under it the one it is fading in over (at most
 * two, as a fade is never longer than its span). `motion` off holds every picture at its start.
 */
export function visibleSpans(spans: readonly MediaSpan[], frame: number, motion: boolean): VisibleSpan[] {
  let current = spans.length - 1;
  while (current > 0 && spans[current]!.first > frame) current--;
  const at = (index: number): VisibleSpan => {
    const span = spans[index]!;
    const local = frame - span.first;
    const progress = motion ? clamp01(local / Math.max(1, span.visibleFrames - 1)) : 0;
    // As ffmpeg's xfade mixes: frame k of a fade of D is k/D of the new picture, except that its last frame,
    // k = D - 1, is already the new picture alone (the fast render's graph ends the old picture a frame early).
    const opacity = span.fadeFrames === 0 || local >= span.fadeFrames - 1 ? 1 : clamp01(local / span.fadeFrames);
    return { span: index, progress, opacity };
  };
  const top = at(current);
  return top.opacity < 1 && current > 0 ? [at(current - 1), top] : [top];
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/**
 * The picture cover-fitted to the frame (`scale` times its own size) and the frame's window on it, as far
 * toward the focus point as the picture reaches: a vertical crop of a wide photo keeps the focus in view.
 */
export interface CoverWindow {
  scale: number;
  /** The window's top-left corner in the cover-fitted picture. */
  left: number;
  top: number;
  /** The focus point in the window's (the frame's) coordinates. */
  focus: Point;
}

export function coverWindow(image: Size, focus: Point, frame: Size): CoverWindow {
  const scale = Math.max(frame.width / image.width, frame.height / image.height);
  const [width, height] = [image.width * scale, image.height * scale];
  const left = clamp(focus.x * width - frame.width / 2, 0, width - frame.width);
  const top = clamp(focus.y * height - frame.height / 2, 0, height - frame.height);
  return { scale, left, top, focus: { x: focus.x * width - left, y: focus.y * height - top } };
}

/** A rectangle of `size` centred on `centre` as nearly as the frame allows. */
function rectAround(centre: Point, size: Size, frame: Size): Rect {
  return {
    left: clamp(centre.x - size.width / 2, 0, frame.width - size.width),
    top: clamp(centre.y - size.height / 2, 0, frame.height - size.height),
    ...size,
  };
}

/** Where the motion starts and ends, in the window's coordinates: the frame shows the rectangle between them. */
export function motionPath(kind: MotionKind, focus: Point, frame: Size): { from: Rect; to: Rect } {
  const whole = { left: 0, top: 0, ...frame };
  if (kind === 'push-in') {
    return { from: whole, to: rectAround(focus, { width: frame.width / PUSH_IN_ZOOM, height: frame.height / PUSH_IN_ZOOM }, frame) };
  }
  const size = { width: frame.width / PAN_ZOOM, height: frame.height / PAN_ZOOM };
  const to = rectAround(focus, size, frame);
  // From the side opposite the focus; a centred focus leaves no side, so the pan crosses the frame left to right.
  const mirrored = rectAround({ x: frame.width - focus.x, y: frame.height - focus.y }, size, frame);
  const still = Math.abs(mirrored.left - to.left) + Math.abs(mirrored.top - to.top) < 0.02 * frame.width;
  return still ? { from: { ...to, left: 0 }, to: { ...to, left: frame.width - size.width } } : { from: mirrored, to };
}

export function rectAt({ from, to }: { from: Rect; to: Rect }, progress: number): Rect {
  const lerp = (a: number, b: number) => a + (b - a) * progress;
  return { left: lerp(from.left, to.left), top: lerp(from.top, to.top), width: lerp(from.width, to.width), height: lerp(from.height, to.height) };
}

/**
 * How the browser draws a span's picture at `progress`: the picture placed at `image` (its cover-fitted box
 * relative to the frame, the window's offset taken off), then the frame's contents scaled about the top-left
 * corner by `transform`, so that the motion's rectangle fills the frame.
 */
export function cssPlacement(image: Size, focus: Point, kind: MotionKind, frame: Size, progress: number): { image: Rect; transform: string } {
  const window = coverWindow(image, focus, frame);
  const rect = rectAt(motionPath(kind, window.focus, frame), progress);
  return {
    image: { left: -window.left, top: -window.top, width: image.width * window.scale, height: image.height * window.scale },
    transform: `scale(${frame.width / rect.width}) translate(${-rect.left}px, ${-rect.top}px)`,
  };
}

/** "Foto: <credit>" for a picture whose credit is known; null shows nothing. */
export function creditLine(credit: string | null): string | null {
  const name = credit?.trim();
  return name ? `Foto: ${name.replace(/^(foto|photo|imagen|image)\s*:\s*/i, '')}` : null;
}

/** The picture a span shows, by its size and focus: a media image, or the brand background (the frame's size, centred). */
export function spanPicture(narration: Pick<Narration, 'media'>, span: Pick<MediaSpan, 'media'>, frame: Size): { size: Size; focus: Point } {
  const image = span.media === null ? undefined : narration.media[span.media];
  return image ? { size: { width: image.width, height: image.height }, focus: image.focus } : { size: frame, focus: { x: 0.5, y: 0.5 } };
}

/** The span whose credit is on screen: the incoming picture's from the middle of its crossfade on. */
export function creditedSpan(visible: readonly VisibleSpan[]): number {
  const top = visible.at(-1)!;
  return top.opacity >= 0.5 || visible.length === 1 ? top.span : visible[0]!.span;
}
