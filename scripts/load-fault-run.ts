// npx tsx scripts/load-fault-run.ts [--items 50] [--sqlite-items 6] [--out FILE]
// The scheduler under load and faults, on real services and the real pipeline (not in CI: it runs for tens of
// minutes). A news site on 127.0.0.1 publishes the items.
//   1. BullMQ on a real redis-server (append-only file, fsync always): three worker processes share the items;
//      redis-server is stopped and started again once a fifth of them are done, and one worker is SIGKILLed
//      (with its browser and its sandboxed child) once two fifths are.
//   2. SQLite with the output root on a small tmpfs that is full when the first job publishes (needs root to
//      mount it; skipped otherwise): that job fails with the disk's error, the space is freed, the rest go on.
// Each phase then checks that every item ended done or failed with its reason, none was made twice, and nothing
// half-published is left; it reports items per hour and each worker's peak memory (its whole process tree).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/schedule/config.ts';
import type { JobView } from '../src/schedule/job.ts';
import { openQueue } from '../src/schedule/queue/open-queue.ts';
import { startNewsSite } from '../test/helpers/news-site.ts';
import { freePort } from '../test/helpers/redis.ts';
import { processTree, readOutput, type RunningScheduler, startScheduler, waitFor, writeConfig } from '../test/helpers/schedule.ts';

const { values: flags } = parseArgs({
  options: { items: { type: 'string', default: '50' }, 'sqlite-items': { type: 'string', default: '6' }, out: { type: 'string' } },
});
const ITEMS = Number(flags.items);
const SQLITE_ITEMS = Number(flags['sqlite-items']);
const report: string[] = [];
const say = (line: string) => {
  process.stderr.write(`${line}\n`);
  report.push(line);
};

/** Resident memory of a process and everything under it, in MB. */
function treeRssMb(root: number): number {
  let kb = 0;
  for (const pid of processTree(root)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Exited between the listing and the read.
    }
  }
  return kb / 1024;
}

/** Samples each worker's tree every second; the peaks so far. */
function watchMemory(workers: RunningScheduler[]): { peaks: number[]; stop(): void } {
  const peaks = workers.map(() => 0);
  const timer = setInterval(() => {
    workers.forEach((worker, index) => {
      if (worker.child.exitCode === null) peaks[index] = Math.max(peaks[index]!, treeRssMb(worker.child.pid!));
    });
  }, 1000);
  return { peaks, stop: () => clearInterval(timer) };
}

async function jobsOf(config: string): Promise<JobView[]> {
  const queue = await openQueue(await loadConfig(config));
  try {
    return await queue.list();
  } finally {
    await queue.close();
  }
}

/** Every item ended done or failed with a reason, one published folder per done job, nothing half-made. */
function check(phase: string, jobs: JobView[], items: number, output: string): boolean {
  const tree = readOutput(output);
  const done = jobs.filter((job) => job.state === 'done');
  const failed = jobs.filter((job) => job.state === 'failed');
  const problems = [
    jobs.length !== items && `${jobs.length} jobs for ${items} items`,
    done.length + failed.length !== jobs.length && `${jobs.length - done.length - failed.length} jobs neither done nor failed`,
    failed.some((job) => !job.lastError) && 'a failed job without its reason',
    tree.finished.length !== done.length && `${tree.finished.length} published folders for ${done.length} done jobs`,
    new Set(done.map((job) => job.folder)).size !== done.length && 'two done jobs share a folder',
    tree.other.length > 0 && `half-made entries left: ${tree.other.join(', ')}`,
  ].filter((problem): problem is string => typeof problem === 'string');
  say(`${phase}: ${done.length} done, ${failed.length} failed${failed.map((job) => ` (${job.title}: ${job.lastError})`).join('')}`);
  for (const problem of problems) say(`${phase}: FAILED CHECK: ${problem}`);
  if (problems.length === 0) say(`${phase}: every item done or failed with its reason, none twice, nothing half-published`);
  return problems.length === 0;
}

function startRedis(dir: string, port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'],
    { stdio: 'ignore' },
  );
}

const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));

