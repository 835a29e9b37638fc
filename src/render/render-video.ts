// Narration folder -> MP4 (H.264 yuv420p + AAC) per format and a thumbnail of the title card. Remotion renders
// the pictures (one bundle and one browser for every format and every job); ffmpeg adds the narration. By default
// only the distinct pictures are rendered (fast-render.ts); 'full' renders every frame, for comparison.
import { makeCancelSignal, openBrowser, renderMedia, renderStill, selectComposition, type LogLevel } from '@remotion/renderer';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Narration } from '../contract/narration.ts';
import type { Fps, VideoFormat } from '../contract/video.ts';
import { NEWS_VIDEO_DEFAULTS, screenLayoutOf, type NewsVideoProps } from '../../remotion/NewsVideo/schema.ts';
import { thumbnailFrame } from '../../remotion/NewsVideo/screen.ts';
import { mixMusicBed, type MusicFile } from '../audio/music-bed.ts';
import { muxNarrationAudio } from '../audio/mux.ts';
import { UserError } from '../errors.ts';
import { keepServersOnLoopback } from '../system/loopback-only.ts';
import type { LoudnessTarget } from '../platform/loudness.ts';
import type { MusicBedLevels } from '../platform/music-bed.ts';
import { findBrowser, type BrowserChoice } from './browser.ts';
import { cachedBundle } from './bundle.ts';
import { renderDistinctPictures } from './fast-render.ts';
import { ffmpegColor } from './filter-graph.ts';
import { withProps } from './remotion-pictures.ts';
import { serveFolder } from './serve.ts';

export const COMPOSITION_ID = 'NewsVideo';
export const THUMBNAIL_FILE = 'thumbnail.jpg';

