// The SQLite job store: keys, leases, retries, and several processes claiming from one file at once.
import assert from 'node:assert/strict';
import { jobSpec as spec } from '../helpers/schedule.ts';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import { backoffSeconds } from '../../src/schedule/retry.ts';

const policy = { maxAttempts: 3, backoffSeconds: 60 };
const LEASE = 30_000;
const t0 = new Date('2026-11-25T07:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** A monotonic clock the test moves by hand, as the host's uptime would. */
function fakeClock(): { monotonicMs: () => number; advance: (ms: number) => void } {
  let now = 0;
  return { monotonicMs: () => now, advance: (ms) => (now += ms) };
}

function newFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'schedule-store-')), 'jobs.db');
}

function newStore(clock = fakeClock()): SqliteJobStore {
  return new SqliteJobStore(newFile(), clock);
}

describe('SQLite job store', () => {
  it('queues a key once, whatever its state', () => {
    const store = newStore();
    assert.equal(store.enqueue(spec(1), t0), true);
    assert.equal(store.enqueue(spec(1), at(1)), false);
    store.claim('me:1:a', LEASE, policy, at(2));
    assert.equal(store.enqueue(spec(1), at(3)), false);
    assert.equal(store.list().length, 1);
  });

  it('queues one article once, whatever key each feed gives it', () => {
    const store = newStore();
    assert.equal(store.enqueue(spec(1), t0), true);
    assert.equal(store.enqueue(spec(2, { key: 'guid:https://e.com/atom#1', feedUrl: 'https://e.com/atom', itemUrl: spec(1).itemUrl }), t0), false);
    assert.equal(store.enqueue(spec(3, { key: `url:${spec(1).itemUrl}`, guid: null, itemUrl: spec(1).itemUrl }), t0), false);
    assert.equal(store.enqueue(spec(4, { key: 'guid:https://other.example/rss#1', feedUrl: 'https://other.example/rss' }), t0), true);
    assert.deepEqual(
      store.list().map((job) => job.guid),
      ['1', '4'],
    );
  });

  it('does not queue again an item done under the key of older releases (guid:<guid>), unless another feed gives that GUID', () => {
    const store = newStore();
    const old = spec(1, { key: 'guid:1' });
    store.enqueue(old, t0);
    const job = store.claim('w:1:a', LEASE, policy, t0)!;
    store.published(job.id, 'w:1:a', t0);
    store.complete(job.id, 'w:1:a', null, t0);
    assert.equal(store.enqueue(spec(1, { itemUrl: 'https://e.com/moved/1' }), at(1)), false, 'same feed, its link since changed');
    assert.equal(
      store.enqueue(
        spec(1, { key: 'guid:https://other.example/rss#1', feedUrl: 'https://other.example/rss', itemUrl: 'https://other.example/1' }),
        at(1),
      ),
      true,
    );
    assert.deepEqual(
      store.list().map((row) => [row.key, row.state]),
      [
        ['guid:1', 'done'],
        ['guid:https://other.example/rss#1', 'queued'],
      ],
    );
  });

  it('claims due jobs oldest first, moves them through narrating and rendering to done', () => {
    const store = newStore();
    store.enqueue(spec(1), t0);
    store.enqueue(spec(2), at(1));
    const first = store.claim('me:1:a', LEASE, policy, at(2))!;
    assert.deepEqual([first.key, first.state, first.attempts], [spec(1).key, 'narrating', 1]);
    assert.equal(store.renew(first.id, 'me:1:a', at(3), 'rendering'), true);
    assert.equal(store.list()[0]!.state, 'rendering');
    assert.equal(store.published(first.id, 'me:1:a', at(4)) && store.complete(first.id, 'me:1:a', null, at(4)), true);
    assert.equal(store.claim('me:1:a', LEASE, policy, at(5))!.key, spec(2).key);
    assert.equal(store.claim('me:1:a', LEASE, policy, at(6)), null);
    assert.deepEqual(
      store.list().map((job) => [job.state, job.finishedAt]),
      [
        ['done', at(4).toISOString()],
        ['narrating', null],
      ],
    );
  });

  it('retries a transient failure after the backoff, up to maxAttempts, and never retries a permanent one', () => {
    const store = newStore();
    store.enqueue(spec(1), t0);
    store.enqueue(spec(2), t0);
    const job = store.claim('w:1:a', LEASE, policy, t0)!;
    assert.equal(store.fail(job.id, 'w:1:a', 'HTTP 503', 'transient', policy, at(1)), 'queued');
    const permanent = store.claim('w:1:a', LEASE, policy, at(2))!;
    assert.equal(permanent.key, spec(2).key, 'the failed job waits for its backoff');
    assert.equal(store.fail(permanent.id, 'w:1:a', 'HTTP 404', 'permanent', policy, at(2)), 'failed');
    assert.equal(store.claim('w:1:a', LEASE, policy, at(1 + backoffSeconds(policy, 1) - 1)), null);
    const second = store.claim('w:1:a', LEASE, policy, at(1 + backoffSeconds(policy, 1)))!;
    assert.equal(second.attempts, 2);
    store.fail(second.id, 'w:1:a', 'timeout', 'transient', policy, at(100));
    const third = store.claim('w:1:a', LEASE, policy, at(100 + backoffSeconds(policy, 2)))!;
    assert.equal(third.attempts, 3);
    assert.equal(store.fail(third.id, 'w:1:a', 'timeout again', 'transient', policy, at(2000)), 'failed');
    assert.deepEqual(
      store.list().map((row) => [row.state, row.attempts, row.lastError]),
      [
        ['failed', 3, 'timeout again'],
        ['failed', 1, 'HTTP 404'],
      ],
    );
  });

  it('gives a job whose heartbeat stopped for a lease to another worker, and the late holder can no longer touch it', () => {
    const clock = fakeClock();
    const store = newStore(clock);
    store.enqueue(spec(1), t0);
    const job = store.claim('other-host:7:a', LEASE, policy, t0)!;
    assert.equal(store.claim('me:1:b', LEASE, policy, t0), null);
    clock.advance(LEASE - 1);
    assert.equal(store.claim('me:1:b', LEASE, policy, t0), null);
    clock.advance(1);
    const taken = store.claim('me:1:b', LEASE, policy, t0)!;
    assert.deepEqual([taken.id, taken.attempts], [job.id, 2]);
    assert.equal(store.renew(job.id, 'other-host:7:a', at(32)), false);
    assert.equal(store.published(job.id, 'other-host:7:a', at(33)), false);
    assert.equal(store.fail(job.id, 'other-host:7:a', 'late', 'transient', policy, at(33)), null);
  });

  it("judges a lease by its heartbeat on the observer's own clock: wall-clock jumps neither end nor extend it", () => {
    const file = newFile();
    const [holderClock, observerClock] = [fakeClock(), fakeClock()];
    const holder = new SqliteJobStore(file, holderClock);
    const observer = new SqliteJobStore(file, observerClock);
    holder.enqueue(spec(1), t0);
    const job = holder.claim('far:1:a', LEASE, policy, t0)!;
    // The observer's host steps its clock an hour ahead (NTP, a VM resumed) while the holder keeps renewing.
    for (let beat = 1; beat <= 10; beat++) {
      assert.equal(observer.claim('near:2:b', LEASE, policy, at(3600 + beat)), null, `a live holder keeps its job (beat ${beat})`);
      observerClock.advance(LEASE / 3);
      assert.equal(holder.renew(job.id, 'far:1:a', at(beat)), true);
    }
    // The holder stops; the observer's wall clock now steps back two hours, its monotonic clock runs on.
    assert.equal(observer.claim('near:2:b', LEASE, policy, at(-7200)), null);
    observerClock.advance(LEASE - 1);
    assert.equal(observer.claim('near:2:b', LEASE, policy, at(-7200)), null, 'not before a whole lease without a beat');
    observerClock.advance(1);
    assert.deepEqual(
      ((taken) => [taken?.id, taken?.attempts])(observer.claim('near:2:b', LEASE, policy, at(-7200))),
      [job.id, 2],
      "a stopped holder loses its job after one lease of the observer's monotonic time",
    );
    assert.equal(holder.renew(job.id, 'far:1:a', at(11)), false);
    holder.close();
    observer.close();
  });

  it('watches a held job until it shows a heartbeat or lapses, so a pass that ends when idle does not end blind', () => {
    const clock = fakeClock();
    const store = newStore(clock);
    store.enqueue(spec(1), t0);
    store.enqueue(spec(2), t0);
    const first = store.claim('far:1:a', LEASE, policy, t0)!;
    const second = store.claim('far:1:a', LEASE, policy, t0)!;
    assert.equal(store.claim('near:2:b', LEASE, policy, t0), null);
    assert.equal(store.watchingLeases(), true, 'both held jobs seen once, neither judged');
    store.renew(first.id, 'far:1:a', t0);
    clock.advance(LEASE / 2);
    assert.equal(store.claim('near:2:b', LEASE, policy, t0), null);
    assert.equal(store.watchingLeases(), true, 'the second has not beaten yet');
    clock.advance(LEASE / 2);
    assert.equal(store.claim('near:2:b', LEASE, policy, t0)!.id, second.id);
    assert.equal(store.watchingLeases(), false, 'the first is alive, the second taken');
  });

  it('takes back at once a job held by a process of this host that is gone', () => {
    const store = newStore();
    store.enqueue(spec(1), t0);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    store.claim(`${hostname()}:${gone}:a`, LEASE, policy, t0);
    assert.equal(store.claim(`${hostname()}:${process.pid}:b`, LEASE, policy, at(1))!.attempts, 2);
  });

  it('fails a job whose worker died on every attempt', () => {
    const clock = fakeClock();
    const store = newStore(clock);
    store.enqueue(spec(1), t0);
    store.claim('far:1:a', LEASE, policy, t0);
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      // One claim to see the new holder's beat, one a lease later to find it still.
      assert.equal(store.claim('far:1:b', LEASE, policy, t0), null);
      clock.advance(LEASE);
      const taken = store.claim('far:1:b', LEASE, policy, t0);
      assert.equal(taken?.attempts, attempt === policy.maxAttempts ? undefined : attempt + 1);
    }
    assert.match(store.list()[0]!.lastError!, /the worker stopped during narrating \(killed or crashed\) on each of 3 attempts/);
  });

  it('requeues a failed job with fresh attempts, and refuses one in progress or unknown', () => {
    const store = newStore();
    store.enqueue(spec(1), t0);
    store.enqueue(spec(2), t0);
    const job = store.claim('w:1:a', LEASE, policy, t0)!;
    store.fail(job.id, 'w:1:a', 'HTTP 404', 'permanent', policy, at(1));
    const busy = store.claim('w:1:a', LEASE, policy, at(2))!;
    assert.throws(
      () => store.retry(busy.id, at(3)),
      (error: Error) => error instanceof UserError && /is narrating, not failed or done/.test(error.message),
    );
    assert.throws(
      () => store.retry('99', at(3)),
      (error: Error) => error instanceof UserError && /There is no job 99/.test(error.message),
    );
    assert.deepEqual(((view) => [view.state, view.attempts, view.lastError])(store.retry(job.id, at(3))), ['queued', 0, null]);
    assert.equal(store.claim('w:1:a', LEASE, policy, at(4))!.id, job.id);
  });

  it('opens a store file written before versioning with its jobs intact, and can then hold a job in afterEach', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'schedule-store-')), 'jobs.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, spec TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('queued', 'narrating', 'rendering', 'done', 'failed')), attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT, after_each_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, started_at TEXT, finished_at TEXT,
      next_attempt_at TEXT, lease_owner TEXT, lease_expires_at INTEGER);`);
    old
      .prepare(`INSERT INTO jobs (key, spec, state, attempts, created_at, updated_at) VALUES (?, ?, 'done', 1, ?, ?)`)
      .run(spec(1).key, JSON.stringify(spec(1)), t0.toISOString(), t0.toISOString());
    old.close();
    const store = new SqliteJobStore(file);
    assert.deepEqual(
      store.list().map((job) => [job.key, job.state]),
      [[spec(1).key, 'done']],
    );
    assert.equal(store.enqueue(spec(1), at(1)), false, 'the done job is not queued again');
    store.enqueue(spec(2), at(1));
    const job = store.claim('w:1:a', LEASE, policy, at(2))!;
    assert.equal(store.published(job.id, 'w:1:a', at(3)), true);
    assert.equal(store.list()[1]!.state, 'afterEach');
    store.close();
  });

  it('opens a store file of the previous version (wall-clock leases) with its jobs intact, a held one judged by heartbeat', () => {
    const file = newFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, spec TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('queued', 'narrating', 'rendering', 'afterEach', 'done', 'failed')), attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT, after_each_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, started_at TEXT, finished_at TEXT,
      next_attempt_at TEXT, lease_owner TEXT, lease_expires_at INTEGER);
      CREATE INDEX jobs_ready ON jobs (state, next_attempt_at);
      PRAGMA user_version = 2;`);
    const insert = old.prepare(
      `INSERT INTO jobs (key, spec, state, attempts, created_at, updated_at, lease_owner, lease_expires_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    insert.run(spec(1).key, JSON.stringify(spec(1)), 'done', t0.toISOString(), t0.toISOString(), null, null);
    insert.run(spec(2).key, JSON.stringify(spec(2)), 'rendering', t0.toISOString(), t0.toISOString(), 'far:1:a', t0.getTime() + LEASE);
    old.close();
    const clock = fakeClock();
    const store = new SqliteJobStore(file, clock);
    assert.deepEqual(
      store.list().map((job) => [job.key, job.state]),
      [
        [spec(1).key, 'done'],
        [spec(2).key, 'rendering'],
      ],
    );
    assert.equal(store.enqueue(spec(1), at(1)), false, 'the done job is not queued again');
    assert.equal(
      store.enqueue(spec(5, { key: 'guid:https://e.com/atom#1', feedUrl: 'https://e.com/atom', itemUrl: spec(1).itemUrl }), at(1)),
      false,
      'nor its article under another feed’s key: the old rows’ links are indexed',
    );
    assert.equal(store.claim('w:1:b', LEASE, policy, at(3600)), null, 'its old expiry, long past, no longer counts');
    clock.advance(LEASE);
    assert.equal(store.claim('w:1:b', LEASE, policy, at(3600))!.key, spec(2).key);
    store.close();
  });

  it('says clearly when the store file is not a database', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schedule-store-'));
    const file = path.join(dir, 'jobs.db');
    spawnSync('sh', ['-c', `echo 'not a database at all, just some text that is long enough' > ${file}`]);
    assert.throws(
      () => new SqliteJobStore(file),
      (error: Error) => error instanceof UserError && /The job store .* cannot be opened/.test(error.message),
    );
  });
});
