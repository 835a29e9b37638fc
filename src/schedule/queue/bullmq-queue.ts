// Several machines: the same jobs on BullMQ over Redis. The job id is a hash of the item key, so an item is
// queued once however many schedulers see it; completed and failed jobs are kept so a done item is never queued
// again, and a hash of article links to job ids keeps one article listed by two feeds to one job. Each job runs in BullMQ's sandboxed processor (bullmq-processor.ts, a child process per worker), so the
// worker's own event loop only talks to Redis and renews the job's lock on time. A worker that dies stops
// renewing it; another worker's stalled-job check puts the job back and it runs again (the published folder makes
// a rerun after publishing a no-op).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { UserError } from '../../errors.ts';
import type { JobSpec, JobView } from '../job.ts';
import { isLegacyJobOf, legacyKey } from '../item-key.ts';
import { backoffSeconds, type RetryPolicy } from '../retry.ts';
import { SETTINGS_VARIABLE, stateOf, viewOf, type FinishedItem, type JobData } from './bullmq-job.ts';
import { errorMessage, type JobHandlers, type JobQueue, type ProcessOptions } from './job-queue.ts';

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

async function toView(job: Job<JobData>): Promise<JobView> {
  return viewOf(job, stateOf(await job.getState(), job.progress));
}

export class BullmqQueue implements JobQueue {
  private readonly queue: Queue<JobData>;
  private readonly connection: Redis;

  private constructor(
    private readonly url: string,
    private readonly policy: RetryPolicy,
    private readonly leaseMs: number,
  ) {
    this.connection = connect(url);
    this.queue = new Queue<JobData>(QUEUE_NAME, { connection: this.connection });
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
    if (spec.review || spec.itemUrl === null) {
      throw new UserError(
        `Job ${spec.key} asks for review or carries pasted text, which the BullMQ queue does not keep yet`,
        'Use queue: sqlite:<file> for review and the desk, or turn review: off',
      );
    }
    const id = jobId(spec.key);
    if ((await this.queue.getJob(id)) !== undefined) return false;
    const legacy = legacyKey(spec);
    const old = legacy === null ? undefined : await this.queue.getJob(jobId(legacy));
    if (old !== undefined && isLegacyJobOf((old.data as Partial<JobData> | null)?.spec, spec)) return false;
    if ((await this.connection.eval(CLAIM_LINK, 1, this.queue.toKey('item-urls'), spec.itemUrl, id, this.queue.toKey(''))) !== 1) return false;
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

  async list(): Promise<JobView[]> {
    const jobs = await this.queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
    const views = await Promise.all(jobs.filter((job): job is Job<JobData> => job !== undefined).map(toView));
    return views.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async retry(id: string): Promise<JobView> {
    const job = await this.queue.getJob(id);
    if (job === undefined) throw new UserError(`There is no job ${id}`, 'Run npm run jobs to see the job ids');
    const state = await job.getState();
    if (state !== 'failed' && state !== 'completed')
      throw new UserError(`Job ${id} is ${stateOf(state, job.progress)}, not failed or done`, 'Only a failed or done job can be requeued');
    await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
    return toView((await this.queue.getJob(id))!);
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
    const worker = new Worker<JobData, FinishedItem>(QUEUE_NAME, PROCESSOR_FILE, {
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
      handlers.log(`job ${job.id}: done, ${finished.folder}${finished.produced ? '' : ' (published by an earlier attempt)'}`),
    );
    const stopped = new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
    try {
      if (options.untilIdle) {
        while (!options.signal.aborted && !(await this.isIdle()))
          await Promise.race([new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS)), stopped]);
      } else {
        await stopped;
      }
    } finally {
      if (options.signal.aborted) worker.cancelAllJobs('the scheduler is stopping');
      await worker.close(options.signal.aborted);
      await workerConnection.quit();
    }
  }
}
