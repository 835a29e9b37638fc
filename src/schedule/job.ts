// One job: one feed item to one published folder. Both queues (SQLite, BullMQ) keep these fields.
import type { VideoFormat } from '../contract/video.ts';

export const JOB_STATES = ['queued', 'narrating', 'rendering', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What a job needs to run, fixed when the item is first seen. */
export interface JobSpec {
  key: string;
  feedUrl: string;
  itemUrl: string;
  guid: string | null;
  title: string;
  publishedAt: string | null;
  voice: string | null;
  language: string | null;
  formats: VideoFormat[];
  /** The item's folder relative to the output root (YYYY-MM-DD/<slug>-<hash>). */
  folder: string;
}

export interface JobView extends JobSpec {
  id: string;
  state: JobState;
  attempts: number;
  lastError: string | null;
  /** When the publish step succeeded but the afterEach command failed: its error. The video is not redone. */
  afterEachError: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Queued jobs: not before this time (backoff after a transient failure). */
  nextAttemptAt: string | null;
}
