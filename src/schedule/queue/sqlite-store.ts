// The embedded job store: one SQLite file (WAL, so several processes share it), one row per item key.
// Claiming is one IMMEDIATE transaction, so two schedulers never take the same row; a claim is a lease that
// the holder renews while it works and that lapses when it dies, so the job is taken again, never lost.
// A lease is judged by its heartbeat, never by comparing wall clocks: each renewal bumps a counter in the row,
// and an observer takes the job only when the counter has stood still for the lease time of its own monotonic
// clock. A clock step (NTP, a VM resumed) on any host then neither ends a live lease nor extends a dead one.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors.ts';
import { isLegacyJobOf, legacyKey } from '../item-key.ts';
import { JOB_STATES, type JobProgress, JobProgressSchema } from '../../contract/desk.ts';
import { parseJobSpec, type JobSpec, type JobState, type JobView } from '../job.ts';
import { nextStep, type FailureKind, type RetryPolicy } from '../retry.ts';
import { noSuchJob, notAwaitingReview, notRetryable, staleRevision } from './job-refusal.ts';
import { type DeskStore, REVIEW_CHANGES, rejectionNote } from './desk-store.ts';
import { isDeadLocalOwner } from './lease-owner.ts';

/** A clock that only moves forward, in milliseconds (performance.now; a fake one in tests). */
export type MonotonicClock = () => number;

const JOB_COLUMNS = `
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  spec TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN (STATES)),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  after_each_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  next_attempt_at TEXT,
  lease_owner TEXT,
  lease_expires_at INTEGER`;

/** The columns of a version-4 file, copied as they are into the version-5 table. */
const STORED_COLUMNS =
  'id, key, spec, state, attempts, last_error, after_each_error, created_at, updated_at, started_at, finished_at, next_attempt_at, lease_owner, lease_beat, item_url';

const columnsFor = (states: readonly string[]) => JOB_COLUMNS.replace('STATES', states.map((state) => `'${state}'`).join(', '));

/**
 * Each step takes a store file from one version (PRAGMA user_version) to the next, so a file written by an
 * earlier release opens with its jobs intact; a new file runs them all. The first is the schema from before
 * versioning (IF NOT EXISTS: such files already have it).
 */