/** 'distinct': each distinct picture rendered once and held by ffmpeg (the default); 'full': every frame by Remotion. */
export const RENDER_MODES = ['distinct', 'full'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

export interface RenderSettings {
  formats: readonly VideoFormat[];
  fps: Fps;
  /** Scales every frame (0.5 renders 1080p as 540p): for previews and fast tests. */
  scale: number;
  /** Browser tabs rendering at once; null lets Remotion choose (half the cores). */
  concurrency: number | null;
  /** Composition props (style, brand, closing card) over the schema's defaults. */
  props: Record<string, unknown>;
  mode?: RenderMode;
  /** The sound at this integrated loudness (LUFS), under -1 dBTP; null keeps the narration's level. */
  loudness: LoudnessTarget | null;
  /** A music bed under the voice, ducked while it speaks; none without it. */
  music?: { file: MusicFile; levels: MusicBedLevels };
}

/** The narration with the music bed under it, made once for every format and removed after the last. */
const MIX_FILE = '.music-mix.wav';

/** The narration's audio, or the music bed mixed under it (every format lasts the same, so it is mixed once). */
async function soundOf(folder: string, narration: Narration, music: RenderSettings['music'], durationMs: number): Promise<string> {
  const narrationAudio = path.join(folder, narration.audio.file);
  if (music === undefined) return narrationAudio;
  const output = path.join(folder, MIX_FILE);
  await mixMusicBed({ narrationAudio, music: music.file, levels: music.levels, words: narration.words, durationMs, output });
  return output;
}

export interface RenderProgress {
  /** `render` counts frames (full mode) or distinct pictures; `encode` counts the frames ffmpeg has encoded. */
  stage: 'bundle' | `render ${VideoFormat}` | `encode ${VideoFormat}`;
  done: number;
  total: number;
}

export interface RenderedFiles {
  videos: Partial<Record<VideoFormat, string>>;
  /** The title card of each format: its cover for an upload. */
  covers: Partial<Record<VideoFormat, string>>;
  /** The first format's cover. */
  thumbnail: string;
  /** How long the videos last (every format the same). */
  durationMs: number;
}

export function videoFileName(format: VideoFormat, formats: readonly VideoFormat[]): string {
  return formats.length === 1 ? 'video.mp4' : `video-${format}.mp4`;
}

/** thumbnail.jpg is the first format's title card, as it always was; the other formats' are thumbnail-<format>.jpg. */
function coverFileName(format: VideoFormat, formats: readonly VideoFormat[]): string {
  return format === formats[0] ? THUMBNAIL_FILE : `thumbnail-${format}.jpg`;
}

export interface RendererOptions {
  browser?: string;
  verbose?: boolean;
  log?: (line: string) => void;
}

type Browser = Awaited<ReturnType<typeof openBrowser>>;

// Held pictures are mostly skipped blocks for x264: on the sample's held pictures 'superfast' took 7.6 CPU-seconds
// against 11.9 for 'veryfast' at the same CRF, for a file still well under 1 Mbit/s (bench/render.ts reports it).
const HELD_PICTURES_X264_PRESET = 'superfast';

/** The composition for one format, with the props that point it at the narration served from `baseUrl`. */
async function selectNewsVideo(
  common: Omit<Parameters<typeof selectComposition>[0], 'id' | 'inputProps'>,
  baseUrl: string,
  props: Record<string, unknown>,
  format: VideoFormat,
  fps: Fps,
) {
  const inputProps = { ...props, narrationSrc: `${baseUrl}narration.json`, format, fps };
  return { inputProps, composition: await selectComposition({ ...common, id: COMPOSITION_ID, inputProps }) };
}

/** One Remotion bundle and one browser, opened on first use and kept for every render until close(). */
export class VideoRenderer {
  private opened: Promise<{ serveUrl: string; browser: Browser; choice: BrowserChoice }> | undefined;

  constructor(private readonly options: RendererOptions = {}) {
    // Remotion's servers would listen on every interface (src/system/loopback-only.ts).
    keepServersOnLoopback();
  }

  private logLevel(): LogLevel {
    return this.options.verbose ? 'verbose' : 'error';
  }

  /** Start opening the bundle and the browser now; a render waits for them, and reports their failure. */
  prepare(): void {
    this.open().catch(() => undefined);
  }

  private open(onProgress?: (progress: RenderProgress) => void): Promise<{ serveUrl: string; browser: Browser; choice: BrowserChoice }> {
    this.opened ??= (async () => {
      const choice = await findBrowser(this.options.browser);
      this.options.log?.(`Browser: ${choice.executable ?? 'none on this machine'} (${choice.origin}, ${choice.chromeMode})`);
      const [serveUrl, browser] = await Promise.all([
        cachedBundle((percent) => onProgress?.({ stage: 'bundle', done: percent, total: 100 })),
        openBrowser('chrome', { browserExecutable: choice.executable, chromeMode: choice.chromeMode, logLevel: this.logLevel() }).catch(
          (error: unknown) => {
            throw new UserError(
              `The browser ${choice.executable ?? 'download'} (${choice.origin}) could not be started: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
              'Pass another --browser, or install Chromium (Debian: apt-get install chromium-headless-shell)',
            );
          },
        ),
      ]);
      return { serveUrl, browser, choice };
    })();
    this.opened.catch(() => (this.opened = undefined));
    return this.opened;
  }

  /** The options every Remotion call of this renderer shares. */
  private async common(onProgress?: (progress: RenderProgress) => void) {
    const { serveUrl, browser, choice } = await this.open(onProgress);
    return { serveUrl, puppeteerInstance: browser, browserExecutable: choice.executable, chromeMode: choice.chromeMode, logLevel: this.logLevel() };
  }

  /** One frame of the narration in `folder` as an image (tests read the highlight from these; README's pictures). */
  async still(
    folder: string,
    options: {
      format: VideoFormat;
      fps: Fps;
      frame: number;
      output: string;
      props?: Record<string, unknown>;
      scale?: number;
      imageFormat?: 'png' | 'jpeg';
    },
  ): Promise<void> {
    const common = await this.common();
    const server = await serveFolder(folder);
    try {
      const { inputProps, composition } = await selectNewsVideo(common, server.url, options.props ?? {}, options.format, options.fps);
      const format = options.imageFormat === 'jpeg' ? { imageFormat: 'jpeg' as const, jpegQuality: 85 } : { imageFormat: 'png' as const };
      await renderStill({ ...common, ...format, composition, inputProps, output: options.output, frame: options.frame, scale: options.scale ?? 1 });
    } finally {
      await server.close();
    }
  }

  /** Render every requested format of the narration in `folder` into that same folder. */
  async render(
    folder: string,
    narration: Narration,
    settings: RenderSettings,
    onProgress?: (progress: RenderProgress) => void,
    signal?: AbortSignal,
  ): Promise<RenderedFiles> {
    const common = await this.common(onProgress);
    const server = await serveFolder(folder);
    const { cancelSignal, cancel } = makeCancelSignal();
    const abort = () => cancel();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const videos: RenderedFiles['videos'] = {};
      const covers: RenderedFiles['covers'] = {};
      let durationMs = 0;
      let sound: string | undefined;
      for (const format of settings.formats) {
        signal?.throwIfAborted();
        const { inputProps, composition } = await selectNewsVideo(common, server.url, settings.props, format, settings.fps);
        const cover = path.join(folder, coverFileName(format, settings.formats));
        await renderStill({
          ...common,
          composition,
          inputProps,
          output: cover,
          frame: thumbnailFrame(narration, settings.fps),
          imageFormat: 'jpeg',
          jpegQuality: 85,
          scale: settings.scale,
        });
        covers[format] = cover;
        durationMs = (composition.durationInFrames * 1000) / composition.fps;
        const output = path.join(folder, videoFileName(format, settings.formats));
        const silent = path.join(folder, `.silent-${format}.mp4`);
        const props: NewsVideoProps = { ...NEWS_VIDEO_DEFAULTS, ...composition.props } as NewsVideoProps;
        // The bar changes every frame: the distinct mode needs ffmpeg to draw it, in a colour ffmpeg reads.
        const barInFfmpeg = !props.showProgressBar || ffmpegColor(props.accentColor) !== null;
        const distinct = (settings.mode ?? 'distinct') === 'distinct' && barInFfmpeg;
        if (!barInFfmpeg)
          this.options.log?.(`accentColor ${props.accentColor} is not #hex, so ffmpeg cannot draw the progress bar: every frame is rendered`);
        if (distinct) {
          await renderDistinctPictures(common, {
            ...withProps({ composition, inputProps }, { showProgressBar: false }),
            narration,
            layout: screenLayoutOf(props),
            progressBarColor: props.showProgressBar ? props.accentColor : null,
            scale: settings.scale,
            concurrency: settings.concurrency,
            x264Preset: HELD_PICTURES_X264_PRESET,
            folder,
            output: silent,
            cancelSignal,
            signal,
            onProgress: (stage, done, total) => onProgress?.({ stage: stage === 'pictures' ? `render ${format}` : `encode ${format}`, done, total }),
            log: this.options.verbose ? this.options.log : undefined,
          });
        } else {
          await renderMedia({
            ...common,
            composition,
            inputProps,
            codec: 'h264',
            pixelFormat: 'yuv420p',
            muted: true,
            outputLocation: silent,
            scale: settings.scale,
            concurrency: settings.concurrency,
            x264Preset: 'veryfast',
            // Limited-range BT.709, what players and platforms expect (Remotion's default tags JPEG frames full-range, yuvj420p).
            colorSpace: 'bt709',
            cancelSignal,
            onProgress: ({ renderedFrames }) =>
              onProgress?.({ stage: `render ${format}`, done: renderedFrames, total: composition.durationInFrames }),
          });
        }
        sound ??= await soundOf(folder, narration, settings.music, durationMs);
        await muxNarrationAudio(silent, sound, output, {
          subtitles: path.join(folder, narration.files.srt),
          language: narration.language,
          loudness: settings.loudness,
          durationMs,
        });
        await rm(silent);
        videos[format] = output;
      }
      return { videos, covers, thumbnail: covers[settings.formats[0]!]!, durationMs };
    } finally {
      await rm(path.join(folder, MIX_FILE), { force: true });
      signal?.removeEventListener('abort', abort);
      await server.close();
    }
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened !== undefined) await (await opened.catch(() => undefined))?.browser.close({ silent: true });
  }
}
