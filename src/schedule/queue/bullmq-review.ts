// Review on the BullMQ queue. A job with review narrates, then completes with its narration's folder as its
// result (NarratedForReview): completed, no worker takes it again. Where its review stands lives beside the job
// in Redis: a hash (state, revision, last change, reason) that every desk change rewrites in one Lua script, a
// compare-and-set against the revision the editor saw, and while one editor's change is re-synthesized, an edit
// lease: a key whose TTL the editing desk renews, so a desk that dies lets the job go back to review on Redis's
// clock. An approval adds the job to a set of approved jobs; the approving desk, or any worker after it, marks
// the job's data approved and puts it back in the wait list, so a desk killed between the two steps only delays
// the render. The lease and the set are what keep a worker from rendering a job mid-edit or never.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { isNarratedForReview, type JobData, type ReviewStanding } from './bullmq-job.ts';
import { REVIEW_CHANGES } from './desk-store.ts';

/** The review's stored states (a record without one is awaiting review); revising is the edit lease, not a stored state. */
const STORED_STATES = ['awaitingReview', 'approved', 'rejected'] as const;

interface ReviewKeys {
  record: string;
  lease: string;
  approved: string;
}

/** The set of approved jobs not yet back in the wait list. */
const approvedKey = (queue: Queue) => queue.toKey('review-approved');

const reviewKeys = (queue: Queue, id: string): ReviewKeys => ({
  record: queue.toKey(`review:${id}`),
  lease: queue.toKey(`review-edit:${id}`),
  approved: approvedKey(queue),
});

/**
 * From awaiting review (no record yet is awaiting review at revision 0) at revision ARGV[1], not under an edit
 * lease, to ARGV[2]: revising (the lease KEYS[2] for owner ARGV[4], ARGV[5] ms), approved (and the job ARGV[7]
 * into the set KEYS[3]) or rejected (reason ARGV[6]); the change ARGV[3] recorded at the next revision. 1 when made.
 */
const CHANGE_REVIEW = `
local revision = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
local state = redis.call('HGET', KEYS[1], 'state') or 'awaitingReview'
if revision ~= tonumber(ARGV[1]) or state ~= 'awaitingReview' or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'revision', revision + 1, 'change', ARGV[3])
if ARGV[2] == 'revising' then
  redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
else
  redis.call('HSET', KEYS[1], 'state', ARGV[2], 'reason', ARGV[6])
  if ARGV[2] == 'approved' then redis.call('SADD', KEYS[3], ARGV[7]) end
end
return 1`;

/** The edit lease KEYS[2] is ARGV[1]'s: end it, recording ARGV[2] at the next revision. 1 when it was. */
const END_EDIT = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
redis.call('HINCRBY', KEYS[1], 'revision', 1)
redis.call('HSET', KEYS[1], 'change', ARGV[2])
return 1`;

/** The edit lease KEYS[1] is ARGV[1]'s: renewed for ARGV[2] ms. 1 when it was. */
const BEAT_EDIT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

export type ReviewChange = { to: 'revising'; owner: string; leaseMs: number } | { to: 'approved' } | { to: 'rejected'; reason: string };

export class BullmqReview {
  constructor(
    private readonly connection: Redis,
    private readonly queue: Queue<JobData>,
  ) {}

  /** Each job's review record (null: none yet), as a desk reads it, in one round trip for all of them. */
  async standings(ids: readonly string[]): Promise<(ReviewStanding | null)[]> {
    if (ids.length === 0) return [];
    const pipeline = this.connection.pipeline();
    for (const id of ids) {
      const keys = reviewKeys(this.queue, id);
      pipeline.hgetall(keys.record).exists(keys.lease);
    }
    const answers = (await pipeline.exec()) ?? [];
    return ids.map((_, index) => {
      const [recordError, record] = answers[2 * index] ?? [];
      const [leaseError, leased] = answers[2 * index + 1] ?? [];
      if (recordError || leaseError) throw recordError ?? leaseError;
      return standingOf(record as Record<string, string>, leased === 1);
    });
  }

  /** The change, if the job is still at `revision`, awaiting review and not being edited: true when made. */
  async change(id: string, revision: number, change: ReviewChange, note: string): Promise<boolean> {
    const keys = reviewKeys(this.queue, id);
    const made = await this.connection.eval(
      CHANGE_REVIEW,
      3,
      keys.record,
      keys.lease,
      keys.approved,
      revision,
      change.to,
      note,
      change.to === 'revising' ? change.owner : '',
      change.to === 'revising' ? change.leaseMs : 0,
      change.to === 'rejected' ? change.reason : '',
      id,
    );
    return made === 1;
  }

  async beatEdit(id: string, owner: string, leaseMs: number): Promise<boolean> {
    return (await this.connection.eval(BEAT_EDIT, 1, reviewKeys(this.queue, id).lease, owner, leaseMs)) === 1;
  }

  async endEdit(id: string, owner: string, note: string): Promise<boolean> {
    const keys = reviewKeys(this.queue, id);
    return (await this.connection.eval(END_EDIT, 2, keys.record, keys.lease, owner, note)) === 1;
  }

  /**
   * Every approved job still held for review: its data marked approved, then back in the wait list with a fresh
   * count of attempts (BullMQ's retry of a completed job, which drops its result). Run by the approving desk and
   * by every worker; a job another of them moved first is only taken off the set.
   */
  async resumeApproved(): Promise<void> {
    const approved = approvedKey(this.queue);
    for (const id of await this.connection.smembers(approved)) {
      const job = await this.queue.getJob(id);
      if (job !== undefined && (await job.getState()) === 'completed' && isNarratedForReview(job.returnvalue)) {
        await job.updateData({ ...job.data, approved: true });
        try {
          await job.retry('completed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        } catch (error) {
          if ((await job.getState()) === 'completed') throw error;
        }
      }
      await this.connection.srem(approved, id);
    }
  }
}

/** A record as stored, or null; a lease that lapsed reads as the abandoned edit it was. */
function standingOf(record: Record<string, string>, leased: boolean): ReviewStanding | null {
  if (Object.keys(record).length === 0) return null;
  const stored = STORED_STATES.find((state) => state === record.state) ?? 'awaitingReview';
  const change = record.change ?? null;
  return {
    state: stored === 'awaitingReview' && leased ? 'revising' : stored,
    revision: Number(record.revision) || 0,
    lastChange: stored === 'awaitingReview' && !leased && change === REVIEW_CHANGES.editing ? REVIEW_CHANGES.abandoned : change,
    reason: record.reason || null,
  };
}

/** A job held for review with no record yet: just narrated. */
export const JUST_NARRATED: ReviewStanding = { state: 'awaitingReview', revision: 0, lastChange: REVIEW_CHANGES.narrated, reason: null };
