// The editor's desk over the BullMQ queue: a real redis-server (Debian's, on 127.0.0.1), the desk as `npm run desk
// -- --config` runs it, a scheduler worker beside it, the real model and renderer. Review works as on the SQLite
// store: a job stops awaiting review once narrated, a correction re-synthesizes one pass, two desks acting on one
// revision get one success and one 409, an edit lease that lapses hands the job back, a rejected job is kept and
// never made, and the approved one is rendered from the corrected narration.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NarrationSchema } from '../../src/contract/narration.ts';
import type { DeskJob } from '../../src/contract/desk.ts';
import { BullmqQueue } from '../../src/schedule/queue/bullmq-queue.ts';
import { REVIEW_CHANGES } from '../../src/schedule/queue/desk-store.ts';
import '../helpers/env.ts';
import { type RunningDesk, startDesk, startWorker } from '../helpers/desk.ts';
import { type NewsSite, startNewsSite } from '../helpers/news-site.ts';
import { HAS_REDIS, type RunningRedis, startRedis } from '../helpers/redis.ts';
import { type RunningScheduler, waitFor, writeConfig } from '../helpers/schedule.ts';

const MINUTES = 60_000;

describe('the desk over BullMQ and a real redis-server', { skip: !HAS_REDIS && 'redis-server is not installed', timeout: 20 * MINUTES }, () => {
  let dir: string;
  let redis: RunningRedis;
  let config: string;
  let desks: RunningDesk[];
  let worker: RunningScheduler;
  let site: NewsSite;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'desk-bullmq-'));
    redis = await startRedis(dir);
    // A feed is required by the config; this one stays empty, every job comes from the desk.
    site = await startNewsSite();
    config = writeConfig(dir, { queue: redis.url, feeds: [{ url: site.server.url('/rss.xml') }] });
    desks = await Promise.all([startDesk(['--config', config]), startDesk(['--config', config])]);
    worker = startWorker(config);
  });
  after(async () => {
    worker?.kill();
    await Promise.all((desks ?? []).map((desk) => desk.close()));
    redis?.process.kill('SIGKILL');
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function call(desk: RunningDesk, method: string, url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${desk.origin}${url}`, {
      method,
      headers: body === undefined ? { origin: desk.origin } : { origin: desk.origin, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const jobOf = async (desk: RunningDesk, id: string) => (await call(desk, 'GET', `/api/jobs/${id}`)).body.job as DeskJob;
  const reaches = (desk: RunningDesk, id: string, state: string, timeoutMs: number) =>
    waitFor(
      `job ${id} to be ${state}`,
      async () => {
        const job = await jobOf(desk, id);
        if (job.state === 'failed') throw new Error(`job ${id} failed: ${job.lastError}\n${worker.log()}`);
        return job.state === state && job;
      },
      timeoutMs,
    );

  it('reviews, corrects, approves and rejects jobs, one desk at a time', async () => {
    const [desk, other] = desks as [RunningDesk, RunningDesk];
    const submit = async (title: string, text: string) => {
      const created = await call(desk, 'POST', '/api/jobs', { title, text, formats: ['vertical'] });
      assert.equal(created.status, 201, String(created.body.error));
      return (created.body.job as DeskJob).id;
    };
    const kept = await submit('La biblioteca amplía su horario', 'La biblioteca abrirá más horas. El ayuntamiento pagará la obra.');
    const dropped = await submit('Nota que no saldrá', 'Esta nota se rechaza en la revisión.');

    const narrated = await reaches(desk, kept, 'awaitingReview', 6 * MINUTES);
    assert.deepEqual([narrated.revision, narrated.lastChange], [0, REVIEW_CHANGES.narrated]);
    assert.ok(narrated.links.narration, 'the narration under review is served');
    await reaches(other, dropped, 'awaitingReview', 4 * MINUTES);

    // A correction: one pass synthesized again, the job back in review at a new revision.
    const underReview = NarrationSchema.parse((await call(desk, 'GET', `/api/jobs/${kept}/narration`)).body);
    const sentence = underReview.sentences.findIndex((span) => span.text.includes('pagará la obra'));
    assert.ok(sentence >= 0, `the sentence to correct: ${underReview.sentences.map((span) => span.text).join(' | ')}`);
    const edited = await call(desk, 'POST', `/api/jobs/${kept}/edits`, {
      revision: 0,
      sentences: [{ sentence, text: 'El ayuntamiento pagará la reforma.' }],
    });
    assert.equal(edited.status, 200, String(edited.body.error));
    assert.equal((edited.body.resynthesis as { passesSynthesized: number }).passesSynthesized, 1, JSON.stringify(edited.body.resynthesis));
    const afterEdit = edited.body.job as DeskJob;
    assert.deepEqual([afterEdit.state, afterEdit.revision, afterEdit.lastChange], ['awaitingReview', 2, 'edited at a desk']);

    // The other desk still holds revision 0: its approval is refused, and nothing changes.
    const stale = await call(other, 'POST', `/api/jobs/${kept}/approve`, { revision: 0 });
    assert.equal(stale.status, 409);
    assert.match(String(stale.body.error), /changed since revision 0: it is at revision 2 \(edited at a desk\), now awaitingReview/);
    assert.equal((await jobOf(other, kept)).state, 'awaitingReview');

    // Both desks approve revision 2 at once: one wins, the other is told the job moved on.
    const both = await Promise.all([desk, other].map((one) => call(one, 'POST', `/api/jobs/${kept}/approve`, { revision: 2 })));
    assert.deepEqual(both.map((answer) => answer.status).sort(), [200, 409], JSON.stringify(both.map((answer) => answer.body)));

    // An edit lease that lapses (a desk that died mid-edit) hands the job back to review; its end comes too late.
    const store = await BullmqQueue.open(redis.url, { maxAttempts: 1, backoffSeconds: 1 }, 600);
    try {
      const revising = await store.beginEdit(dropped, 0, 'a-desk-that-dies');
      assert.equal(revising.state, 'revising');
      const meanwhile = await call(desk, 'POST', `/api/jobs/${dropped}/reject`, { revision: 1 });
      assert.equal(meanwhile.status, 409);
      assert.match(String(meanwhile.body.error), /is revising, not awaiting review/);
      const back = await waitFor(
        'the edit lease to lapse',
        async () => (await store.get(dropped)).state === 'awaitingReview' && store.get(dropped),
        10_000,
      );
      assert.equal(back.lastChange, REVIEW_CHANGES.abandoned);
      assert.equal(await store.endEdit(dropped, 'a-desk-that-dies', 'too late'), null);
    } finally {
      await store.close();
    }
    const rejected = await call(other, 'POST', `/api/jobs/${dropped}/reject`, { revision: 1, reason: 'no es noticia' });
    assert.equal(rejected.status, 200, String(rejected.body.error));
    assert.deepEqual(
      [(rejected.body.job as DeskJob).state, (rejected.body.job as DeskJob).lastError],
      ['rejected', 'rejected at the desk: no es noticia'],
    );
    const retried = await call(desk, 'POST', `/api/jobs/${dropped}/retry`);
    assert.equal(retried.status, 409);
    assert.match(String(retried.body.error), /is rejected, not failed or done/);

    // The approved job renders from the corrected narration; the rejected one stays as it was.
    const done = await reaches(desk, kept, 'done', 6 * MINUTES);
    const folder = path.join(dir, 'videos', done.folder);
    const narration = NarrationSchema.parse(JSON.parse(readFileSync(path.join(folder, 'narration.json'), 'utf8')));
    const words = narration.words.map((word) => word.text.toLowerCase());
    assert.ok(words.includes('reforma') && !words.includes('obra'), `the corrected narration: ${words.join(' ')}`);
    assert.ok(existsSync(path.join(folder, 'video.mp4')), 'the MP4 is published');
    const last = await jobOf(other, dropped);
    assert.deepEqual([last.state, last.links.videos], ['rejected', {}]);
    const listed = (await call(other, 'GET', '/api/jobs?state=rejected')).body.jobs as DeskJob[];
    assert.deepEqual(
      listed.map((job) => job.id),
      [dropped],
    );
  });
});
