// A job row shaped by someone who can write to the store (a Redis without a password, a copied SQLite file):
// its folder points outside the output root (../../victim, or an absolute path, which the old path.join
// happened to keep inside), at a folder holding a file of someone else's, and afterEach is
// `rm -rf "$1"`, as an upload that moves the folder away would be. The folder even holds a job.json for the key,
// so a worker that trusted the stored path would take it as published and hand it to afterEach. A real worker
// (the scheduler's CLI) must refuse the job with the reason and leave the folder and its file as they were.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_RECORD_FILE } from '../../src/schedule/job-record.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import '../helpers/env.ts';
import { runCli } from '../helpers/env.ts';
import { HAS_REDIS, startRedis, type RunningRedis } from '../helpers/redis.ts';
import { jobSpec, publishedRecord, SCHEDULE_CLI, writeConfig } from '../helpers/schedule.ts';

const REFUSED = /is not a valid job \(folder must be YYYY-MM-DD\/item-1-[0-9a-f]{8} .*not ".*victim"\)/;

/**
 * A case's folder (config, store, output root OUT = <case>/home/videos) and, two levels above OUT, a folder
 * outside it with a file and a job.json that claims it is job 1's published folder.
 */
function newCase(dir: string, name: string): { base: string; victim: string } {
  const top = mkdtempSync(path.join(dir, `${name}-`));
  const base = path.join(top, 'home');
  mkdirSync(base);
  const victim = path.join(top, 'victim');
  mkdirSync(victim, { recursive: true });
  writeFileSync(path.join(victim, 'precious.txt'), 'not the scheduler’s');
  writeFileSync(path.join(victim, JOB_RECORD_FILE), JSON.stringify(publishedRecord(jobSpec(1))));
  return { base, victim };
}

/** The folder as the attacker writes it: climbing out of OUT, or absolute. */
const shapes = (victim: string) => ({ relative: '../../victim', absolute: victim });

describe('a job row whose folder points outside the output root', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'schedule-rows-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const shape of ['relative', 'absolute'] as const) {
    it(`is refused by a SQLite worker (${shape} path), and the folder outside stays`, async () => {
      const { base, victim } = newCase(dir, 'sqlite');
      const config = writeConfig(base, { feeds: [{ url: 'http://127.0.0.1:9/rss.xml' }], afterEach: 'rm -rf "$1"' });
      const file = path.join(base, 'jobs.db');
      new SqliteJobStore(file).close();
      const db = new Database(file);
      const time = new Date().toISOString();
      db.prepare(`INSERT INTO jobs (key, spec, state, created_at, updated_at, next_attempt_at) VALUES (?, ?, 'queued', ?, ?, ?)`).run(
        jobSpec(1).key,
        JSON.stringify({ ...jobSpec(1), folder: shapes(victim)[shape] }),
        time,
        time,
        time,
      );
      const run = await runCli(SCHEDULE_CLI, ['--config', config, '--worker', '--once']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(readFileSync(path.join(victim, 'precious.txt'), 'utf8'), 'not the scheduler’s', run.stderr);
      const row = db.prepare(`SELECT state, last_error FROM jobs`).get() as { state: string; last_error: string };
      db.close();
      assert.equal(row.state, 'failed');
      assert.match(row.last_error, REFUSED);
      assert.equal(existsSync(path.join(base, 'videos', '2026-11-25')), false, 'nothing was made inside the output root either');
    });
  }

  describe('in Redis', { skip: HAS_REDIS ? false : 'redis-server is not installed' }, () => {
    let redis: RunningRedis;
    before(async () => {
      redis = await startRedis(dir);
    });
    after(() => redis.process.kill('SIGKILL'));

    for (const [index, shape] of (['relative', 'absolute'] as const).entries()) {
      it(`is refused by a BullMQ worker (${shape} path), and the folder outside stays`, async () => {
        const { base, victim } = newCase(dir, 'redis');
        // A database of its own per case, so each worker sees only its crafted job.
        const url = `${redis.url}/${index + 2}`;
        const config = writeConfig(base, { feeds: [{ url: 'http://127.0.0.1:9/rss.xml' }], afterEach: 'rm -rf "$1"', queue: url });
        const client = new Redis(url, { maxRetriesPerRequest: null });
        const queue = new Queue('kokoro-news-video', { connection: client });
        try {
          await queue.add(
            'item',
            { spec: { ...jobSpec(1), folder: shapes(victim)[shape] }, createdAt: new Date().toISOString() },
            { jobId: 'crafted', attempts: 3, removeOnComplete: false, removeOnFail: false },
          );
          const run = await runCli(SCHEDULE_CLI, ['--config', config, '--worker', '--once']);
          assert.equal(run.code, 0, run.stderr);
          assert.equal(readFileSync(path.join(victim, 'precious.txt'), 'utf8'), 'not the scheduler’s', run.stderr);
          const job = (await queue.getJob('crafted'))!;
          assert.equal(await job.getState(), 'failed');
          assert.match(job.failedReason, REFUSED);
          assert.equal(job.attemptsMade, 1, 'refused at once, not retried');
        } finally {
          await queue.close();
          await client.quit();
        }
      });
    }
  });
});
