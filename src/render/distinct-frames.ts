// A news video changes its picture only at word, page and card boundaries (and during the title card's zoom and
// the short fades), about 3 times a second against 30 frames. This groups the frames into runs that show the
// same picture, so the fast renderer draws each picture once and ffmpeg holds it for its run. Pure.
import type { Narration } from '../contract/narration.ts';
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
  const zoomVisible = zoomInPictures && narration.article?.leadImage !== undefined && narration.article.leadImage !== null;
  return runsOfEqualKeys(videoFrames(narration, fps, layout), (frame) => pictureKey(screenAt(frame, fps, narration, layout), zoomVisible));
}

/**
 * An ffconcat script that shows `images[i]` for `runs[i]`, on a clock where one frame lasts one second. Whole
 * seconds are exact in every time base ffmpeg may give the pictures (an image's default is 1/25 s, which would
 * round 1/30 s boundaries onto the wrong frame), so `fps=1` puts each picture on exactly its frames; the encoder
 * then re-times frame n to n / fps. The last picture is listed twice so that its run is held to the end.
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
 * sent again) lands on the end, so `fps=1` holds the last run to its end. A flat sum of steps, not nested ifs, so
 * a long video's thousands of pictures stay within what ffmpeg's expression parser takes.
 */
export function pipedPicturesPts(runs: readonly PictureRun[]): string {
  if (runs.length === 0) throw new RangeError('no picture runs');
  return ['0', ...runs.map((run, index) => `${run.length}*gte(N,${index + 1})`)].join('+');
}
