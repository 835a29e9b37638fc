// The SQLite store's review states (contract B): a job under review stops at awaitingReview, one editor at a time
// changes it under a lease, a stale revision is refused naming what changed it, approval queues the render only,
// rejection is for good, and a desk that dies mid-edit gives the job back. Two stores on one file stand for two
// desks or a desk and a worker.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { JobRefusal } from '../../src/schedule/queue/job-refusal.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import { jobSpec } from '../helpers/schedule.ts';

const policy = { maxAttempts: 3, backoffSeconds: 60 };
const LEASE = 30_000;
const t0 = new Date('2026-11-25T07:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const WORKER = 'other-host:1:w';

function twoStores() {
  let now = 0;
  const clock = { monotonicMs: () => now, advance: (ms: number) => (now += ms) };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'review-store-')), 'jobs.db');
  return { a: new SqliteJobStore(file, clock), b: new SqliteJobStore(file, clock), clock };
}

/** A job under review, narrated by a worker: awaiting review at some revision. */
function narrated(store: SqliteJobStore) {
  store.enqueue({ ...jobSpec(1), review: true }, t0);
  const job = store.claim(WORKER, LEASE, policy, at(1))!;
  assert.equal(job.state, 'narrating');
  assert.equal(store.awaitReview(job.id, WORKER, at(2)), true);
  const waiting = store.get(job.id);
  assert.equal(waiting.state, 'awaitingReview');
  return waiting;
}

function refusal(action: () => unknown): JobRefusal {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof JobRefusal, String(error));
    return error;
  }
  assert.fail('the store accepted it');
}

describe('review in the SQLite store', () => {
  it('is never claimed while awaiting review, and an approved job is claimed to render only', () => {
    const { a } = twoStores();
    const job = narrated(a);
    assert.equal(a.claim('me:1:a', LEASE, policy, at(3)), null);
    const approved = a.approve(job.id, job.revision, at(4));
    assert.deepEqual([approved.state, approved.approved, approved.revision > job.revision], ['queued', true, true]);
    const claimed = a.claim('me:1:a', LEASE, policy, at(5))!;
    assert.equal(claimed.state, 'rendering', 'an approved narration is rendered, not narrated again');
  });

  it('lets one of two desks act on a revision and tells the other what happened first', () => {
    const { a, b } = twoStores();
    const job = narrated(a);
    b.approve(job.id, job.revision, at(3));
    const late = refusal(() => a.reject(job.id, job.revision, 'too long', at(4)));
    assert.equal(late.status, 409);
    assert.match(late.message, new RegExp(`Job ${job.id} changed since revision ${job.revision}: .*approved at a desk.*now queued`));
    assert.match(late.message, /Reload the job and make your change again/);
    assert.equal(a.get(job.id).state, 'queued', 'the late rejection changed nothing');
  });

  it('holds an edit under one desk’s lease: no approval, no second edit, no worker meanwhile', () => {
    const { a, b } = twoStores();
    const job = narrated(a);
    const editing = a.beginEdit(job.id, job.revision, 'desk:1:a', at(3));
    assert.equal(editing.state, 'revising');
    assert.equal(refusal(() => b.beginEdit(job.id, editing.revision, 'desk:2:b', at(4))).status, 409);
    assert.equal(refusal(() => b.approve(job.id, editing.revision, at(4))).status, 409);
    assert.equal(b.claim('worker:3:c', LEASE, policy, at(4)), null);
    assert.equal(a.beatEdit(job.id, 'desk:1:a'), true);
    assert.equal(b.beatEdit(job.id, 'desk:2:b'), false);
    const done = a.endEdit(job.id, 'desk:1:a', 'edited at a desk', at(5))!;
    assert.deepEqual([done.state, done.lastChange], ['awaitingReview', 'edited at a desk']);
    assert.ok(done.revision > editing.revision);
    assert.equal(b.approve(job.id, done.revision, at(6)).state, 'queued');
  });

  it('gives a job back to review when the editing desk stops beating', () => {
    const { a, b, clock } = twoStores();
    const job = narrated(a);
    a.beginEdit(job.id, job.revision, 'far-host:1:a', at(3));
    assert.equal(b.claim('worker:3:c', LEASE, policy, at(4)), null);
    clock.advance(LEASE);
    assert.equal(b.claim('worker:3:c', LEASE, policy, at(5)), null, 'an abandoned edit is never rendered');
    const back = b.get(job.id);
    assert.deepEqual([back.state, back.lastChange], ['awaitingReview', 'an edit abandoned when its desk stopped (the narration is as it was)']);
    assert.equal(a.endEdit(job.id, 'far-host:1:a', 'edited at a desk', at(6)), null, 'the late desk can no longer finish its edit');
  });

  it('keeps a rejected job for good: not claimed, not queued again by its key, not requeued', () => {
    const { a } = twoStores();
    const job = narrated(a);
    const rejected = a.reject(job.id, job.revision, 'not our story', at(3));
    assert.deepEqual([rejected.state, rejected.lastError], ['rejected', 'rejected at the desk: not our story']);
    assert.equal(a.claim('me:1:a', LEASE, policy, at(4)), null);
    assert.equal(a.enqueue({ ...jobSpec(1), review: true }, at(5)), false);
    assert.equal(refusal(() => a.retry(job.id, at(6))).status, 409);
  });

  it('refuses a job id that does not exist with 404, whatever its shape', () => {
    const { a } = twoStores();
    for (const id of ['99', 'abc', '1; DROP TABLE jobs']) {
      const missing = refusal(() => a.get(id));
      assert.equal(missing.status, 404);
      assert.equal(missing.problem, `There is no job ${id}`);
    }
  });

  it('shows a worker’s progress without a new revision', () => {
    const { a } = twoStores();
    a.enqueue(jobSpec(2), t0);
    const job = a.claim(WORKER, LEASE, policy, at(1))!;
    a.progress(job.id, WORKER, { stage: 'narrating', done: 2, total: 5, etaMs: 3000 });
    const seen = a.get(job.id);
    assert.deepEqual(seen.progress, { stage: 'narrating', done: 2, total: 5, etaMs: 3000 });
    assert.equal(seen.revision, job.revision);
    a.progress(job.id, 'someone-else:1:x', { stage: 'narrating', done: 5, total: 5, etaMs: 0 });
    assert.equal(a.get(job.id).progress?.done, 2, 'only the holder reports progress');
  });
});
