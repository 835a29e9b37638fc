// What the editor's desk needs of a job store, whichever keeps the jobs: the SQLite store answers at once, the
// BullMQ queue over Redis with promises, so the desk awaits every answer. Each change is one compare-and-set
// against the revision the editor saw: of two desks acting on one revision exactly one wins, and the other gets a
// 409 refusal saying what happened first.
import type { JobSpec, JobView } from '../job.ts';

type Answer<T> = T | Promise<T>;

export interface DeskStore {
  list(): Answer<JobView[]>;
  /** The job, or a 404 refusal. */
  get(id: string): Answer<JobView>;
  /** The job by its item key, or null. */
  byKey(key: string): Answer<JobView | null>;
  /** Add the item unless it is known: true when it is new. */
  enqueue(spec: JobSpec, now: Date): Answer<boolean>;
  /** Requeue a failed or done job. */
  retry(id: string, now: Date): Answer<JobView>;
  /** An editor's change begins: the job is revising under `owner`'s lease until endEdit, beaten by beatEdit. */
  beginEdit(id: string, revision: number, owner: string, now: Date): Answer<JobView>;
  /** False when the edit's lease lapsed. */
  beatEdit(id: string, owner: string): Answer<boolean>;
  /** Back to review at a new revision; null when the lease lapsed first. */
  endEdit(id: string, owner: string, change: string, now: Date): Answer<JobView | null>;
  /** Queued to render the narration as it is. */
  approve(id: string, revision: number, now: Date): Answer<JobView>;
  /** Kept as rejected, never made again. */
  reject(id: string, revision: number, reason: string | null, now: Date): Answer<JobView>;
  close(): Answer<void>;
}

/** What each change of review is recorded as (a job's lastChange), in both stores. */
export const REVIEW_CHANGES = {
  narrated: 'narrated, awaiting review',
  editing: 'being edited at a desk',
  edited: 'edited at a desk',
  abandoned: 'an edit abandoned when its desk stopped (the narration is as it was)',
  approved: 'approved at a desk',
  rejected: 'rejected at a desk',
} as const;

/** A rejected job's lastError. */
export const rejectionNote = (reason: string | null) => (reason === null ? 'rejected at the desk' : `rejected at the desk: ${reason}`);
