// The two queues behind one interface: SQLite on one machine (embedded, the default) and BullMQ over Redis for
// several. Both run the same job (produceItem), keyed by the same item key, with the same retry policy.
import type { JobProgress } from '../../contract/desk.ts';
import type { JobSpec, JobView } from '../job.ts';
import type { NarratedForReview, ProducedItem, ProduceSettings } from '../produce-item.ts';
import type { ProduceStage } from '../producer.ts';

export interface JobHandlers {
  /**
   * Make the job's folder in this process; throws on failure (the queue classifies the error and retries or
   * gives up). The SQLite queue calls it; BullMQ runs produceItem in its sandboxed child process instead.
   */
  run(
    job: JobView,
    signal: AbortSignal,
    onStage: (stage: ProduceStage) => void,
    onProgress?: (progress: JobProgress) => void,
  ): Promise<ProducedItem | NarratedForReview>;
  /** The job's settings, for a queue that runs the job in another process (BullMQ). */
  settings: WorkerSettings;
  /**
   * After the queue has recorded the folder as published (the job's afterEach state): the afterEach command;
   * its error, or null. The SQLite queue calls it; BullMQ's child process runs afterEach itself.
   */
  afterDone(job: JobView): Promise<string | null>;
  log(line: string): void;
}

/** What a worker needs from the config, as plain data (BullMQ hands it to its child process). */
export interface WorkerSettings extends ProduceSettings {
  afterEach: string | null;
}

export interface ProcessOptions {
  /** Return once no job is ready (a --once pass); else keep waiting for jobs until `signal` aborts. */
  untilIdle: boolean;
  signal: AbortSignal;
}

export interface JobQueue {
  /** Add the item unless its key was ever queued. True when it is new. */
  enqueue(spec: JobSpec): Promise<boolean>;
  process(handlers: JobHandlers, options: ProcessOptions): Promise<void>;
  list(): Promise<JobView[]>;
  retry(id: string): Promise<JobView>;
  close(): Promise<void>;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const PROGRESS_EVERY_MS = 1000;

/** `write` for a job's progress at most once a second (frames come far faster) and always at a stage's end. */
export function everySecond(write: (progress: JobProgress) => void): (progress: JobProgress) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (progress) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && progress.done < progress.total) return;
    last = now;
    write(progress);
  };
}
