// Article to finished video folder: narrate (or take an existing narration), render every format, publish the
// folder whole. The CLI's `render` and the scheduler both call this; one model session, one bundle and one
// browser serve every job of a VideoProducer.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NEWS_VIDEO_DEFAULTS } from '../../remotion/NewsVideo/schema.ts';
import { type Narration, readNarration } from '../contract/narration.ts';
import { DEFAULT_FPS, type Fps, type VideoFormat } from '../contract/video.ts';
import { UserError } from '../errors.ts';
import { readMusicFile } from '../audio/music-bed.ts';
import { DEFAULT_LOUDNESS, type LoudnessTarget } from '../platform/loudness.ts';
import { DEFAULT_MUSIC_LEVELS, type MusicBedLevels } from '../platform/music-bed.ts';
import { DESCRIPTION_FILE, PUBLISH_FILE, publishRecord } from '../platform/publish-record.ts';
import type { Device } from '../kokoro/session.ts';
import { publishFolder } from '../output/publish.ts';
import { NARRATION_FILE } from '../output/write-narration.ts';
import type { NarrationJob } from '../pipeline/narrate-folder.ts';
import type { Narrator } from '../pipeline/narrator.ts';
import type { NarrateProgress } from '../pipeline/request.ts';
import { type RenderedFiles, VideoRenderer, type RenderProgress, type RenderSettings } from './render-video.ts';

export const DEFAULT_MAX_MINUTES = 15;

export interface ProduceRequest {
  /** A narration to make, or the folder of an existing one (rendered again with no synthesis). */
  narration: NarrationJob | { from: string };
  formats: readonly VideoFormat[];
  fps?: Fps;
  scale?: number;
  concurrency?: number | null;
  props?: Record<string, unknown>;
  /** Integrated loudness of the sound, LUFS (default -14); null keeps the narration's level. */
  loudness?: LoudnessTarget | null;
  mode?: RenderSettings['mode'];
  /** A music bed under the voice (src/platform/music-bed.ts): the file, and levels over the defaults. */
  music?: MusicRequest;
  /** The whole video, closing card included, ends at the last whole sentence that fits (a new narration only). */
  maxSeconds?: number;
  /** Longer narrations are refused unless `force`. */
  maxMinutes?: number;
  force?: boolean;
  /** Published whole: built in a temporary sibling and renamed into place when every file is complete. */
  outDir: string;
  signal?: AbortSignal;
}

export interface MusicRequest {
  file: string;
  levels?: Partial<MusicBedLevels>;
}

export interface ProduceResult {
  outDir: string;
  narration: Narration;
  videos: Partial<Record<VideoFormat, string>>;
  thumbnail: string;
  /** publish.json and description.txt: what an upload needs (src/platform/publish-record.ts). */
  publish: string;
  description: string;
}

export interface ProducerOptions {
  device?: Device;
  model?: string;
  browser?: string;
  verbose?: boolean;
  log?: (line: string) => void;
  warn?: (line: string) => void;
  onProgress?: (progress: NarrateProgress | RenderProgress) => void;
  onDownloadProgress?: (done: number, total: number | undefined) => void;
}

/** Read and check an existing narration folder, then copy the files narration.json names into `folder`. */
export async function copyNarration(from: string, folder: string): Promise<Narration> {
  const file = path.join(from, NARRATION_FILE);
  if (!existsSync(file)) throw new UserError(`${from} holds no ${NARRATION_FILE}`, 'Pass --from the folder of a finished narrate or render run');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new UserError(`${file} is not valid JSON`, 'Narrate the article again into that folder');
  }
  const { narration, problem } = readNarration(json);
  if (problem !== null)
    throw new UserError(`${file} cannot be rendered: ${problem}`, 'Narrate the article again (npm run narrate) and render that folder');
  const files = [
    NARRATION_FILE,
    narration.audio.file,
    ...Object.values(narration.files),
    ...narration.media.map((image) => image.file),
    narration.article ? 'article.json' : undefined,
  ];
  for (const name of files) {
    if (!name) continue;
    if (!existsSync(path.join(from, name)))
      throw new UserError(`${from} lacks ${name}, which ${NARRATION_FILE} names`, 'Narrate the article again into that folder');
    await copyFile(path.join(from, name), path.join(folder, name));
  }
  return narration;
}

/** What --max-seconds leaves the narration: the video less its closing card. */
function narrationBudgetMs(request: ProduceRequest): number | undefined {
  if (request.maxSeconds === undefined) return undefined;
  const closing = request.props?.closingSeconds;
  const closingSeconds = typeof closing === 'number' ? closing : NEWS_VIDEO_DEFAULTS.closingSeconds;
  if (request.maxSeconds <= closingSeconds + 1) {
    throw new UserError(
      `--max-seconds ${request.maxSeconds} leaves no time for the narration: the closing card alone lasts ${closingSeconds} s`,
      `Pass --max-seconds of at least ${closingSeconds + 5}`,
    );
  }
  return (request.maxSeconds - closingSeconds) * 1000;
}

