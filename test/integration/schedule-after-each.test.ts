// afterEach under faults, with real processes: a command whose background child holds stderr open is stopped
// at its time limit with everything it started; a worker killed while afterEach runs has it run again on restart,
// without the video being made again.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runAfterEach } from '../../src/schedule/after-each.ts';
import { isRunning } from '../../src/system/process.ts';
import { waitFor } from '../helpers/schedule.ts';

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
