// The video pipeline as the scheduler uses it: VideoProducer (src/render/produce.ts) narrates an article and
// renders its videos, publishing the folder whole; one model session, bundle and browser serve every job of a
// worker. This adds what a job needs on top: its stage (narrating, rendering) for the queue, and the network
// guard for sources that came from a feed. The scheduler never shells out to a CLI.
import { DEFAULT_FETCH_LIMITS } from '../article/fetch.ts';
import type { MediaChoice } from '../contract/pipeline.ts';
import type { Fps, VideoFormat } from '../contract/video.ts';
import { type MusicRequest, VideoProducer, type ProduceResult } from '../render/produce.ts';
import type { JobProgress } from '../contract/desk.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import type { NarrationJob } from '../pipeline/narrate-folder.ts';

export type ProduceStage = 'narrating' | 'rendering';

export interface ItemRequest {
  /** What to narrate: a page, or pasted text under its title; or the folder of a narration already reviewed. */
  source: { kind: 'article'; location: string } | { kind: 'text'; text: string; title: string } | { from: string };
  voice: string | null;
  speed?: number;
  language: string | null;
  formats: VideoFormat[];
  fps: Fps;
  scale: number;
  concurrency: number | null;
  outDir: string;
  allowPrivateNetworks: boolean;
  media?: MediaChoice;
  maxSeconds?: number;
  music?: MusicRequest;
  lexicon?: readonly LexiconEntry[];
  /** The composition's props over its defaults (an editor's style and brand). */
  props?: Record<string, unknown>;
  /** Keep the passes here, for a re-synthesis after an edit (a job under review). */
  passCache?: string;
  signal: AbortSignal;
  onStage: (stage: ProduceStage) => void;
  /** Passes done of total while narrating, frames while rendering, with an estimate of the time left. */
  onProgress?: (progress: JobProgress) => void;
}

/** Counts as progress with an estimate: the stage's pace so far, once something is done. */
function progressReporter(report: (progress: JobProgress) => void): (stage: ProduceStage, done: number, total: number) => void {
  let started = { stage: null as ProduceStage | null, at: 0 };
  return (stage, done, total) => {
    if (started.stage !== stage || done === 0) started = { stage, at: performance.now() };
    const elapsed = performance.now() - started.at;
    const bounded = Math.min(done, total);
    report({ stage, done: bounded, total, etaMs: bounded > 0 ? Math.round((elapsed / bounded) * (total - bounded)) : null });
  };
}

export interface ItemProducer {
  produce(request: ItemRequest): Promise<Pick<ProduceResult, 'videos' | 'narration'>>;
  /** The narration alone, published whole into outDir, for review before anything is rendered. */
  narrateOnly(request: Omit<ItemRequest, 'formats' | 'source'> & { source: NarratedSource }): Promise<void>;
  close(): Promise<void>;
}

type NarratedSource = Exclude<ItemRequest['source'], { from: string }>;

/** What the narrator is asked for a job: its source, voice and speed, the network rule of unattended fetches. */
function narrationJob(request: Omit<ItemRequest, 'formats' | 'source'> & { source: NarratedSource }): NarrationJob {
  return {
    source: request.source,
    voice: request.voice ?? undefined,
    language: request.language ?? undefined,
    speed: request.speed,
    fetchLimits: { ...DEFAULT_FETCH_LIMITS, allowPrivateNetworks: request.allowPrivateNetworks },
    lexicon: request.lexicon,
    media: request.media,
    passCache: request.passCache,
  };
}

export class ScheduledProducer implements ItemProducer {
  private readonly producer: VideoProducer;
  private onStage: ((stage: ProduceStage) => void) | null = null;
  private onCount: ((stage: ProduceStage, done: number, total: number) => void) | null = null;

  constructor(options: { log?: (line: string) => void; warn?: (line: string) => void } = {}) {
    this.producer = new VideoProducer({
      ...options,
      // Progress comes from synthesis passes, then from the bundle and frames of each format.
      onProgress: (progress) => {
        const stage = progress.stage === 'synthesis' || progress.stage === 'calibration' ? 'narrating' : 'rendering';
        this.onStage?.(stage);
        // Passes while narrating, frames while rendering: what a desk shows as done of total.
        if (progress.stage === 'synthesis' || progress.stage.startsWith('render ')) this.onCount?.(stage, progress.done, progress.total);
      },
    });
  }

  /** Runs `step` with the producer's progress told to `request` as stages, each once. */
  private async staged<T>(request: Pick<ItemRequest, 'onStage' | 'onProgress'>, step: () => Promise<T>): Promise<T> {
    let stage: ProduceStage | null = null;
    this.onStage = (next) => {
      if (next === stage) return;
      stage = next;
      request.onStage(next);
    };
    this.onCount = request.onProgress ? progressReporter(request.onProgress) : null;
    try {
      return await step();
    } finally {
      this.onStage = null;
      this.onCount = null;
    }
  }

  async produce(request: ItemRequest): Promise<Pick<ProduceResult, 'videos' | 'narration'>> {
    const { source } = request;
    return this.staged(request, () =>
      this.producer.produce({
        narration: 'from' in source ? source : narrationJob({ ...request, source }),
        formats: request.formats,
        fps: request.fps,
        scale: request.scale,
        concurrency: request.concurrency,
        props: request.props,
        outDir: request.outDir,
        maxSeconds: request.maxSeconds,
        music: request.music,
        signal: request.signal,
      }),
    );
  }

  async narrateOnly(request: Omit<ItemRequest, 'formats' | 'source'> & { source: NarratedSource }): Promise<void> {
    await this.staged(request, () =>
      this.producer.narrateOnly({
        narration: narrationJob(request),
        formats: [],
        props: request.props,
        outDir: request.outDir,
        maxSeconds: request.maxSeconds,
        signal: request.signal,
      }),
    );
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}