/** publish.json and description.txt beside the videos, naming each format's video and cover. */
async function writeUploadFiles(folder: string, narration: Narration, formats: readonly VideoFormat[], rendered: RenderedFiles): Promise<void> {
  const videos = formats.map((format) => ({
    format,
    file: path.basename(rendered.videos[format]!),
    cover: path.basename(rendered.covers[format]!),
  }));
  const record = publishRecord(narration, videos, rendered.durationMs);
  await writeFile(path.join(folder, PUBLISH_FILE), `${JSON.stringify(record, null, 2)}\n`);
  await writeFile(path.join(folder, DESCRIPTION_FILE), `${record.description}\n`);
}

/** The longest narration a request allows, for the estimate made before synthesis; none under --force. */
function maxDurationMs(request: ProduceRequest): number | undefined {
  return request.force ? undefined : (request.maxMinutes ?? DEFAULT_MAX_MINUTES) * 60_000;
}

export function checkLength(narration: Narration, maxMinutes: number, force: boolean): void {
  const minutes = narration.audio.durationMs / 60_000;
  if (minutes > maxMinutes && !force) {
    throw new UserError(
      `The video would last ${minutes.toFixed(1)} minutes, over --max-minutes ${maxMinutes}`,
      'Pass --force to render it anyway, or raise --max-minutes',
    );
  }
}

export class VideoProducer {
  private narrator?: Promise<Narrator>;
  private readonly renderer: VideoRenderer;

  constructor(private readonly options: ProducerOptions = {}) {
    this.renderer = new VideoRenderer({ browser: options.browser, verbose: options.verbose, log: options.log });
  }

  /** The narration pipeline, loaded on first use: its modules take seconds to load, and `--from` needs none. */
  private async narrate(job: NarrationJob, folder: string, signal: AbortSignal | undefined): Promise<Narration> {
    this.narrator ??= import('../pipeline/narrator.ts').then(
      ({ Narrator }) =>
        new Narrator({
          device: this.options.device ?? 'cpu',
          model: this.options.model,
          log: this.options.log,
          warn: this.options.warn,
          onDownloadProgress: this.options.onDownloadProgress,
        }),
    );
    // The browser and the bundle get ready while the voice is synthesized (a failure shows when rendering starts).
    this.renderer.prepare();
    const [narrator, { narrateIntoFolder }] = await Promise.all([this.narrator, import('../pipeline/narrate-folder.ts')]);
    return narrateIntoFolder(narrator, job, folder, {
      // Between passes is where a narration can stop cleanly.
      onProgress: (progress) => {
        signal?.throwIfAborted();
        this.options.onProgress?.(progress);
      },
      warn: this.options.warn,
    });
  }

  /** A new narration's job: the request's length limits and loudness applied. */
  private narrationJob(request: ProduceRequest & { narration: NarrationJob }): NarrationJob {
    const loudness = request.loudness === undefined ? DEFAULT_LOUDNESS : request.loudness;
    return { ...request.narration, maxMs: narrationBudgetMs(request), maxDurationMs: maxDurationMs(request), loudness };
  }

  /**
   * The narration alone, published whole into outDir, for a person to review before anything is rendered;
   * produce() with `{ from: outDir }` renders it later with no new synthesis.
   */
  async narrateOnly(request: ProduceRequest & { narration: NarrationJob }): Promise<Narration> {
    return publishFolder(path.resolve(request.outDir), (folder) => this.narrate(this.narrationJob(request), folder, request.signal));
  }

  async produce(request: ProduceRequest): Promise<ProduceResult> {
    const { signal } = request;
    const outDir = path.resolve(request.outDir);
    const loudness = request.loudness === undefined ? DEFAULT_LOUDNESS : request.loudness;
    // Checked before anything is synthesized: a bad music file should not cost a narration.
    const music = request.music && { file: await readMusicFile(request.music.file), levels: { ...DEFAULT_MUSIC_LEVELS, ...request.music.levels } };
    const built = await publishFolder(outDir, async (folder) => {
      const narration =
        'from' in request.narration
          ? await copyNarration(request.narration.from, folder)
          : await this.narrate(this.narrationJob({ ...request, narration: request.narration }), folder, signal);
      signal?.throwIfAborted();
      checkLength(narration, request.maxMinutes ?? DEFAULT_MAX_MINUTES, request.force ?? false);
      const rendered = await this.renderer.render(
        folder,
        narration,
        {
          formats: request.formats,
          fps: request.fps ?? DEFAULT_FPS,
          scale: request.scale ?? 1,
          concurrency: request.concurrency ?? null,
          props: request.props ?? {},
          loudness,
          music,
          mode: request.mode,
        },
        this.options.onProgress,
        signal,
      );
      await writeUploadFiles(folder, narration, request.formats, rendered);
      return { narration, rendered, folder };
    });
    // The files now live in outDir: the same names, a different folder.
    const moved = (file: string) => path.join(outDir, path.relative(built.folder, file));
    return {
      outDir,
      narration: built.narration,
      videos: Object.fromEntries(Object.entries(built.rendered.videos).map(([format, file]) => [format, moved(file)])),
      thumbnail: moved(built.rendered.thumbnail),
      publish: path.join(outDir, PUBLISH_FILE),
      description: path.join(outDir, DESCRIPTION_FILE),
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.renderer.close(), this.narrator?.then((narrator) => narrator.release())]);
  }
}
