// The queue the config names: sqlite:<file> (embedded, the default) or redis://host:port (BullMQ).
import type { ScheduleConfig } from '../config.ts';
import { BullmqQueue } from './bullmq-queue.ts';
import type { JobQueue } from './job-queue.ts';
import { SqliteQueue } from './sqlite-queue.ts';

export async function openQueue(config: Pick<ScheduleConfig, 'queue' | 'retry' | 'leaseSeconds'>): Promise<JobQueue> {
  const leaseMs = config.leaseSeconds * 1000;
  return config.queue.kind === 'sqlite'
    ? new SqliteQueue(config.queue.file, config.retry, leaseMs)
    : BullmqQueue.open(config.queue.url, config.retry, leaseMs);
}
