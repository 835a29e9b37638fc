// A news video changes its picture only at word, page and card boundaries (and during the short fades and the
// pictures' motion and crossfades), about 3 times a second against 30 frames. This groups the frames into runs
// that show the same picture, so the fast renderer draws each picture once and ffmpeg holds it for its run. Pure.
import type { Narration } from '../contract/narration.ts';
import { creditedSpan, mediaSpans, visibleSpans, type VisibleSpan } from '../../remotion/NewsVideo/media-motion.ts';
import { screenAt, screenKey, videoFrames, type Screen, type ScreenLayout } from '../../remotion/NewsVideo/screen.ts';

/** Frames [first, first + length) show the picture of frame `first`. */
export interface PictureRun {
  first: number;
  length: number;
}

/** Consecutive frames with equal keys, as runs that cover [0, frames) in order. */
export function runsOfEqualKeys(frames: number, keyAt: (frame: number) => string): PictureRun[] {
  const runs: PictureRun[] = [];
  let previous: string | undefined;
  for (let frame = 0; frame < frames; frame++) {
    const key = keyAt(frame);
    if (runs.length > 0 && key === previous) runs[runs.length - 1]!.length++;
    else runs.push({ first: frame, length: 1 });
    previous = key;
  }
  return runs;
}

/**
 * Equal keys, equal picture once the progress bar is left out (ffmpeg draws it): the screen state, the fade and
 * the credit on screen, and the pictures' motion and crossfade too when the browser draws them (`mediaInPictures`).
 */
export function pictureKey(screen: Screen, visible: readonly VisibleSpan[], mediaInPictures: boolean): string {
  const media = mediaInPictures ? visible.map(({ span, progress, opacity }) => `${span}:${progress}:${opacity}`).join('+') : creditedSpan(visible);
  return `${screenKey(screen.state)}/${screen.motion.fade}/${media}`;
}

/**
 * The runs of one NewsVideo: the narration at `fps` with the props' layout. `mediaInPictures` is false when the
 * pictures' motion is drawn under the pictures (by ffmpeg), so the pictures change only with their text and credit.
 */
export function pictureRuns(narration: Narration, fps: number, layout: ScreenLayout, mediaInPictures = true): PictureRun[] {
  const frames = videoFrames(narration, fps, layout);
  const spans = mediaSpans(narration, fps, frames);
  return runsOfEqualKeys(frames, (frame) =>
    pictureKey(screenAt(frame, fps, narration, layout), visibleSpans(spans, frame, layout.motion), mediaInPictures),
  );
}
