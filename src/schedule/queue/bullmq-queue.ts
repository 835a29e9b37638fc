// Several machines: the same jobs on BullMQ over Redis. The job id is a hash of the item key, so an item is
// queued once however many schedulers see it; completed and failed jobs are kept so a done item is never queued
// again, and a hash of article links to job ids keeps one article listed by two feeds to one job. Each job runs in BullMQ's sandboxed processor (bullmq-processor.ts, a child process per worker), so the
// worker's own event loop only talks to Redis and renews the job's lock on time. A worker that dies stops
// renewing it; another worker's stalled-job check puts the job back and it runs again (the published folder makes
// a rerun after publishing a no-op). Review (bullmq-review.ts) holds a narrated job as completed until a desk
// approves it; the queue is also the desk's store (DeskStore).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { UserError } from '../../errors.ts';
import type { JobSpec, JobView } from '../job.ts';
import { isLegacyJobOf, legacyKey } from '../item-key.ts';
import { backoffSeconds, type RetryPolicy } from '../retry.ts';
import { isNarratedForReview, SETTINGS_VARIABLE, stateOf, viewOf, type JobData, type JobResult } from './bullmq-job.ts';
import { BullmqReview, JUST_NARRATED, type ReviewChange } from './bullmq-review.ts';
import { type DeskStore, REVIEW_CHANGES, rejectionNote } from './desk-store.ts';
import { errorMessage, type JobHandlers, type JobQueue, type ProcessOptions } from './job-queue.ts';
import { noSuchJob, notAwaitingReview, notRetryable, staleRevision } from './job-refusal.ts';

const QUEUE_NAME = 'kokoro-news-video';
const CONNECT_TIMEOUT_MS = 5000;
const IDLE_POLL_MS = 1000;
const MAX_STALLS = 2;
const PROCESSOR_FILE = fileURLToPath(new URL('./bullmq-processor.ts', import.meta.url));

/** BullMQ, loaded as ESM, takes Redis clients made by the caller. */
function connect(url: string): Redis {
  // Workers block on Redis; BullMQ requires retries without a per-request limit.
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
}

function jobId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * Record the job (ARGV[2]) as the one for an article link (ARGV[1]) in the hash KEYS[1], unless another job that
 * still exists (its hash is ARGV[3] .. id) holds the link: 1 when recorded. One script, so two schedulers reading
 * two feeds of one article cannot both pass. A link whose job is gone (a crash between this and adding the job)
 * is free again; that leaves a window of one `add` in which two schedulers could each queue the article.
 */
