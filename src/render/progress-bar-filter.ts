// The progress bar drawn by ffmpeg instead of the browser: the bar is the only part of the picture that changes
// every frame, so leaving it to the composition would make every frame distinct. This draws what
// remotion/NewsVideo/ProgressBar.tsx draws (a translucent white track, the accent colour across
// progress × width, 10 px tall at scale 1) with the same progress, frame / closing card's first frame. Pure.

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
