// Several workers on one BullMQ queue over a real redis-server (Debian's package, started here on 127.0.0.1 on
// a free port with its own folder, killed at the end): five items make exactly five videos, and a worker
// killed with SIGKILL mid-render has its job finished by another. Real pipeline throughout.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { UserError } from '../../src/errors.ts';
import { BullmqQueue } from '../../src/schedule/queue/bullmq-queue.ts';
import '../helpers/env.ts';
import { runCli } from '../helpers/env.ts';
import { startNewsSite, type NewsSite } from '../helpers/news-site.ts';
import { freePort, startRedis, type RunningRedis } from '../helpers/redis.ts';
import { JOBS_CLI, jobSpec, readOutput, startScheduler, waitFor, writeConfig, type RunningScheduler } from '../helpers/schedule.ts';

describe('BullMQ over a real redis-server', { timeout: 90 * 60_000 }, () => {
  let site: NewsSite;
  let dir: string;
  let redis: RunningRedis;
  before(async () => {
    site = await startNewsSite();
    dir = mkdtempSync(path.join(tmpdir(), 'schedule-bullmq-'));
    redis = await startRedis(dir);
  });
  after(async () => {
    redis.process.kill('SIGKILL');
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says clearly when Redis is unreachable', async () => {
    await assert.rejects(
      BullmqQueue.open(`redis://127.0.0.1:${await freePort()}`, { maxAttempts: 1, backoffSeconds: 1 }, 10_000),
      (error: Error) => error instanceof UserError && /Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable/.test(error.message),
    );
  });

  it('queues an item once, keyed by its GUID, and requeues a finished job only on request', async () => {
    // Database 1, so this does not touch the queue of the test below.
    const queue = await BullmqQueue.open(`${redis.url}/1`, { maxAttempts: 2, backoffSeconds: 1 }, 10_000);
    try {
      const spec = jobSpec(1);
      assert.equal(await queue.enqueue(spec), true);
      assert.equal(await queue.enqueue(spec), false);
      const [job] = await queue.list();
      assert.deepEqual([job!.key, job!.state, job!.attempts], [spec.key, 'queued', 0]);
      await assert.rejects(queue.retry(job!.id), /is queued, not failed or done/);
      await assert.rejects(queue.retry('nope'), /There is no job nope/);
    } finally {
      await queue.close();
    }
  });

  // Each job runs in BullMQ's sandboxed processor (a child process per worker), so a worker's event loop stays
  // free to renew its lock while the model loads and the text is phonemized: only the killed worker's lock lapses.
  it('three workers make exactly five videos from five items, one worker killed mid-render', async () => {
    for (const title of ['Uno', 'Dos', 'Tres', 'Cuatro', 'Cinco'].map((word) => `Noticia número ${word} del día`)) site.publish(title);
    const config = writeConfig(dir, {
      feeds: [{ url: site.server.url('/rss.xml'), format: 'vertical', maxItems: 10 }],
      queue: redis.url,
      leaseSeconds: 30,
    });
    const output = path.join(dir, 'videos');
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('kokoro-news-video', { connection: client });
    try {
      // The first process reads the feed and works; two more only work, started once the jobs are queued.
      const workers: RunningScheduler[] = [startScheduler(['--config', config, '--once'])];
      // Counted in every state: the first worker starts on a job as soon as it is queued.
      await waitFor(
        'five queued jobs',
        async () => (await queue.getJobCountByTypes('waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed')) === 5,
        10 * 60_000,
      );
      workers.push(startScheduler(['--config', config, '--worker', '--once']), startScheduler(['--config', config, '--worker', '--once']));

      const rendering = await waitFor(
        'a job being rendered',
        async () => (await queue.getActive()).find((job) => (job.progress as { stage?: string }).stage === 'rendering'),
        30 * 60_000,
      );
      const holder = await waitFor(
        'the worker holding it',
        () => workers.find((worker) => [...worker.log().matchAll(/job (\w+): .* \(attempt/g)].at(-1)?.[1] === rendering.id),
        10_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
      holder.kill();
      const others = workers.filter((worker) => worker !== holder);

      const codes = await Promise.all(others.map((worker) => worker.exited));
      assert.deepEqual(codes, [0, 0], others.map((worker) => worker.log()).join('\n'));
      const tree = readOutput(output);
      assert.equal(tree.finished.length, 5, others.map((worker) => worker.log()).join('\n'));
      assert.deepEqual(tree.other, []);
      assert.ok(
        others.some((worker) => worker.log().includes(`job ${rendering.id}: done`)),
        'another worker finished the killed job',
      );

      const jobs = await runCli(JOBS_CLI, ['--config', config, '--json']);
      assert.equal(jobs.code, 0, jobs.stderr);
      const listed = JSON.parse(jobs.stdout) as { id: string; state: string; attempts: number }[];
      assert.deepEqual(
        listed.map((job) => job.state),
        ['done', 'done', 'done', 'done', 'done'],
      );
      assert.ok(listed.find((job) => job.id === rendering.id)!.attempts >= 2);
      // A second pass over the same feed queues nothing: completed jobs keep their ids.
      const again = await runCli('src/cli/schedule.ts', ['--config', config, '--once']);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, /0 new item\(s\) queued/);
      assert.equal(readOutput(output).finished.length, 5);
    } finally {
      await queue.close();
      await client.quit();
    }
  });
});
