// Exactly once through crashes: the scheduler is killed with SIGKILL during narration, restarted and killed
// again during rendering, then restarted to the end. One complete folder per article, nothing partial left,
// and the store consistent. Then two schedulers run at once on one SQLite store: no article is made twice.
// Real pipeline throughout (Kokoro, Remotion, Chromium, ffmpeg); the stage is read from the job store.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import '../helpers/env.ts';
import { startNewsSite, type NewsSite } from '../helpers/news-site.ts';
import { jobsIn, readJobRecord, readOutput, startScheduler, waitFor, writeConfig } from '../helpers/schedule.ts';

const STAGE_TIMEOUT_MS = 20 * 60_000;

describe('crashes and concurrent schedulers on one SQLite store', { timeout: 90 * 60_000 }, () => {
  let site: NewsSite;
  let dir: string;
  before(async () => {
    site = await startNewsSite();
    dir = mkdtempSync(path.join(tmpdir(), 'schedule-crash-'));
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes after kill -9 during narration and during rendering, with one complete folder and no partial file', async () => {
    site.publish('El puerto amplía su horario de carga');
    const config = writeConfig(dir, { feeds: [{ url: site.server.url('/rss.xml'), format: 'vertical' }] });
    const store = path.join(dir, 'jobs.db');
    const output = path.join(dir, 'videos');

    for (const stage of ['narrating', 'rendering'] as const) {
      const scheduler = startScheduler(['--config', config, '--once']);
      // Into the stage: the job is in it and the pipeline has had a few seconds to write into its folder.
      await waitFor(`the job to be ${stage}`, () => jobsIn(store).find((job) => job.state === stage), STAGE_TIMEOUT_MS);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      scheduler.kill();
      assert.equal(await scheduler.exited, null);
      assert.equal(readOutput(output).finished.length, 0, `killed during ${stage}: nothing may look finished`);
      assert.equal(jobsIn(store)[0]!.state, stage, 'the store still shows the job as held by the dead process');
    }

    const last = startScheduler(['--config', config, '--once']);
    assert.equal(await last.exited, 0, last.log());
    const tree = readOutput(output);
    assert.equal(tree.finished.length, 1, last.log());
    assert.deepEqual(tree.other, [], 'no partial folder is left beside the published one');
    const record = readJobRecord(output, tree.finished[0]!);
    assert.ok(statSync(path.join(output, tree.finished[0]!, record.videos.vertical!)).size > 10_000);
    assert.equal(record.attempt, 3);
    const [job] = jobsIn(store);
    assert.deepEqual([job!.state, job!.attempts, job!.lastError], ['done', 3, null]);
  });

  it('never makes one article twice when two schedulers share the store', async () => {
    for (const title of ['Abre el nuevo mercado central', 'La lluvia vuelve al norte', 'El festival de cine anuncia su cartel']) site.publish(title);
    const config = writeConfig(dir, { feeds: [{ url: site.server.url('/rss.xml'), format: 'vertical', maxItems: 10 }] });
    const schedulers = [startScheduler(['--config', config, '--once']), startScheduler(['--config', config, '--once'])];
    const codes = await Promise.all(schedulers.map((scheduler) => scheduler.exited));
    assert.deepEqual(codes, [0, 0], schedulers.map((scheduler) => scheduler.log()).join('\n'));
    const output = path.join(dir, 'videos');
    const tree = readOutput(output);
    assert.equal(tree.finished.length, 4);
    assert.deepEqual(tree.other, []);
    const jobs = jobsIn(path.join(dir, 'jobs.db'));
    assert.deepEqual(
      jobs.map((job) => job.state),
      ['done', 'done', 'done', 'done'],
    );
    assert.deepEqual(
      jobs.slice(1).map((job) => job.attempts),
      [1, 1, 1],
      'each new article was produced by one attempt',
    );
    // Each new article page was read once, by whichever scheduler took it.
    for (const item of site.items.slice(0, 3)) assert.equal(site.hits.get(item.slug), 1, item.title);
    const started = schedulers.map((scheduler) => [...scheduler.log().matchAll(/job (\d+): .* \(attempt/g)].map((match) => match[1]));
    assert.equal(new Set(started.flat()).size, started.flat().length, `no job started in both: ${JSON.stringify(started)}`);
  });
});
