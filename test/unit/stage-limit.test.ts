// A job stage that never ends fails its attempt on its time limit: the attempt is recorded with the reason,
// retried per the retry rules, and the worker is free for the next job (the queue's loop returns).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { produceItem } from '../../src/schedule/produce-item.ts';
import type { ItemProducer, ItemRequest } from '../../src/schedule/producer.ts';
import type { JobHandlers } from '../../src/schedule/queue/job-queue.ts';
import { SqliteQueue } from '../../src/schedule/queue/sqlite-queue.ts';
import { jobSpec } from '../helpers/schedule.ts';

/** A producer that reaches `stage` and then hangs, never settling, whatever its signal says. */
function hangingProducer(stage: 'narrating' | 'rendering'): ItemProducer & { aborted: () => boolean } {
  let signal: AbortSignal | undefined;
  return {
    produce(request: ItemRequest) {
      signal = request.signal;
      request.onStage('narrating');
      if (stage === 'rendering') request.onStage('rendering');
      return new Promise(() => undefined);
    },
    narrateOnly: async () => assert.fail('a job without review is never narrated alone'),
    close: async () => undefined,
    aborted: () => signal?.aborted ?? false,
  };
}

async function runOnce(producer: ItemProducer, maxAttempts: number, limits: { narrating: number; rendering: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'stage-limit-'));
  const queue = new SqliteQueue(path.join(dir, 'jobs.db'), { maxAttempts, backoffSeconds: 60 }, 60_000);
  await queue.enqueue(jobSpec(1));
  const settings = {
    outputRoot: dir,
    fps: 25 as const,
    scale: 0.2,
    concurrency: 1,
    allowPrivateNetworks: false,
    stageLimits: limits,
    feeds: {},
    afterEach: null,
  };
  const lines: string[] = [];
  const handlers: JobHandlers = {
    settings,
    run: (job, signal, onStage) => produceItem(job, { ...settings, producer, signal, onStage }),
    afterDone: async () => null,
    log: (line) => lines.push(line),
  };
  const started = performance.now();
  await queue.process(handlers, { untilIdle: true, signal: new AbortController().signal });
  const elapsed = performance.now() - started;
  const [job] = await queue.list();
  await queue.close();
  return { job: job!, elapsed, lines };
}

describe('stage time limits', { timeout: 20_000 }, () => {
  it('fails a narration that hangs, and retries it later', async () => {
    const producer = hangingProducer('narrating');
    const { job, elapsed, lines } = await runOnce(producer, 3, { narrating: 300, rendering: 60_000 });
    assert.ok(elapsed < 5000, `the worker was held ${Math.round(elapsed)} ms`);
    assert.equal(job.state, 'queued');
    assert.equal(job.attempts, 1);
    assert.match(job.lastError ?? '', /narrating stage ran past its time limit of 0\.005 minutes.*stageMinutes\.narrating/);
    assert.ok(job.nextAttemptAt !== null);
    assert.ok(producer.aborted(), 'the work was told to stop');
    assert.ok(lines.some((line) => /will be retried: The job's narrating stage/.test(line)));
  });

  it('fails a render that hangs for good on the last attempt', async () => {
    const { job, elapsed } = await runOnce(hangingProducer('rendering'), 1, { narrating: 60_000, rendering: 300 });
    assert.ok(elapsed < 5000, `the worker was held ${Math.round(elapsed)} ms`);
    assert.equal(job.state, 'failed');
    assert.match(job.lastError ?? '', /rendering stage ran past its time limit/);
  });
});
