// What a frame of the video should show of a picture, made from the source file by media-motion.ts's own
// definition (the cover window on the focus point, the motion's rectangle at the frame's progress), so that a
// rendered frame can be judged against it by its pixels.
import sharp from 'sharp';
import { coverWindow, motionPath, rectAt, type MotionKind, type Point, type Rect, type Size } from '../../remotion/NewsVideo/media-motion.ts';

/** One picture as a span moves it: its size and focus in the narration, the span's motion and how far it has gone. */
export interface FramedPicture {
  size: Size;
  focus: Point;
  kind: MotionKind;
  progress: number;
}

/** The part of the picture, in its own pixels, that fills the composition's `frame` at that point of the motion. */
export function sourceWindow(picture: FramedPicture, frame: Size): Rect {
  const window = coverWindow(picture.size, picture.focus, frame);
  const rect = rectAt(motionPath(picture.kind, window.focus, frame), picture.progress);
  return {
    left: (window.left + rect.left) / window.scale,
    top: (window.top + rect.top) / window.scale,
    width: rect.width / window.scale,
    height: rect.height / window.scale,
  };
}

/**
 * The picture (an image file's bytes) as the video's frame shows it under the cards and the veil: its source window
 * scaled to `output` (the rendered frame's pixels), then the `band` of it, as a PNG. The window is rounded to whole
 * source pixels, under a pixel of the frame for any photo larger than the frame.
 */
export async function framedPictureBand(image: Buffer, picture: FramedPicture, frame: Size, output: Size, band: Rect): Promise<Buffer> {
  const window = sourceWindow(picture, frame);
  const left = Math.round(window.left);
  const top = Math.round(window.top);
  const extract = {
    left,
    top,
    width: Math.min(Math.round(window.width), picture.size.width - left),
    height: Math.min(Math.round(window.height), picture.size.height - top),
  };
  const framed = await sharp(image).extract(extract).resize(output.width, output.height, { fit: 'fill', kernel: 'lanczos3' }).toBuffer();
  return sharp(framed).extract(band).png().toBuffer();
}
