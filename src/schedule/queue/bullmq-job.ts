// What a BullMQ job holds and how it reads as a JobView: shared by the queue (in the scheduler's process) and
// the sandboxed processor (in the child process that runs the job), which sees the job only as plain JSON.
import { parseJobSpec, type JobSpec, type JobState, type JobView } from '../job.ts';
import type { ProducedItem } from '../produce-item.ts';

/** The environment variable that carries the worker's WorkerSettings to the processor's child process. */
export const SETTINGS_VARIABLE = 'KOKORO_NEWS_VIDEO_JOB_SETTINGS';

export interface JobData {
  spec: JobSpec;
  createdAt: string;
}

/** What the processor returns once afterEach has run: BullMQ records the job as completed only then. */
export interface FinishedItem extends ProducedItem {
  afterEachError: string | null;
}

export interface Progress {
  stage: 'narrating' | 'rendering' | 'afterEach';
}

/** The fields of a BullMQ job that a JobView needs: a Job and a SandboxedJob both have them. */
export interface JobFields {
  id?: string;
  data: JobData;
  attemptsStarted: number;
  failedReason?: string;
  timestamp: number;
  delay?: number;
  processedOn?: number;
  finishedOn?: number;
  returnvalue?: FinishedItem | null;
}

export function stateOf(bullState: string, progress: unknown): JobState {
  if (bullState === 'completed') return 'done';
  if (bullState === 'failed') return 'failed';
  if (bullState === 'active') return (progress as Progress | undefined)?.stage ?? 'narrating';
  return 'queued';
}

/** The job as a JobView, its spec validated (Redis holds what anyone who can reach it wrote): throws when it is not one. */
export function viewOf(job: JobFields, state: JobState): JobView {
  const iso = (time: number | undefined) => (time ? new Date(time).toISOString() : null);
  return {
    ...parseJobSpec((job.data as Partial<JobData> | null)?.spec, job.id!),
    id: job.id!,
    state,
    attempts: job.attemptsStarted,
    lastError: job.failedReason || null,
    afterEachError: job.returnvalue?.afterEachError ?? null,
    createdAt: job.data.createdAt,
    updatedAt: iso(job.finishedOn ?? job.processedOn ?? job.timestamp)!,
    startedAt: iso(job.processedOn),
    finishedAt: state === 'done' || state === 'failed' ? iso(job.finishedOn) : null,
    nextAttemptAt: state === 'queued' ? iso(job.timestamp + (job.delay ?? 0)) : null,
    // Review and its revisions live in the SQLite store only (enqueue refuses a job that asks for them).
    revision: 0,
    lastChange: null,
    progress: null,
    approved: false,
  };
}
