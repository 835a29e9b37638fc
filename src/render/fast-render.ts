// The default render: each distinct picture of the video drawn once by the browser, then held by ffmpeg for its
// exact run of frames, with the progress bar drawn by ffmpeg and the result encoded as H.264 in the same colour
// space as a plain Remotion render. A news video shows ~3 pictures a second against 30 frames, so the browser,
// the slow part, does a fraction of the work; distinct-frames.ts says which frames. The pictures are piped to
// ffmpeg as the browser makes them, so the encoder works on one core while the browser draws on the other.
// The one motion that lasts, the lead image's push-in behind the title, is drawn by ffmpeg too: the browser
// draws the title card's pictures transparent over no image (PNG), and ffmpeg lays them over the moving image.
// This file runs the steps; each has its module: the plan, the pictures, their pipe, the graph, the encode.
import { imageSize } from 'image-size';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { sectionImage, type Narration } from '../contract/narration.ts';
import { titleCardEndFrame, type ScreenLayout } from '../../remotion/NewsVideo/screen.ts';
import { planDistinctRender, type LeadImageFile } from './distinct-plan.ts';
import { encodePictures } from './encode-pictures.ts';
import { concatScript } from './filter-graph.ts';
import { PicturePipe } from './picture-pipe.ts';
import { renderHeldPictures, renderOpeningPictures, type PictureSettings, type RemotionContext } from './remotion-pictures.ts';

export interface DistinctRenderJob extends PictureSettings {
  narration: Narration;
  /** The narration's folder: its lead image is read from it and the pictures are made in a scratch folder in it. */
  folder: string;
  layout: ScreenLayout;
  /** The accent colour of the bar ffmpeg draws; null when the composition draws its own (or none). */
  progressBarColor: string | null;
  x264Preset: string;
  output: string;
  signal?: AbortSignal;
  onProgress?: (stage: 'pictures' | 'encode', done: number, total: number) => void;
  /** One line per stage with its time (--verbose). */
  log?: (line: string) => void;
}

/**
 * The lead image when ffmpeg can draw it as the browser does: a JPEG or PNG (ffmpeg reads both the same way)
 * with no EXIF rotation (browsers apply it, ffmpeg does not). Null leaves the zoom to the browser.
 */
async function leadImageForFfmpeg(folder: string, narration: Narration): Promise<LeadImageFile | null> {
  const lead = sectionImage(narration, 0);
  if (!lead || (lead.type !== 'jpeg' && lead.type !== 'png')) return null;
  const file = path.join(folder, lead.file);
  const size = imageSize(await readFile(file));
  return (size.orientation ?? 1) === 1 ? { file, width: size.width, height: size.height } : null;
}

/** The silent MP4 of `job.composition` at `job.output`, by distinct pictures. */
export async function renderDistinctPictures(remotion: RemotionContext, job: DistinctRenderJob): Promise<void> {
  const { fps, width, height, durationInFrames } = job.composition;
  const { narration, scale, layout, progressBarColor } = job;
  // A still picture (motion off) is the browser's to draw: it is the same in every picture of a run.
  const leadImage = titleCardEndFrame(narration, fps) === null || !layout.motion ? null : await leadImageForFfmpeg(job.folder, narration);
  const plan = planDistinctRender({ narration, fps, width, height, durationInFrames, scale, layout, leadImage, progressBarColor });
  const pictures = await mkdtemp(path.join(job.folder, '.pictures-'));
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  let picturesDone = false;
  try {
    const onRendered = (offset: number) => (rendered: number) => job.onProgress?.('pictures', offset + rendered, plan.runs.length);
    let openingScript: string | null = null;
    if (plan.opening) {
      const folder = path.join(pictures, 'opening');
      const images = await renderOpeningPictures(remotion, job, plan.opening.runs, folder, onRendered(0));
      openingScript = path.join(folder, 'pictures.ffconcat');
      await writeFile(openingScript, concatScript(plan.opening.runs, images));
    }
    const heldPictures = new PassThrough();
    const stopEncoder = new AbortController();
    // The encoder is killed when the job is cancelled or when the pictures fail.
    const killEncoder = AbortSignal.any([stopEncoder.signal, ...(job.signal ? [job.signal] : [])]);
    const encoded = encodePictures({
      plan,
      fps,
      frames: durationInFrames,
      heldPictures,
      openingScript,
      graphFile: path.join(pictures, 'graph.txt'),
      x264Preset: job.x264Preset,
      output: job.output,
      signal: killEncoder,
      onProgress: (frames) => {
        if (picturesDone) job.onProgress?.('encode', frames, durationInFrames);
      },
    });
    // A failed encoder breaks the pipe, so the browser stops instead of filling it; failed pictures stop the encoder.
    encoded.catch((error: unknown) => heldPictures.destroy(error instanceof Error ? error : new Error(String(error))));
    try {
      const pipe = new PicturePipe(heldPictures, plan.heldRuns.length);
      await renderHeldPictures(
        remotion,
        job,
        plan.heldRuns,
        (index, picture) => pipe.add(index, picture),
        onRendered(plan.opening?.runs.length ?? 0),
      );
      await pipe.end();
    } catch (error) {
      stopEncoder.abort();
      await encoded.catch(() => undefined);
      throw error;
    }
    picturesDone = true;
    job.log?.(`${plan.runs.length} distinct pictures for ${durationInFrames} frames, rendered in ${seconds()} s`);
    await encoded;
    job.log?.(`held and encoded by ffmpeg at ${seconds()} s`);
  } finally {
    await rm(pictures, { recursive: true, force: true });
  }
}
