// The scheduler CLI on an invalid config: one error line, exit code 1, nothing touched. The config's parsing
// and its messages are in test/unit/schedule-config.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/env.ts';
import { SCHEDULE_CLI } from '../helpers/schedule.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'schedule-config-'));
const file = path.join(dir, 'feeds.yaml');

describe('schedule config', () => {
  it('ends the scheduler with one error line and exit code 1 on an invalid config, touching nothing', async () => {
    writeFileSync(file, 'feeds:\n  - url: https://e.com/f\n    format: portrait\n');
    const run = await runCli(SCHEDULE_CLI, ['--config', file, '--once']);
    assert.equal(run.code, 1);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /^error: .*feeds\[0\]\.format/);
    assert.deepEqual(readdirSync(dir).sort(), ['feeds.yaml']);
  });
});
