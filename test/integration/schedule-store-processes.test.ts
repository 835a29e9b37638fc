// Three processes claiming from one SQLite job store file at once: no job is handed out twice. The store's
// keys, leases and retries in one process are in test/unit/schedule-store.test.ts.
import assert from 'node:assert/strict';
import { jobSpec as spec } from '../helpers/schedule.ts';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';

const t0 = new Date('2026-11-25T07:00:00Z');

describe('SQLite job store', () => {
  it('never hands one job to two processes claiming from the same file at once', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'schedule-store-')), 'jobs.db');
    const store = new SqliteJobStore(file);
    for (let n = 0; n < 60; n++) store.enqueue(spec(n), t0);
    store.close();
    const claimer = `
      import { SqliteJobStore } from ${JSON.stringify(path.resolve('src/schedule/queue/sqlite-store.ts'))};
      const store = new SqliteJobStore(${JSON.stringify(file)});
      const owner = 'host:' + process.pid + ':x';
      const keys = [];
      for (let job; (job = store.claim(owner, 60000, { maxAttempts: 3, backoffSeconds: 60 }, new Date())); ) {
        keys.push(job.key);
        // Hold each job a moment, as real work does, so the processes' claims interleave.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        store.published(job.id, owner, new Date());
        store.complete(job.id, owner, null, new Date());
      }
      process.stdout.write(JSON.stringify(keys));`;
    const run = () =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', claimer], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (data: Buffer) => (out += data.toString()));
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`claimer exited with ${code}`))));
      });
    const perProcess = await Promise.all([run(), run(), run()]);
    assert.ok(perProcess.filter((keys) => keys.length > 0).length >= 2, 'the claims interleaved');
    const claimed = perProcess.flat();
    assert.equal(claimed.length, 60);
    assert.equal(new Set(claimed).size, 60);
  });
});
