// The fast render's pictures, drawn by Remotion in the shared browser: only the first frame of each run
// (distinct-frames.ts), handed over as buffers (JPEGs, or transparent PNGs over pictures ffmpeg moves).
import { renderFrames, type CancelSignal, type ChromeMode, type LogLevel } from '@remotion/renderer';
import type { PictureRun } from './distinct-frames.ts';

type Browser = NonNullable<Parameters<typeof renderFrames>[0]['puppeteerInstance']>;
type Composition = Parameters<typeof renderFrames>[0]['composition'];

/** What the renderer shares with every Remotion call: bundle, browser, log level. */
export interface RemotionContext {
  serveUrl: string;
  puppeteerInstance: Browser;
  browserExecutable: string | null;
  chromeMode: ChromeMode;
  logLevel: LogLevel;
}

/** A selected composition and the input props it was selected with. */
export interface PropsOfComposition {
  composition: Composition;
  inputProps: Record<string, unknown>;
}

/**
 * The same composition with `patch` over its props. Remotion hands the page the input props and the composition
 * its own resolved copy, so a prop changed in one but not the other draws with the old value.
 */
export function withProps<T extends PropsOfComposition>(selected: T, patch: Record<string, unknown>): T {
  return {
    ...selected,
    composition: { ...selected.composition, props: { ...selected.composition.props, ...patch } },
    inputProps: { ...selected.inputProps, ...patch },
  };
}

/** How the pictures are drawn, the same for both renders. */
export interface PictureSettings extends PropsOfComposition {
  scale: number;
  concurrency: number | null;
  cancelSignal: CancelSignal;
}

/** JPEG quality of the held pictures: each is seen for many frames, so it is kept above renderMedia's default 80. */
const PICTURE_JPEG_QUALITY = 90;

/** What both picture renders give renderFrames: the shared browser, which frames, and how. */
function remotionFrames(remotion: RemotionContext, settings: PictureSettings, runs: readonly PictureRun[], onRendered: (rendered: number) => void) {
  return {
    ...remotion,
    composition: settings.composition,
    inputProps: settings.inputProps,
    frames: runs.map((run) => run.first),
    scale: settings.scale,
    concurrency: settings.concurrency,
    muted: true,
    cancelSignal: settings.cancelSignal,
    onStart: () => undefined,
    onFrameUpdate: onRendered,
  };
}

/**
 * The runs' pictures, each handed to `onPicture` with its run's index as the browser makes it (in any order):
 * JPEGs, or with `overMovingMedia` transparent PNGs with the pictures behind the cards left out for ffmpeg to move.
 */
export async function renderPictures(
  remotion: RemotionContext,
  settings: PictureSettings,
  runs: readonly PictureRun[],
  overMovingMedia: boolean,
  onPicture: (index: number, picture: Buffer) => Promise<void>,
  onRendered: (rendered: number) => void,
): Promise<void> {
  const runIndex = new Map(runs.map((run, index) => [run.first, index]));
  await renderFrames({
    ...remotionFrames(remotion, overMovingMedia ? withProps(settings, { drawMedia: false }) : settings, runs, onRendered),
    outputDir: null,
    ...(overMovingMedia ? { imageFormat: 'png' as const } : { imageFormat: 'jpeg' as const, jpegQuality: PICTURE_JPEG_QUALITY }),
    onFrameBuffer: (picture, frame) => onPicture(runIndex.get(frame)!, picture),
  });
}
