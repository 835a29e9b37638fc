// afterEach under faults, with real processes: a command whose background child holds stderr open is stopped
// at its time limit with everything it started; a worker killed while afterEach runs has it run again on restart,
// without the video being made again.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runAfterEach } from '../../src/schedule/after-each.ts';
import { JOB_RECORD_FILE } from '../../src/schedule/job-record.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import { isRunning } from '../../src/system/process.ts';
import '../helpers/env.ts';
import { runCli } from '../helpers/env.ts';
import { jobSpec, jobsIn, publishedRecord, SCHEDULE_CLI, startScheduler, waitFor, writeConfig } from '../helpers/schedule.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'schedule-after-each-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Gone, or a zombie waiting for a parent that does not reap it (a container's init): neither runs anything. */
function isGone(pid: number): boolean {
  if (!isRunning(pid)) return true;
  return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

describe('afterEach time limit', () => {
  it('stops a hanging command and the grandchild holding its stderr at the limit', async () => {
    const folder = mkdtempSync(path.join(dir, 'hang-'));
    const started = performance.now();
    const error = await runAfterEach(`sh -c 'sleep 30 & echo $! > "$1/grandchild.pid"; sleep 30' inner "$1"`, folder, 1000);
    const elapsed = performance.now() - started;
    assert.match(error ?? '', /stopped after its time limit of 1 s/);
    assert.ok(elapsed < 2500, `returned after ${Math.round(elapsed)} ms`);
    const grandchild = Number(readFileSync(path.join(folder, 'grandchild.pid'), 'utf8'));
    await waitFor(`the grandchild ${grandchild} to be gone`, () => isGone(grandchild), 3000);
  });
});

describe('a worker killed while afterEach runs', () => {
  it('leaves the job in afterEach, and a restarted worker runs afterEach once more without making the video again', async () => {
    const base = mkdtempSync(path.join(dir, 'crash-'));
    const runs = path.join(base, 'afterEach-runs.txt');
    const marker = path.join(base, 'first-run');
    // The first run hangs (the worker is killed in it); the one after the restart returns at once.
    const afterEach = `echo "$1" >> ${runs}; if [ ! -e ${marker} ]; then touch ${marker}; sleep 60; fi`;
    const config = writeConfig(base, { feeds: [{ url: 'http://127.0.0.1:9/rss.xml' }], afterEach });
    const file = path.join(base, 'jobs.db');
    const spec = jobSpec(1);
    const store = new SqliteJobStore(file);
    store.enqueue(spec, new Date());
    store.close();
    // The job's folder, published: its item (https://e.com/1) cannot be fetched here, so a render would fail.
    const folder = path.join(base, 'videos', spec.folder);
    mkdirSync(folder, { recursive: true });
    const record = `${JSON.stringify(publishedRecord(spec))}\n`;
    writeFileSync(path.join(folder, JOB_RECORD_FILE), record);

    const worker = startScheduler(['--config', config, '--worker', '--once']);
    await waitFor('afterEach to start', () => existsSync(marker), 60_000);
    worker.kill();
    await worker.exited;
    assert.deepEqual(
      jobsIn(file).map((job) => job.state),
      ['afterEach'],
      worker.log(),
    );

    const restart = await runCli(SCHEDULE_CLI, ['--config', config, '--worker', '--once']);
    assert.equal(restart.code, 0, restart.stderr);
    assert.equal(readFileSync(runs, 'utf8'), `${folder}\n${folder}\n`, 'afterEach ran once before the kill and once after the restart');
    const [job] = jobsIn(file);
    assert.deepEqual([job!.state, job!.afterEachError, job!.lastError], ['done', null, null], restart.stderr);
    assert.doesNotMatch(restart.stderr, /narrating|rendering|could not be found/);
    assert.equal(readFileSync(path.join(folder, JOB_RECORD_FILE), 'utf8'), record, 'the published folder is as it was');
  });
});