const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS jobs (${columnsFor(['queued', 'narrating', 'rendering', 'done', 'failed'])});
   CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (state, next_attempt_at);`,
  // The afterEach state: SQLite cannot change a CHECK in place, so the table is copied into a new one.
  `ALTER TABLE jobs RENAME TO jobs_v1;
   CREATE TABLE jobs (${columnsFor(['queued', 'narrating', 'rendering', 'afterEach', 'done', 'failed'])});
   INSERT INTO jobs SELECT * FROM jobs_v1;
   DROP TABLE jobs_v1;
   CREATE INDEX jobs_ready ON jobs (state, next_attempt_at);`,
  // Heartbeats: the wall-clock expiry they replace is dropped, so nothing can judge a lease by it again.
  `ALTER TABLE jobs ADD COLUMN lease_beat INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE jobs DROP COLUMN lease_expires_at;`,
  // Each job's article link, indexed, so the same article listed by two feeds is queued once. Not UNIQUE: older
  // files may hold one link under two keys. A row whose spec is not JSON (crafted) gets none, and fails when read.
  `ALTER TABLE jobs ADD COLUMN item_url TEXT;
   UPDATE jobs SET item_url = IIF(json_valid(spec), json_extract(spec, '$.itemUrl'), NULL);
   CREATE INDEX jobs_item_url ON jobs (item_url);`,
  // Review (contract B): three more states, the revision a desk's change is compared against, what made it, the
  // progress a desk shows, and whether an editor approved the narration.
  `ALTER TABLE jobs RENAME TO jobs_v4;
   CREATE TABLE jobs (${columnsFor(JOB_STATES).replace('lease_expires_at INTEGER', 'lease_beat INTEGER NOT NULL DEFAULT 0, item_url TEXT')},
     revision INTEGER NOT NULL DEFAULT 0, last_change TEXT, progress TEXT, approved INTEGER NOT NULL DEFAULT 0);
   INSERT INTO jobs (${STORED_COLUMNS}) SELECT ${STORED_COLUMNS} FROM jobs_v4;
   DROP TABLE jobs_v4;
   CREATE INDEX jobs_ready ON jobs (state, next_attempt_at);
   CREATE INDEX jobs_item_url ON jobs (item_url);`,
];

/** States in which a worker holds the job under a lease. */
const HELD = `('narrating', 'rendering', 'afterEach')`;
/** Held states whose holder's heartbeat is watched: a worker's, or a desk's while it re-synthesizes an edit. */
const WATCHED = `('narrating', 'rendering', 'afterEach', 'revising')`;
/** Every change of state or content: the next revision, and what made it (told to a desk whose change came late). */
const BUMP = 'revision = revision + 1, last_change = ?';

interface Row {
  id: number;
  key: string;
  spec: string;
  state: JobState;
  attempts: number;
  last_error: string | null;
  after_each_error: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_beat: number;
  item_url: string | null;
  revision: number;
  last_change: string | null;
  progress: string | null;
  approved: number;
}

/** The last heartbeat an observer saw of a held job, and when (on its monotonic clock) it first saw it. */
interface SeenBeat {
  beat: number;
  since: number;
  /** The beat has moved while this store watched: the holder is alive. */
  moved: boolean;
}

/** The stored spec as JSON, or the text itself when it is not JSON (validation then says what is wrong). */
function parseSpec(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Progress as stored, or null when there is none or it is not progress (the file is shared: never trusted). */
function parseProgress(text: string | null): JobProgress | null {
  if (text === null) return null;
  const parsed = JobProgressSchema.safeParse(parseSpec(text));
  return parsed.success ? parsed.data : null;
}

/** The row as a job, its spec validated (it is read back from a file others may write): throws when it is not one. */
function toView(row: Row): JobView {
  return {
    ...parseJobSpec(parseSpec(row.spec), String(row.id)),
    id: String(row.id),
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    afterEachError: row.after_each_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    nextAttemptAt: row.next_attempt_at,
    revision: row.revision,
    lastChange: row.last_change,
    progress: parseProgress(row.progress),
    approved: row.approved === 1,
  };
}

export class SqliteJobStore implements DeskStore {
  private readonly db: Database.Database;
  private readonly monotonicMs: MonotonicClock;
  private readonly seen = new Map<number, SeenBeat>();

  constructor(file: string, options: { monotonicMs?: MonotonicClock } = {}) {
    this.monotonicMs = options.monotonicMs ?? (() => performance.now());
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      // Another scheduler may hold the write lock for a moment; wait for it rather than fail.
      this.db.pragma('busy_timeout = 10000');
      this.migrate();
    } catch (error) {
      throw new UserError(
        `The job store ${file} cannot be opened (${(error as Error).message})`,
        'Point queue: at a writable sqlite:<file>, or remove a file that is not a SQLite database',
      );
    }
  }

  /** One IMMEDIATE transaction, so two processes opening an old file at once migrate it once. */
  private migrate(): void {
    this.db
      .transaction(() => {
        const version = this.db.pragma('user_version', { simple: true }) as number;
        for (const [index, step] of MIGRATIONS.entries()) if (index >= version) this.db.exec(step);
        this.db.pragma(`user_version = ${MIGRATIONS.length}`);
      })
      .immediate();
  }

  close(): void {
    this.db.close();
  }

  /**
   * Add the item unless it is already known, in any state: its key, its article link under any key, or its key
   * from before GUIDs were keyed by feed. True when it was new. One IMMEDIATE transaction, so two schedulers
   * reading two feeds of one article queue it once.
   */
  enqueue(spec: JobSpec, now: Date): boolean {
    const add = this.db.transaction((): boolean => {
      if (this.knows(spec)) return false;
      const time = now.toISOString();
      this.db
        .prepare(`INSERT INTO jobs (key, spec, item_url, state, created_at, updated_at, next_attempt_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)`)
        .run(spec.key, JSON.stringify(spec), spec.itemUrl, time, time, time);
      return true;
    });
    return add.immediate();
  }

  private knows(spec: JobSpec): boolean {
    if (this.db.prepare(`SELECT 1 FROM jobs WHERE key = ? OR item_url = ? LIMIT 1`).get(spec.key, spec.itemUrl) !== undefined) return true;
    const legacy = legacyKey(spec);
    const row = legacy === null ? undefined : (this.db.prepare(`SELECT spec FROM jobs WHERE key = ?`).get(legacy) as Pick<Row, 'spec'> | undefined);
    return row !== undefined && isLegacyJobOf(parseSpec(row.spec), spec);
  }

  /**
   * True when the held row's holder has shown no sign of life for `leaseMs` of this store's monotonic clock, or
   * is a process of this host that is gone. A job first seen now counts from now: this store cannot know how long
   * its beat stood still before, so a restarted worker waits one lease for a holder on another host.
   */
  private lapsed(row: Row, leaseMs: number): boolean {
    if (isDeadLocalOwner(row.lease_owner ?? '')) return true;
    const now = this.monotonicMs();
    const seen = this.seen.get(row.id);
    if (seen === undefined || seen.beat !== row.lease_beat) {
      this.seen.set(row.id, { beat: row.lease_beat, since: now, moved: seen !== undefined });
      return false;
    }
    if (now - seen.since < leaseMs) return false;
    this.seen.delete(row.id);
    return true;
  }

  /**
   * True while a job held by another worker has neither shown this store a heartbeat nor lapsed yet, as seen by
   * the last claim: a pass that ends when nothing is ready must wait to know which, or a job whose holder died on
   * another host would never be taken by passes that each start a new process (--once).
   */
  watchingLeases(): boolean {
    return [...this.seen.values()].some((seen) => !seen.moved);
  }

  /**
   * Take the next job to work on: first one whose holder died (its lease lapsed, or its process on this host is
   * gone), else the oldest queued job that is due. A job whose holders died `maxAttempts` times is failed; one
   * that died in afterEach stays in that state, so only afterEach runs again (its video is published).
   * Backoff stays on the wall clock (`next_attempt_at`, `now`): a jump moves a retry earlier or later, and a
   * queued job has no holder, so it still runs once.
   */
  claim(owner: string, leaseMs: number, policy: RetryPolicy, now: Date): JobView | null {
    const take = this.db.transaction((): JobView | null => {
      const held = this.db.prepare(`SELECT * FROM jobs WHERE state IN ${WATCHED}`).all() as Row[];
      // Forget the beats of jobs no longer held, so the map stays as small as the set of running jobs.
      const heldIds = new Set(held.map((row) => row.id));
      for (const id of this.seen.keys()) if (!heldIds.has(id)) this.seen.delete(id);
      for (const row of held) {
        if (!this.lapsed(row, leaseMs)) continue;
        if (row.state === 'revising') {
          // The desk stopped mid-edit: its new narration was never put in place, so the one under review stands.
          this.endRevision(row.id, REVIEW_CHANGES.abandoned, now);
          continue;
        }
        if (row.attempts >= policy.maxAttempts) {
          const reason = `the worker stopped during ${row.state} (killed or crashed) on each of ${row.attempts} attempts`;
          if (row.state === 'afterEach') this.finish(row.id, reason, now);
          else this.giveUp(row.id, reason, now);
          continue;
        }
        const job = this.lease(row.id, owner, now);
        if (job !== null) return job;
      }
      for (;;) {
        const due = this.db
          .prepare(`SELECT id FROM jobs WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1`)
          .get(now.toISOString()) as { id: number } | undefined;
        if (due === undefined) return null;
        const job = this.lease(due.id, owner, now);
        if (job !== null) return job;
      }
    });
    return take.immediate();
  }

  /** Lease the row; a row that is not a valid job is failed with the reason instead (null), and never runs. */
  private lease(id: number, owner: string, now: Date): JobView | null {
    const time = now.toISOString();
    const row = this.db
      .prepare(
        `UPDATE jobs SET state = IIF(state = 'afterEach', 'afterEach', IIF(approved = 1, 'rendering', 'narrating')), attempts = attempts + 1, lease_owner = ?, lease_beat = lease_beat + 1, started_at = ?, updated_at = ?, next_attempt_at = NULL, progress = NULL, ${BUMP} WHERE id = ? RETURNING *`,
      )
      .get(owner, time, time, 'taken by a worker', id) as Row;
    try {
      return toView(row);
    } catch (error) {
      this.giveUp(id, (error as Error).message, now);
      return null;
    }
  }

  /** A heartbeat, and a move to `state` if given. False when the lease was lost (it lapsed and another took it). */
  renew(id: string, owner: string, now: Date, state?: 'narrating' | 'rendering'): boolean {
    const result = this.db
      .prepare(
        `UPDATE jobs SET lease_beat = lease_beat + 1, revision = revision + IIF(COALESCE(@state, state) = state, 0, 1), last_change = IIF(COALESCE(@state, state) = state, last_change, 'moved on by its worker'), state = COALESCE(@state, state), updated_at = @time WHERE id = @id AND lease_owner = @owner AND state IN ${HELD}`,
      )
      .run({ state: state ?? null, time: now.toISOString(), id: Number(id), owner });
    return result.changes === 1;
  }

  /** The folder is published: the job moves to afterEach, still leased, and is never produced again. */
  published(id: string, owner: string, now: Date): boolean {
    const result = this.db
      .prepare(
        `UPDATE jobs SET state = 'afterEach', last_error = NULL, progress = NULL, updated_at = ?, ${BUMP} WHERE id = ? AND lease_owner = ? AND state IN ${HELD}`,
      )
      .run(now.toISOString(), 'published by its worker', Number(id), owner);
    return result.changes === 1;
  }

  /** afterEach has run (its error, or null): the job is done. */
  complete(id: string, owner: string, afterEachError: string | null, now: Date): boolean {
    const row = this.db.prepare(`SELECT id FROM jobs WHERE id = ? AND lease_owner = ? AND state = 'afterEach'`).get(Number(id), owner);
    if (row === undefined) return false;
    this.finish(Number(id), afterEachError, now);
    return true;
  }

  private finish(id: number, afterEachError: string | null, now: Date): void {
    this.db
      .prepare(
        `UPDATE jobs SET state = 'done', last_error = NULL, after_each_error = ?, finished_at = ?, updated_at = ?, lease_owner = NULL, ${BUMP} WHERE id = ?`,
      )
      .run(afterEachError, now.toISOString(), now.toISOString(), 'finished by its worker', id);
  }

  /** Record a failed attempt: queued again after the backoff, or failed for good. */
  fail(id: string, owner: string, message: string, kind: FailureKind, policy: RetryPolicy, now: Date): JobState | null {
    const row = this.db.prepare(`SELECT attempts FROM jobs WHERE id = ? AND lease_owner = ?`).get(Number(id), owner) as
      | { attempts: number }
      | undefined;
    if (row === undefined) return null;
    const step = nextStep(policy, kind, row.attempts, now);
    if ('giveUp' in step) {
      this.giveUp(Number(id), message, now);
      return 'failed';
    }
    this.db
      .prepare(
        `UPDATE jobs SET state = 'queued', last_error = ?, next_attempt_at = ?, updated_at = ?, lease_owner = NULL, progress = NULL, ${BUMP} WHERE id = ?`,
      )
      .run(message, step.retryAt.toISOString(), now.toISOString(), 'queued again after a failed attempt', Number(id));
    return 'queued';
  }

  private giveUp(id: number, message: string, now: Date): void {
    this.db
      .prepare(
        `UPDATE jobs SET state = 'failed', last_error = ?, finished_at = ?, updated_at = ?, lease_owner = NULL, next_attempt_at = NULL, progress = NULL, ${BUMP} WHERE id = ?`,
      )
      .run(message, now.toISOString(), now.toISOString(), 'failed by its worker', id);
  }

  list(): JobView[] {
    return (this.db.prepare(`SELECT * FROM jobs ORDER BY id`).all() as Row[]).map(toView);
  }

  /** The job, or a 404 refusal naming where to find the ids. */
  get(id: string): JobView {
    return toView(this.row(id));
  }

  private row(id: string): Row {
    const row = /^\d+$/.test(id) ? (this.db.prepare(`SELECT * FROM jobs WHERE id = ?`).get(Number(id)) as Row | undefined) : undefined;
    if (row === undefined) throw noSuchJob(id);
    return row;
  }

  /** The job by its item key (a desk submission's is made up when submitted), or null. */
  byKey(key: string): JobView | null {
    const row = this.db.prepare(`SELECT * FROM jobs WHERE key = ?`).get(key) as Row | undefined;
    return row === undefined ? null : toView(row);
  }

  /** Requeue a failed or done job now, with a fresh count of attempts; an approved narration stays approved. */
  retry(id: string, now: Date): JobView {
    const row = this.row(id);
    if (row.state !== 'failed' && row.state !== 'done') throw notRetryable(id, row.state);
    return toView(
      this.db
        .prepare(
          `UPDATE jobs SET state = 'queued', attempts = 0, last_error = NULL, after_each_error = NULL, finished_at = NULL, next_attempt_at = ?, updated_at = ?, ${BUMP} WHERE id = ? RETURNING *`,
        )
        .get(now.toISOString(), now.toISOString(), 'requeued', Number(id)) as Row,
    );
  }

  /** What a worker's job has done of its stage; no new revision (nothing an editor changes depends on it). */
  progress(id: string, owner: string, progress: JobProgress): void {
    this.db
      .prepare(`UPDATE jobs SET progress = ? WHERE id = ? AND lease_owner = ? AND state IN ${WATCHED}`)
      .run(JSON.stringify(progress), Number(id), owner);
  }

  /** The narration is made: the worker lets the job go until an editor approves or rejects it. */
  awaitReview(id: string, owner: string, now: Date): boolean {
    const result = this.db
      .prepare(
        `UPDATE jobs SET state = 'awaitingReview', lease_owner = NULL, progress = NULL, last_error = NULL, updated_at = ?, ${BUMP} WHERE id = ? AND lease_owner = ? AND state = 'narrating'`,
      )
      .run(now.toISOString(), REVIEW_CHANGES.narrated, Number(id), owner);
    return result.changes === 1;
  }

  /**
   * Compare-and-set from awaitingReview at `revision` (what the editor saw) to `state`: the one way a desk changes a
   * job, in one IMMEDIATE transaction, so of two desks acting on one revision exactly one wins and the other is told
   * what happened first.
   */
  private review(id: string, revision: number, set: string, change: string, now: Date, ...values: unknown[]): JobView {
    return this.db
      .transaction((): JobView => {
        const row = this.row(id);
        if (row.revision !== revision) throw staleRevision(id, revision, { revision: row.revision, lastChange: row.last_change, state: row.state });
        if (row.state !== 'awaitingReview') throw notAwaitingReview(id, row.state);
        return toView(
          this.db
            .prepare(`UPDATE jobs SET ${set}, updated_at = ?, ${BUMP} WHERE id = ? RETURNING *`)
            .get(...values, now.toISOString(), change, Number(id)) as Row,
        );
      })
      .immediate();
  }

  /** An editor's change begins: the job is revising under `owner`'s lease (beat it with beatEdit) until endRevision. */
  beginEdit(id: string, revision: number, owner: string, now: Date): JobView {
    return this.review(id, revision, `state = 'revising', lease_owner = ?, lease_beat = lease_beat + 1`, REVIEW_CHANGES.editing, now, owner);
  }

  /** The editing desk is alive; false when its lease lapsed (another process ended the edit). */
  beatEdit(id: string, owner: string): boolean {
    const result = this.db
      .prepare(`UPDATE jobs SET lease_beat = lease_beat + 1 WHERE id = ? AND lease_owner = ? AND state = 'revising'`)
      .run(Number(id), owner);
    return result.changes === 1;
  }

  /** The edit is in place (or given up): the job awaits review again, at a new revision. False when the lease was lost. */
  endEdit(id: string, owner: string, change: string, now: Date): JobView | null {
    const row = this.db.prepare(`SELECT id FROM jobs WHERE id = ? AND lease_owner = ? AND state = 'revising'`).get(Number(id), owner);
    if (row === undefined) return null;
    return this.endRevision(Number(id), change, now);
  }

  private endRevision(id: number, change: string, now: Date): JobView {
    return toView(
      this.db
        .prepare(`UPDATE jobs SET state = 'awaitingReview', lease_owner = NULL, progress = NULL, updated_at = ?, ${BUMP} WHERE id = ? RETURNING *`)
        .get(now.toISOString(), change, id) as Row,
    );
  }

  /** Approved as narrated: queued to render that narration, never to narrate again. */
  approve(id: string, revision: number, now: Date): JobView {
    return this.review(
      id,
      revision,
      `state = 'queued', approved = 1, attempts = 0, next_attempt_at = ?`,
      REVIEW_CHANGES.approved,
      now,
      now.toISOString(),
    );
  }

  /** Rejected for good: kept, with the reason, and never made again (its key stays taken). */
  reject(id: string, revision: number, reason: string | null, now: Date): JobView {
    return this.review(
      id,
      revision,
      `state = 'rejected', last_error = ?, finished_at = ?`,
      REVIEW_CHANGES.rejected,
      now,
      rejectionNote(reason),
      now.toISOString(),
    );
  }
}
