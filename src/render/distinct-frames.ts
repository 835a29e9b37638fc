// A news video changes its picture only at word, page and card boundaries (and during the title card's zoom and
// the short fades), about 3 times a second against 30 frames. This groups the frames into runs that show the
// same picture, so the fast renderer draws each picture once and ffmpeg holds it for its run. Pure.
import { sectionImage, type Narration } from '../contract/narration.ts';
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
 * Equal keys, equal picture once the progress bar is left out (ffmpeg draws it): the screen state and the fade,
 * and the zoom only when there is a lead image for it to move (the gradient behind an imageless video is still).
 */
export function pictureKey(screen: Screen, zoomVisible: boolean): string {
  const zoom = zoomVisible ? `/${screen.motion.zoom}` : '';
  return `${screenKey(screen.state)}/${screen.motion.fade}${zoom}`;
}

/**
 * The runs of one NewsVideo: the narration at `fps` with the props' layout. `zoomInPictures` is false when the
 * lead image's zoom is drawn under the pictures (by ffmpeg), so the title card changes only with its lit word.
 */
export function pictureRuns(narration: Narration, fps: number, layout: ScreenLayout, zoomInPictures = true): PictureRun[] {
  const zoomVisible = zoomInPictures && sectionImage(narration, 0) !== null;
  return runsOfEqualKeys(videoFrames(narration, fps, layout), (frame) => pictureKey(screenAt(frame, fps, narration, layout), zoomVisible));
}