const CLAIM_LINK = `
local holder = redis.call('HGET', KEYS[1], ARGV[1])
if holder and holder ~= ARGV[2] and redis.call('EXISTS', ARGV[3] .. holder) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

export class BullmqQueue implements JobQueue, DeskStore {
  private readonly queue: Queue<JobData>;
  private readonly connection: Redis;
  private readonly review: BullmqReview;

  private constructor(
    private readonly url: string,
    private readonly policy: RetryPolicy,
    private readonly leaseMs: number,
  ) {
    this.connection = connect(url);
    this.queue = new Queue<JobData>(QUEUE_NAME, { connection: this.connection });
    this.review = new BullmqReview(this.connection, this.queue);
  }

  /** Connect, or fail with a clear error when Redis does not answer. */
  static async open(url: string, policy: RetryPolicy, leaseMs: number): Promise<BullmqQueue> {
    const queue = new BullmqQueue(url, policy, leaseMs);
    let lastError = 'no answer';
    queue.connection.on('error', (error: Error) => (lastError = error.message || lastError));
    queue.queue.on('error', (error) => (lastError = error.message || lastError));
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(lastError)), CONNECT_TIMEOUT_MS).unref());
    try {
      await Promise.race([queue.connection.ping(), timeout]);
    } catch (error) {
      queue.connection.disconnect();
      await queue.queue.close().catch(() => undefined);
      throw new UserError(
        `Redis at ${url} is unreachable (${errorMessage(error)})`,
        'Start redis-server there, or set queue: to a reachable redis://host:port (or sqlite:<file> on one machine)',
      );
    }
    return queue;
  }

  /** Queued unless known: its key, its article link under another key, or its key from before GUIDs were keyed by feed. */
  async enqueue(spec: JobSpec): Promise<boolean> {
    const id = jobId(spec.key);
    if ((await this.queue.getJob(id)) !== undefined) return false;
    const legacy = legacyKey(spec);
    const old = legacy === null ? undefined : await this.queue.getJob(jobId(legacy));
    if (old !== undefined && isLegacyJobOf((old.data as Partial<JobData> | null)?.spec, spec)) return false;
    const link =
      spec.itemUrl === null ? 1 : await this.connection.eval(CLAIM_LINK, 1, this.queue.toKey('item-urls'), spec.itemUrl, id, this.queue.toKey(''));
    if (link !== 1) return false;
    await this.queue.add(
      'item',
      { spec, createdAt: new Date().toISOString() },
      {
        jobId: id,
        attempts: this.policy.maxAttempts,
        backoff: { type: 'policy' },
        removeOnComplete: false,
        removeOnFail: false,
      },
    );
    return true;
  }

  /** The jobs as views, each with its review record: a job held for review reads as where its review stands. */
  private async views(jobs: readonly Job<JobData, JobResult>[]): Promise<JobView[]> {
    const [states, reviews] = await Promise.all([Promise.all(jobs.map((job) => job.getState())), this.review.standings(jobs.map((job) => job.id!))]);
    return jobs.map((job, index) => {
      const review = reviews[index]!;
      const held = states[index] === 'completed' && isNarratedForReview(job.returnvalue) ? (review ?? JUST_NARRATED) : null;
      // BullMQ keeps a job's last progress after it ends: only a running job's is shown.
      const progress = states[index] === 'active' ? job.progress : undefined;
      return viewOf(job, stateOf(states[index]!, job.progress, held), held ?? review, progress);
    });
  }

  async list(): Promise<JobView[]> {
    const jobs = await this.queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
    const views = await this.views(jobs.filter((job): job is Job<JobData, JobResult> => job !== undefined));
    return views.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async get(id: string): Promise<JobView> {
    const job = await this.queue.getJob(id);
    if (job === undefined) throw noSuchJob(id);
    return (await this.views([job]))[0]!;
  }

  async byKey(key: string): Promise<JobView | null> {
    const job = await this.queue.getJob(jobId(key));
    return job === undefined ? null : (await this.views([job]))[0]!;
  }

  async retry(id: string): Promise<JobView> {
    const view = await this.get(id);
    if (view.state !== 'failed' && view.state !== 'done') throw notRetryable(id, view.state);
    const job = (await this.queue.getJob(id))!;
    await job.retry(view.state === 'done' ? 'completed' : 'failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return this.get(id);
  }

  /** A desk's change of a job awaiting review, or the refusal that says what happened first. */
  private async changeReview(id: string, revision: number, change: ReviewChange, note: string): Promise<JobView> {
    const view = await this.get(id);
    if (view.revision !== revision) throw staleRevision(id, revision, view);
    if (view.state !== 'awaitingReview') throw notAwaitingReview(id, view.state);
    if (!(await this.review.change(id, revision, change, note))) {
      const now = await this.get(id);
      throw now.revision !== revision ? staleRevision(id, revision, now) : notAwaitingReview(id, now.state);
    }
    return this.get(id);
  }

  beginEdit(id: string, revision: number, owner: string): Promise<JobView> {
    return this.changeReview(id, revision, { to: 'revising', owner, leaseMs: this.leaseMs }, REVIEW_CHANGES.editing);
  }

  beatEdit(id: string, owner: string): Promise<boolean> {
    return this.review.beatEdit(id, owner, this.leaseMs);
  }

  async endEdit(id: string, owner: string, change: string): Promise<JobView | null> {
    return (await this.review.endEdit(id, owner, change)) ? this.get(id) : null;
  }

  async approve(id: string, revision: number): Promise<JobView> {
    await this.changeReview(id, revision, { to: 'approved' }, REVIEW_CHANGES.approved);
    await this.review.resumeApproved();
    return this.get(id);
  }

  reject(id: string, revision: number, reason: string | null): Promise<JobView> {
    return this.changeReview(id, revision, { to: 'rejected', reason: rejectionNote(reason) }, REVIEW_CHANGES.rejected);
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.connection.quit();
  }

  private async isIdle(): Promise<boolean> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized');
    return Object.values(counts).every((count) => count === 0);
  }

  async process(handlers: JobHandlers, options: ProcessOptions): Promise<void> {
    const workerConnection = connect(this.url);
    const worker = new Worker<JobData, JobResult>(QUEUE_NAME, PROCESSOR_FILE, {
      connection: workerConnection,
      concurrency: 1,
      // The lock is a Redis key with a TTL, so it expires on the Redis server's clock: one clock for every worker,
      // and a step of a worker host's clock changes nothing. A step of the Redis host's clock (not its
      // monotonic expiry) is what could end or extend locks there.
      lockDuration: this.leaseMs,
      stalledInterval: this.leaseMs / 2,
      // A worker killed mid-job (a reboot, a deploy) is not the job's fault: the job runs again and the lost run
      // is not a failed attempt. A job whose workers died under it twice is likely what kills them (out of
      // memory): it fails instead of taking down one worker after another.
      maxStalledCount: MAX_STALLS,
      settings: { backoffStrategy: (attemptsMade) => backoffSeconds(this.policy, attemptsMade) * 1000 },
      // The child inherits this process's environment and its --import of tsx; the settings travel with it.
      workerForkOptions: { env: { ...process.env, [SETTINGS_VARIABLE]: JSON.stringify(handlers.settings) } },
    });
    worker.on('active', (job) => handlers.log(`job ${job.id}: ${job.data.spec.title} (attempt ${job.attemptsStarted})`));
    worker.on('failed', (job, error) => handlers.log(`job ${job?.id ?? '?'}: ${error.message}`));
    worker.on('error', (error) => handlers.log(`queue error: ${error.message}`));
    // A job whose lock could not be renewed may already be running on another worker: stop it here, as the
    // SQLite queue does when its lease is lost, so the work is not done twice.
    worker.on('lockRenewalFailed', (jobIds) => {
      for (const id of jobIds) worker.cancelJob(id, `job ${id}'s lock was lost; another worker may take it`);
    });
    worker.on('completed', (job, finished) =>
      handlers.log(
        isNarratedForReview(finished)
          ? `job ${job.id}: narrated, awaiting review (${finished.awaitingReview})`
          : `job ${job.id}: done, ${finished.folder}${finished.produced ? '' : ' (published by an earlier attempt)'}`,
      ),
    );
    // Approved jobs whose desk stopped before putting them back in the wait list: any worker finishes the step.
    const resume = () => this.review.resumeApproved().catch((error: unknown) => handlers.log(`queue error: ${errorMessage(error)}`));
    await resume();
    const resuming = setInterval(() => void resume(), IDLE_POLL_MS);
    const stopped = new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
    try {
      if (options.untilIdle) {
        while (!options.signal.aborted && !(await this.isIdle()))
          await Promise.race([new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS)), stopped]);
      } else {
        await stopped;
      }
    } finally {
      clearInterval(resuming);
      if (options.signal.aborted) worker.cancelAllJobs('the scheduler is stopping');
      await worker.close(options.signal.aborted);
      await workerConnection.quit();
    }
  }
}
