// The fast render's pictures, drawn by Remotion in the shared browser: only the first frame of each run
// (distinct-frames.ts), either as files (the title card's few transparent PNGs) or handed over as JPEG buffers.
import { renderFrames, type CancelSignal, type ChromeMode, type LogLevel } from '@remotion/renderer';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
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
 * The title card's pictures as transparent PNGs in `folder` (the lead image left out for ffmpeg to move under
 * them), one per run, in run order. They are few and come first, so they are files.
 */
export async function renderOpeningPictures(
  remotion: RemotionContext,
  settings: PictureSettings,
  runs: readonly PictureRun[],
  folder: string,
  onRendered: (rendered: number) => void,
): Promise<string[]> {
  await mkdir(folder);
  await renderFrames({
    ...remotionFrames(remotion, withProps(settings, { drawLeadImage: false }), runs, onRendered),
    outputDir: folder,
    imageSequencePattern: '[frame].[ext]',
    imageFormat: 'png',
  });
  // Zero-padded frame numbers: name order is frame order, the order of the runs.
  const images = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort();
  if (images.length !== runs.length) throw new Error(`Remotion wrote ${images.length} pictures for ${runs.length} runs`);
  return images.map((name) => path.join(folder, name));
}

/** The runs' pictures as JPEGs, each handed to `onPicture` with its run's index as the browser makes it (in any order). */
export async function renderHeldPictures(
  remotion: RemotionContext,
  settings: PictureSettings,
  runs: readonly PictureRun[],
  onPicture: (index: number, picture: Buffer) => Promise<void>,
  onRendered: (rendered: number) => void,
): Promise<void> {
  const runIndex = new Map(runs.map((run, index) => [run.first, index]));
  await renderFrames({
    ...remotionFrames(remotion, settings, runs, onRendered),
    outputDir: null,
    imageFormat: 'jpeg',
    jpegQuality: PICTURE_JPEG_QUALITY,
    onFrameBuffer: (picture, frame) => onPicture(runIndex.get(frame)!, picture),
  });
}
