// The video pipeline as the scheduler uses it: VideoProducer (src/render/produce.ts) narrates an article and
// renders its videos, publishing the folder whole; one model session, bundle and browser serve every job of a
// worker. This adds what a job needs on top: its stage (narrating, rendering) for the queue, and the network
// guard for sources that came from a feed. The scheduler never shells out to a CLI.
import { DEFAULT_FETCH_LIMITS } from '../article/fetch.ts';
import type { MediaChoice } from '../contract/pipeline.ts';
import type { Fps, VideoFormat } from '../contract/video.ts';
import { type MusicRequest, VideoProducer, type ProduceResult } from '../render/produce.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';

export type ProduceStage = 'narrating' | 'rendering';

export interface ItemRequest {
  articleUrl: string;
  voice: string | null;
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
  signal: AbortSignal;
  onStage: (stage: ProduceStage) => void;
}

export interface ItemProducer {
  produce(request: ItemRequest): Promise<Pick<ProduceResult, 'videos' | 'narration'>>;
  close(): Promise<void>;
}

export class ScheduledProducer implements ItemProducer {
  private readonly producer: VideoProducer;
  private onStage: ((stage: ProduceStage) => void) | null = null;

  constructor(options: { log?: (line: string) => void; warn?: (line: string) => void } = {}) {
    this.producer = new VideoProducer({
      ...options,
      // Progress comes from synthesis passes, then from the bundle and frames of each format.
      onProgress: (progress) => this.onStage?.(progress.stage === 'synthesis' || progress.stage === 'calibration' ? 'narrating' : 'rendering'),
    });
  }

  async produce(request: ItemRequest): Promise<Pick<ProduceResult, 'videos' | 'narration'>> {
    let stage: ProduceStage | null = null;
    this.onStage = (next) => {
      if (next === stage) return;
      stage = next;
      request.onStage(next);
    };
    try {
      return await this.producer.produce({
        narration: {
          source: { kind: 'article', location: request.articleUrl },
          voice: request.voice ?? undefined,
          language: request.language ?? undefined,
          fetchLimits: { ...DEFAULT_FETCH_LIMITS, allowPrivateNetworks: request.allowPrivateNetworks },
          lexicon: request.lexicon,
          media: request.media,
        },
        formats: request.formats,
        fps: request.fps,
        scale: request.scale,
        concurrency: request.concurrency,
        outDir: request.outDir,
        maxSeconds: request.maxSeconds,
        music: request.music,
        signal: request.signal,
      });
    } finally {
      this.onStage = null;
    }
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}
