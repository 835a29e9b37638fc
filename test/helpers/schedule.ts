// Running the scheduler as a user does (its CLI, in child processes that tests may SIGKILL) and reading what it
// left: published folders, anything half-made, and the jobs in its store.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import type { JobRecord } from '../../src/schedule/job-record.ts';
import type { JobSpec, JobView } from '../../src/schedule/job.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import { itemFolder } from '../../src/schedule/output-layout.ts';

export const SCHEDULE_CLI = 'src/cli/schedule.ts';
export const JOBS_CLI = 'src/cli/jobs.ts';

/** Small, fast renders: every test video is 25 fps at a fifth of full size. */
export const TEST_RENDER = { fps: 25, scale: 0.2, concurrency: 1 };

export function writeConfig(dir: string, config: Record<string, unknown>): string {
  const file = path.join(dir, 'feeds.yaml');
  writeFileSync(file, stringify({ output: './videos', queue: 'sqlite:./jobs.db', allowPrivateNetworks: true, render: TEST_RENDER, ...config }));
  return file;
}

export interface RunningScheduler {
  child: ChildProcess;
  /** SIGKILL the scheduler and everything it started (BullMQ's child, the browser), as a power cut would. */
  kill(): void;
  /** Everything it wrote to stderr so far. */
  log(): string;
  exited: Promise<number | null>;
}

/**
 * `root` and every process started under it, listed before any is killed (a killed process's children are handed
 * to init and can no longer be found from it). Remotion starts its browser in a process group of its own, so
 * killing the scheduler's group alone would leave the browser running.
 */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n')) {
    const [pid, parent] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

function killTree(root: number): void {
  for (const pid of processTree(root)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

export function startScheduler(args: string[]): RunningScheduler {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, SCHEDULE_CLI), ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout!.on('data', (data: Buffer) => (stderr += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, kill: () => killTree(child.pid!), log: () => stderr, exited };
}

export interface OutputTree {
  /** Published item folders (YYYY-MM-DD/<slug>) holding a job.json. */
  finished: string[];
  /** Anything else: temporary siblings, folders without job.json, stray files. */
  other: string[];
}

export function readOutput(outputDir: string): OutputTree {
  const tree: OutputTree = { finished: [], other: [] };
  if (!existsSync(outputDir)) return tree;
  for (const day of readdirSync(outputDir)) {
    for (const entry of readdirSync(path.join(outputDir, day))) {
      const folder = path.join(day, entry);
      if (existsSync(path.join(outputDir, folder, 'job.json'))) tree.finished.push(folder);
      else tree.other.push(folder);
    }
  }
  return tree;
}

export function readJobRecord(outputDir: string, folder: string): JobRecord {
  return JSON.parse(readFileSync(path.join(outputDir, folder, 'job.json'), 'utf8')) as JobRecord;
}

/** Every job of a SQLite store, read with a store of its own (closed after). */
export function jobsIn(file: string): JobView[] {
  const store = new SqliteJobStore(file);
  try {
    return store.list();
  } finally {
    store.close();
  }
}

/** Wait until `check` holds, polling; fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Job n of a test feed, as the store is given it; `fields` change its source (its folder follows its key). */
export function jobSpec(n: number, fields: Partial<Pick<JobSpec, 'key' | 'feedUrl' | 'itemUrl' | 'guid'>> = {}): JobSpec {
  const source = { key: `guid:https://e.com/rss#${n}`, feedUrl: 'https://e.com/rss', itemUrl: `https://e.com/${n}`, guid: String(n), ...fields };
  return {
    ...source,
    title: `Item ${n}`,
    publishedAt: null,
    voice: null,
    language: null,
    formats: ['vertical'],
    folder: itemFolder({ key: source.key, title: `Item ${n}`, publishedAt: null }, new Date('2026-11-25T07:00:00Z')),
  };
}

/** A job.json for `spec` as a finished attempt writes it: with it in its folder, the job counts as published. */
export function publishedRecord(spec: JobSpec): JobRecord {
  const time = '2026-11-25T07:00:00.000Z';
  return {
    version: 1,
    key: spec.key,
    source: { feed: spec.feedUrl, item: spec.itemUrl, guid: spec.guid, title: spec.title, publishedAt: spec.publishedAt },
    times: { firstSeenAt: time, startedAt: time, narratedAt: time, finishedAt: time },
    durations: { narrationMs: 1, renderMs: 1, itemToVideoMs: 2, audioMs: 1000 },
    attempt: 1,
    videos: { vertical: 'video.mp4' },
    model: { file: 'kokoro-v1.0.int8.onnx', sha256: '0'.repeat(64) },
    productVersion: '0.1.0',
  };
}
