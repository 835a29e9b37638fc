// What a BullMQ job holds and how it reads as a JobView: shared by the queue (in the scheduler's process) and
// the sandboxed processor (in the child process that runs the job), which sees the job only as plain JSON.
import type { JobProgress } from '../../contract/desk.ts';
import { parseJobSpec, type JobSpec, type JobState, type JobView } from '../job.ts';
import type { NarratedForReview, ProducedItem } from '../produce-item.ts';

/** The environment variable that carries the worker's WorkerSettings to the processor's child process. */
export const SETTINGS_VARIABLE = 'KOKORO_NEWS_VIDEO_JOB_SETTINGS';

export interface JobData {
  spec: JobSpec;
  createdAt: string;
  /** Set by the desk's approval before the job runs again: render the narration under review, never narrate. */
  approved?: boolean;
}

/** What the processor returns once afterEach has run: BullMQ records the job as completed only then. */
export interface FinishedItem extends ProducedItem {
  afterEachError: string | null;
}

/** A job completes either published (afterEach run) or narrated for review (bullmq-review.ts says the rest). */
export type JobResult = FinishedItem | NarratedForReview;

export const isNarratedForReview = (result: unknown): result is NarratedForReview =>
  typeof (result as Partial<NarratedForReview> | null)?.awaitingReview === 'string';

export interface Progress {
  stage: 'narrating' | 'rendering' | 'afterEach';
  /** How far the stage is (passes, frames), when the processor has said. */
  done?: JobProgress;
}

/** Where a job's review stands (bullmq-review.ts): what the view shows beside BullMQ's own state. */
export interface ReviewStanding {
  state: 'awaitingReview' | 'revising' | 'approved' | 'rejected';
  revision: number;
  lastChange: string | null;
  reason: string | null;
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
  returnvalue?: JobResult | null;
}

/**
 * The job's state: BullMQ's, or, for a job held for review (completed, narrated for review), where its review
 * stands; an approved one is queued until it is put back in BullMQ's wait list (bullmq-review.ts).
 */
export function stateOf(bullState: string, progress: unknown, held: ReviewStanding | null = null): JobState {
  if (held !== null) return held.state === 'approved' ? 'queued' : held.state;
  if (bullState === 'completed') return 'done';
  if (bullState === 'failed') return 'failed';
  if (bullState === 'active') return (progress as Progress | undefined)?.stage ?? 'narrating';
  return 'queued';
}

/**
 * The job as a JobView, its spec validated (Redis holds what anyone who can reach it wrote): throws when it is not
 * one. `review` is its review record, if it has one, and `progress` BullMQ's progress of it.
 */
export function viewOf(job: JobFields, state: JobState, review: ReviewStanding | null = null, progress?: unknown): JobView {
  const iso = (time: number | undefined) => (time ? new Date(time).toISOString() : null);
  const returned = job.returnvalue;
  return {
    ...parseJobSpec((job.data as Partial<JobData> | null)?.spec, job.id!),
    id: job.id!,
    state,
    attempts: job.attemptsStarted,
    lastError: job.failedReason || (state === 'rejected' ? review?.reason : null) || null,
    afterEachError: returned && !isNarratedForReview(returned) ? returned.afterEachError : null,
    createdAt: job.data.createdAt,
    updatedAt: iso(job.finishedOn ?? job.processedOn ?? job.timestamp)!,
    startedAt: iso(job.processedOn),
    finishedAt: state === 'done' || state === 'failed' || state === 'rejected' ? iso(job.finishedOn) : null,
    nextAttemptAt: state === 'queued' ? iso(job.timestamp + (job.delay ?? 0)) : null,
    revision: review?.revision ?? 0,
    lastChange: review?.lastChange ?? null,
    progress: (progress as Progress | undefined)?.done ?? null,
    approved: job.data.approved === true,
  };
}
