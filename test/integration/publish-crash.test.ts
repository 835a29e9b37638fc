// publishFolder killed for real (SIGKILL from inside fs.promises.rename, patched in a child process) before
// each of its two renames: the next run into the same folder finds the earlier folder in place or puts it
// back, never an empty spot. Before the fix, a kill between the renames lost the earlier folder for good.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { publishFolder } from '../../src/output/publish.ts';

/** Run publishFolder(target) in a child that kills itself with SIGKILL as its rename number `killAt` starts. */
function publishKilledAt(target: string, killAt: number): NodeJS.Signals | null {
  const script = `
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const rename = fs.promises.rename;
    let calls = 0;
    fs.promises.rename = (...args) => (++calls === ${killAt} ? process.kill(process.pid, 'SIGKILL') : rename(...args));
    syncBuiltinESMExports();
    const { publishFolder } = await import(${JSON.stringify(path.resolve('src/output/publish.ts'))});
    await publishFolder(${JSON.stringify(target)}, (folder) => fs.promises.writeFile(folder + '/new.txt', 'new'));`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).signal;
}

describe('publishFolder killed mid-swap', () => {
  for (const killAt of [1, 2]) {
    it(`keeps the earlier folder findable when killed before rename ${killAt}`, async () => {
      const parent = await mkdtemp(path.join(tmpdir(), 'publish-crash-'));
      const target = path.join(parent, 'out');
      await publishFolder(target, (folder) => writeFile(path.join(folder, 'old.txt'), 'old'));
      assert.equal(publishKilledAt(target, killAt), 'SIGKILL');
      // The next run into the folder: its build fails, so what stays is what recovery found.
      await assert.rejects(
        publishFolder(target, () => Promise.reject(new Error('next run fails'))),
        /next run fails/,
      );
      assert.equal(await readFile(path.join(target, 'old.txt'), 'utf8'), 'old');
      assert.deepEqual(await readdir(parent), ['out'], 'no leftover beside it');
    });
  }
});
