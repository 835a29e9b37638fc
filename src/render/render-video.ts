// Narration folder -> MP4 (H.264 yuv420p + AAC) per format and a thumbnail of the title card, rendered by
// Remotion with one bundle and one browser for every format and every job.
import { makeCancelSignal, openBrowser, renderMedia, renderStill, selectComposition, type LogLevel } from '@remotion/renderer';
import path from 'node:path';
import type { Narration } from '../contract/narration.ts';
import type { Fps, VideoFormat } from '../contract/video.ts';
import { thumbnailFrame } from '../../remotion/NewsVideo/screen.ts';
import { findBrowser, type BrowserChoice } from './browser.ts';
import { cachedBundle } from './bundle.ts';
import { serveFolder } from './serve.ts';

export const COMPOSITION_ID = 'NewsVideo';
export const THUMBNAIL_FILE = 'thumbnail.jpg';

export interface RenderSettings {
  formats: readonly VideoFormat[];
  fps: Fps;
  /** Scales every frame (0.5 renders 1080p as 540p): for previews and fast tests. */
  scale: number;
  /** Browser tabs rendering at once; null lets Remotion choose (half the cores). */
  concurrency: number | null;
  /** Composition props (style, brand, closing card) over the schema's defaults. */
  props: Record<string, unknown>;
  x264Preset?: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow' | 'slower' | 'veryslow';
}

export interface RenderProgress {
  stage: 'bundle' | `render ${VideoFormat}`;
  done: number;
  total: number;
}

export interface RenderedFiles {
  videos: Partial<Record<VideoFormat, string>>;
  thumbnail: string;
}

export function videoFileName(format: VideoFormat, formats: readonly VideoFormat[]): string {
  return formats.length === 1 ? 'video.mp4' : `video-${format}.mp4`;
}

export interface RendererOptions {
  browser?: string;
  verbose?: boolean;
  log?: (line: string) => void;
}

type Browser = Awaited<ReturnType<typeof openBrowser>>;

/** One Remotion bundle and one browser, opened on first use and kept for every render until close(). */
export class VideoRenderer {
  private opened: Promise<{ serveUrl: string; browser: Browser; choice: BrowserChoice }> | undefined;

  constructor(private readonly options: RendererOptions = {}) {}

  private logLevel(): LogLevel {
    return this.options.verbose ? 'verbose' : 'error';
  }

  private open(onProgress?: (progress: RenderProgress) => void): Promise<{ serveUrl: string; browser: Browser; choice: BrowserChoice }> {
    this.opened ??= (async () => {
      const choice = await findBrowser(this.options.browser);
      this.options.log?.(`Browser: ${choice.executable ?? 'none on this machine'} (${choice.origin}, ${choice.chromeMode})`);
      const [serveUrl, browser] = await Promise.all([
        cachedBundle((percent) => onProgress?.({ stage: 'bundle', done: percent, total: 100 })),
        openBrowser('chrome', { browserExecutable: choice.executable, chromeMode: choice.chromeMode, logLevel: this.logLevel() }),
      ]);
      return { serveUrl, browser, choice };
    })();
    this.opened.catch(() => (this.opened = undefined));
    return this.opened;
  }

  /** Render every requested format of the narration in `folder` into that same folder. */
  async render(
    folder: string,
    narration: Narration,
    settings: RenderSettings,
    onProgress?: (progress: RenderProgress) => void,
    signal?: AbortSignal,
  ): Promise<RenderedFiles> {
    const { serveUrl, browser, choice } = await this.open(onProgress);
    const server = await serveFolder(folder);
    const { cancelSignal, cancel } = makeCancelSignal();
    const abort = () => cancel();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const common = {
        serveUrl,
        puppeteerInstance: browser,
        browserExecutable: choice.executable,
        chromeMode: choice.chromeMode,
        logLevel: this.logLevel(),
      };
      const videos: RenderedFiles['videos'] = {};
      let thumbnail = '';
      for (const format of settings.formats) {
        signal?.throwIfAborted();
        const inputProps = { ...settings.props, narrationSrc: `${server.url}narration.json`, format, fps: settings.fps };
        const composition = await selectComposition({ ...common, id: COMPOSITION_ID, inputProps });
        if (!thumbnail) {
          thumbnail = path.join(folder, THUMBNAIL_FILE);
          await renderStill({ ...common, composition, inputProps, output: thumbnail, frame: thumbnailFrame(narration, settings.fps), imageFormat: 'jpeg', jpegQuality: 85, scale: settings.scale });
        }
        const output = path.join(folder, videoFileName(format, settings.formats));
        await renderMedia({
          ...common,
          composition,
          inputProps,
          codec: 'h264',
          pixelFormat: 'yuv420p',
          audioCodec: 'aac',
          outputLocation: output,
          scale: settings.scale,
          concurrency: settings.concurrency,
          x264Preset: settings.x264Preset ?? 'veryfast',
          // Limited-range BT.709, what players and platforms expect (Remotion's default tags JPEG frames full-range, yuvj420p).
          colorSpace: 'bt709',
          cancelSignal,
          onProgress: ({ renderedFrames }) => onProgress?.({ stage: `render ${format}`, done: renderedFrames, total: composition.durationInFrames }),
        });
        videos[format] = output;
      }
      return { videos, thumbnail };
    } finally {
      signal?.removeEventListener('abort', abort);
      await server.close();
    }
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened) await (await opened.catch(() => undefined))?.browser.close({ silent: true });
  }
}
