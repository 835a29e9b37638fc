// What the scheduler needs from the video pipeline: one call that narrates an article and renders its videos
// into a folder. VideoProducer (src/render/produce.ts) is the real one; the scheduler never shells out to a CLI.
import type { Narration } from '../contract/narration.ts';
import type { VideoFormat } from './config.ts';

export type ProduceStage = 'narrating' | 'rendering';

export interface ItemRequest {
  articleUrl: string;
  voice: string | null;
  language: string | null;
  formats: VideoFormat[];
  fps: 25 | 30 | 60;
  scale: number;
  /** The folder to fill (the scheduler publishes it whole afterwards). */
  outDir: string;
  allowPrivateNetworks: boolean;
  signal: AbortSignal;
  onStage: (stage: ProduceStage) => void;
}

export interface ItemProducer {
  produce(request: ItemRequest): Promise<{ videos: Partial<Record<VideoFormat, string>>; narration: Narration }>;
  close(): Promise<void>;
}