async function bullmqPhase(work: string): Promise<boolean> {
  const site = await startNewsSite();
  for (let n = 1; n <= ITEMS; n++) site.publish(`Noticia de carga número ${n}`);
  const redisDir = path.join(work, 'redis');
  mkdirSync(redisDir);
  const port = await freePort();
  let redis = startRedis(redisDir, port);
  const dir = path.join(work, 'bullmq');
  mkdirSync(dir);
  const config = writeConfig(dir, {
    feeds: [{ url: site.server.url('/rss.xml'), format: 'vertical', maxItems: Math.min(ITEMS, 100) }],
    queue: `redis://127.0.0.1:${port}`,
    leaseSeconds: 30,
    retry: { maxAttempts: 3, backoffSeconds: 5 },
  });
  const output = path.join(dir, 'videos');
  const doneCount = async () => (await jobsOf(config).catch(() => [])).filter((job) => job.state === 'done').length;
  const started = performance.now();
  const workers = [startScheduler(['--config', config, '--once'])];
  await waitFor('the items queued', async () => (await jobsOf(config).catch(() => [])).length === ITEMS, 10 * 60_000);
  workers.push(startScheduler(['--config', config, '--worker', '--once']), startScheduler(['--config', config, '--worker', '--once']));
  const memory = watchMemory(workers);
  await waitFor('a fifth of the items done', async () => (await doneCount()) >= ITEMS / 5, 60 * 60_000);
  say('bullmq: redis-server stopped (SIGTERM) and started again');
  redis.kill('SIGTERM');
  await stopped(redis);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  redis = startRedis(redisDir, port);
  await waitFor('two fifths of the items done', async () => (await doneCount()) >= (2 * ITEMS) / 5, 60 * 60_000);
  say('bullmq: worker 2 SIGKILLed with its browser and sandboxed child');
  workers[1]!.kill();
  await Promise.all([workers[0]!.exited, workers[2]!.exited]);
  const hours = (performance.now() - started) / 3_600_000;
  memory.stop();
  const ok = check('bullmq', await jobsOf(config), ITEMS, output);
  say(`bullmq: ${ITEMS} items in ${(hours * 60).toFixed(1)} min, ${(ITEMS / hours).toFixed(0)} items per hour over 3 workers`);
  say(`bullmq: peak memory per worker (process tree): ${memory.peaks.map((mb) => `${mb.toFixed(0)} MB`).join(', ')}`);
  redis.kill('SIGKILL');
  await site.close();
  return ok;
}

async function sqlitePhase(work: string): Promise<boolean | null> {
  const disk = path.join(work, 'disk');
  mkdirSync(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', disk], { stdio: 'ignore' });
  } catch {
    say('sqlite: skipped (mounting a tmpfs needs root)');
    return null;
  }
  const site = await startNewsSite();
  try {
    for (let n = 1; n <= SQLITE_ITEMS; n++) site.publish(`Noticia del disco lleno número ${n}`);
    const dir = path.join(work, 'sqlite');
    mkdirSync(dir);
    const output = path.join(disk, 'videos');
    mkdirSync(output);
    // The disk full but for 64 KB: the first job to write its video fails there.
    const filler = path.join(disk, 'filler');
    const free = () => Number(execFileSync('df', ['--output=avail', '-B1', disk], { encoding: 'utf8' }).split('\n')[1]);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 64 * 1024)));
    const config = writeConfig(dir, {
      feeds: [{ url: site.server.url('/rss.xml'), format: 'vertical', maxItems: SQLITE_ITEMS }],
      output,
      retry: { maxAttempts: 3, backoffSeconds: 5 },
    });
    const started = performance.now();
    const workers = [startScheduler(['--config', config, '--once'])];
    await waitFor('the items queued', async () => (await jobsOf(config).catch(() => [])).length === SQLITE_ITEMS, 10 * 60_000);
    workers.push(startScheduler(['--config', config, '--worker', '--once']));
    const memory = watchMemory(workers);
    const full = await waitFor(
      'a job to hit the full disk',
      async () => (await jobsOf(config)).find((job) => /ENOSPC|no space/i.test(job.lastError ?? '')),
      30 * 60_000,
    );
    say(`sqlite: job ${full.id} hit the full disk (${full.state}: ${full.lastError}); space freed`);
    rmSync(filler);
    await Promise.all(workers.map((worker) => worker.exited));
    const hours = (performance.now() - started) / 3_600_000;
    memory.stop();
    const ok = check('sqlite', await jobsOf(config), SQLITE_ITEMS, output);
    say(`sqlite: ${SQLITE_ITEMS} items in ${(hours * 60).toFixed(1)} min over 2 workers`);
    say(`sqlite: peak memory per worker (process tree): ${memory.peaks.map((mb) => `${mb.toFixed(0)} MB`).join(', ')}`);
    return ok;
  } finally {
    await site.close();
    execFileSync('umount', [disk]);
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'load-fault-'));
try {
  const bullmq = await bullmqPhase(work);
  const sqlite = await sqlitePhase(work);
  if (flags.out) writeFileSync(flags.out, `${report.join('\n')}\n`);
  process.exitCode = bullmq && sqlite !== false ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
