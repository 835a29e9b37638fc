// The embedded queue: jobs in a SQLite file, claimed under a lease renewed while the job runs. Losing the lease
// (this process stalled past it and another took the job) stops the work at once, so a job never runs twice.
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobSpec, JobView } from '../job.ts';
import { classifyFailure, type RetryPolicy } from '../retry.ts';
import { errorMessage, everySecond, type JobHandlers, type JobQueue, type ProcessOptions } from './job-queue.ts';
import { newLeaseOwner } from './lease-owner.ts';
import { SqliteJobStore } from './sqlite-store.ts';

const IDLE_POLL_MS = 2000;

export class SqliteQueue implements JobQueue {
  private readonly store: SqliteJobStore;
  private readonly owner = newLeaseOwner();

  constructor(
    file: string,
    private readonly policy: RetryPolicy,
    private readonly leaseMs: number,
  ) {
    this.store = new SqliteJobStore(file);
  }

  async enqueue(spec: JobSpec): Promise<boolean> {
    return this.store.enqueue(spec, new Date());
  }

  async list(): Promise<JobView[]> {
    return this.store.list();
  }

  async retry(id: string): Promise<JobView> {
    return this.store.retry(id, new Date());
  }

  async close(): Promise<void> {
    this.store.close();
  }

  async process(handlers: JobHandlers, options: ProcessOptions): Promise<void> {
    while (!options.signal.aborted) {
      const job = this.store.claim(this.owner, this.leaseMs, this.policy, new Date());
      if (job === null) {
        if (options.untilIdle && !this.store.watchingLeases()) return;
        await sleep(IDLE_POLL_MS, undefined, { signal: options.signal }).catch(() => undefined);
        continue;
      }
      await this.runClaimed(job, handlers, options.signal);
    }
  }

  private async runClaimed(job: JobView, handlers: JobHandlers, stop: AbortSignal): Promise<void> {
    const lost = new AbortController();
    const signal = AbortSignal.any([stop, lost.signal]);
    const renew = (stage?: 'narrating' | 'rendering') => {
      if (!this.store.renew(job.id, this.owner, new Date(), stage)) lost.abort(new Error(`job ${job.id}'s lease was lost to another worker`));
    };
    const heartbeat = setInterval(() => renew(), this.leaseMs / 3);
    handlers.log(
      `job ${job.id}: ${job.title} (attempt ${job.attempts}${job.state === 'afterEach' ? ', afterEach again: published before a crash' : ''})`,
    );
    try {
      if (job.state !== 'afterEach') {
        const produced = await handlers.run(
          job,
          signal,
          (stage) => renew(stage),
          everySecond((progress) => this.store.progress(job.id, this.owner, progress)),
        );
        if ('awaitingReview' in produced) {
          clearInterval(heartbeat);
          if (this.store.awaitReview(job.id, this.owner, new Date()))
            handlers.log(`job ${job.id}: narrated, awaiting review (${produced.awaitingReview})`);
          return;
        }
        if (!this.store.published(job.id, this.owner, new Date())) return;
        handlers.log(`job ${job.id}: published, ${produced.folder}${produced.produced ? '' : ' (by an earlier attempt)'}`);
      }
      // Still leased while afterEach runs: a crash here leaves the job in afterEach, and a restart runs it again.
      const afterEachError = await handlers.afterDone(job);
      clearInterval(heartbeat);
      if (this.store.complete(job.id, this.owner, afterEachError, new Date())) handlers.log(`job ${job.id}: done`);
    } catch (error) {
      clearInterval(heartbeat);
      const state = this.store.fail(job.id, this.owner, errorMessage(error), classifyFailure(error), this.policy, new Date());
      handlers.log(
        `job ${job.id}: ${state === 'queued' ? 'will be retried' : state === 'failed' ? 'failed' : 'lost its lease'}: ${errorMessage(error)}`,
      );
    }
  }
}
