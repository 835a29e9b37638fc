// The title card's moving background drawn by ffmpeg instead of the browser: while the title is read the lead
// image pushes in a little every frame, which would make every title frame a distinct picture for the browser
// to draw. This builds the filter that draws what Background.tsx draws (the image cover-fitted to the frame, then
// scaled and shifted about its centre by lead-image-motion.ts) for each frame, so the browser only draws the
// title's few transparent pictures that go over it. Pure.
import { leadImageTransform } from '../../remotion/NewsVideo/lead-image-motion.ts';

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
 * width × height, on a clock of one second per frame like the held pictures (distinct-frames.ts). The image is
 * cover-fitted and put into the video's colour space (`toVideoColour`, a filter chain) once, then repeated; per
 * frame the perspective filter samples the visible rectangle with subpixel precision (crop and zoompan round it
 * to whole pixels, which makes a slow zoom shake). Working in the video's 4:2:0 YUV, as the overlay after it does,
 * costs half of doing the same in RGB and converting every frame.
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
