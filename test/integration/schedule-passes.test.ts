// Scheduled passes end to end on the real pipeline (Kokoro int8, Remotion, Chromium, ffmpeg): a local news site
// on 127.0.0.1 serves an RSS and an Atom feed listing the same articles. A first pass makes one video per new
// item, a second pass makes none, a newly published item makes exactly one more.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import '../helpers/env.ts';
import { runCli } from '../helpers/env.ts';
import { startNewsSite, type NewsSite } from '../helpers/news-site.ts';
import { JOBS_CLI, readJobRecord, readOutput, SCHEDULE_CLI, writeConfig } from '../helpers/schedule.ts';

describe('scheduled passes over RSS and Atom feeds', { timeout: 60 * 60_000 }, () => {
  let site: NewsSite;
  let dir: string;
  let config: string;
  const output = () => path.join(dir, 'videos');

  before(async () => {
    site = await startNewsSite();
    site.publish('Las bibliotecas de barrio abrirán más horas');
    site.publish('El tranvía llegará al puerto en otoño');
    dir = mkdtempSync(path.join(tmpdir(), 'schedule-passes-'));
    config = writeConfig(dir, {
      feeds: [
        { url: site.server.url('/rss.xml'), format: 'vertical', maxItems: 5, maxAgeHours: 48 },
        { url: site.server.url('/atom.xml'), format: 'vertical' },
      ],
    });
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes one video per new item, once, whichever feed lists it', async () => {
    const run = await runCli(SCHEDULE_CLI, ['--config', config, '--once']);
    assert.equal(run.code, 0, run.stderr);
    const tree = readOutput(output());
    assert.equal(tree.finished.length, 2, run.stderr);
    assert.deepEqual(tree.other, []);
    for (const folder of tree.finished) {
      const record = readJobRecord(output(), folder);
      assert.match(folder, /^\d{4}-\d{2}-\d{2}\/[a-z0-9-]+-[0-9a-f]{8}$/);
      assert.ok(statSync(path.join(output(), folder, record.videos.vertical!)).size > 10_000);
      assert.ok(statSync(path.join(output(), folder, 'thumbnail.jpg')).size > 1000);
      assert.ok(statSync(path.join(output(), folder, 'narration.json')).size > 0);
      assert.match(record.model.sha256, /^[0-9a-f]{64}$/);
      assert.ok(record.durations.audioMs > 1000 && record.durations.narrationMs > 0 && record.durations.renderMs > 0);
      assert.ok(record.durations.itemToVideoMs >= record.durations.narrationMs + record.durations.renderMs);
      process.stderr.write(
        `# ${folder}: narration ${record.durations.narrationMs} ms, render ${record.durations.renderMs} ms, item to video ${record.durations.itemToVideoMs} ms, audio ${record.durations.audioMs} ms\n`,
      );
    }
    assert.deepEqual([...site.hits.values()], [1, 1]);
  });

  it('makes nothing on a second pass', async () => {
    const run = await runCli(SCHEDULE_CLI, ['--config', config, '--once']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /0 new item\(s\) queued/);
    assert.equal(readOutput(output()).finished.length, 2);
    assert.deepEqual([...site.hits.values()], [1, 1]);
  });

  it('makes exactly one more video for a newly published item, and lists every job as done', async () => {
    site.publish('La ciudad estrena un parque junto al río');
    const run = await runCli(SCHEDULE_CLI, ['--config', config, '--once']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /1 new item\(s\) queued/);
    const tree = readOutput(output());
    assert.equal(tree.finished.length, 3);
    assert.deepEqual(tree.other, []);
    assert.deepEqual([...site.hits.values()].sort(), [1, 1, 1]);
    const jobs = await runCli(JOBS_CLI, ['--config', config, '--json']);
    assert.equal(jobs.code, 0, jobs.stderr);
    const listed = JSON.parse(jobs.stdout) as { state: string; attempts: number; key: string }[];
    assert.deepEqual(
      listed.map((job) => [job.state, job.attempts]),
      [
        ['done', 1],
        ['done', 1],
        ['done', 1],
      ],
    );
    assert.deepEqual(listed.map((job) => job.key).sort(), site.items.map((item) => `guid:${site.server.url('/rss.xml')}#${item.guid}`).sort());
  });
});
