// Review in production, through the SQLite queue and produceItem: a job with review is narrated alone into its
// review folder (passes kept for re-synthesis) and stops at awaitingReview; once approved, the next attempt renders
// that narration as it is, with the desk's style, and never narrates again; a job without review runs as before.
// The producer is a recording stand-in (the real narrate and render take minutes a job; the real pipeline's parts
// are tested in desk-resynthesis.test.ts and the schedule integration tests): it is the part under the queue.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readNarration } from '../../src/contract/narration.ts';
import { produceItem } from '../../src/schedule/produce-item.ts';
import type { ItemProducer, ItemRequest } from '../../src/schedule/producer.ts';
import type { JobHandlers } from '../../src/schedule/queue/job-queue.ts';
import { SqliteQueue } from '../../src/schedule/queue/sqlite-queue.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import { reviewFolders } from '../../src/schedule/output-layout.ts';
import { writeReviewEdits } from '../../src/schedule/review-edits.ts';
import { jobSpec } from '../helpers/schedule.ts';
import { readFileSync } from 'node:fs';

const sample = readNarration(JSON.parse(readFileSync(new URL('../../public/sample/narration.json', import.meta.url), 'utf8'))).narration!;

function recordingProducer() {
  const calls: Array<{ kind: 'narrateOnly' | 'produce'; request: Omit<ItemRequest, 'formats'> }> = [];
  const producer: ItemProducer = {
    async narrateOnly(request) {
      calls.push({ kind: 'narrateOnly', request });
      request.onProgress?.({ stage: 'narrating', done: 3, total: 3, etaMs: 0 });
      mkdirSync(request.outDir, { recursive: true });
    },
    async produce(request) {
      calls.push({ kind: 'produce', request });
      request.onStage('rendering');
      mkdirSync(request.outDir, { recursive: true });
      return { videos: {}, narration: sample };
    },
    close: async () => undefined,
  };
  return { producer, calls };
}

async function pass(file: string, output: string, producer: ItemProducer) {
  const queue = new SqliteQueue(file, { maxAttempts: 3, backoffSeconds: 60 }, 60_000);
  const settings = {
    outputRoot: output,
    fps: 25 as const,
    scale: 0.2,
    concurrency: 1,
    allowPrivateNetworks: false,
    stageLimits: { narrating: 60_000, rendering: 60_000 },
    feeds: {},
    afterEach: null,
  };
  const handlers: JobHandlers = {
    settings,
    run: (job, signal, onStage, onProgress) => produceItem(job, { ...settings, producer, signal, onStage, onProgress }),
    afterDone: async () => null,
    log: () => undefined,
  };
  await queue.process(handlers, { untilIdle: true, signal: new AbortController().signal });
  await queue.close();
}

describe('review in production', () => {
  it('narrates alone, waits for approval, then renders the reviewed narration with its style', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'review-queue-'));
    const [file, output] = [path.join(dir, 'jobs.db'), path.join(dir, 'videos')];
    const store = new SqliteJobStore(file);
    store.enqueue({ ...jobSpec(1), review: true }, new Date());
    const { producer, calls } = recordingProducer();

    await pass(file, output, producer);
    const waiting = store.list()[0]!;
    const folders = reviewFolders(output, waiting);
    assert.equal(waiting.state, 'awaitingReview');
    assert.deepEqual(
      calls.map(({ kind, request }) => [kind, request.outDir, request.passCache]),
      [['narrateOnly', folders.narration, folders.passes]],
    );
    assert.deepEqual(calls[0]!.request.source, { kind: 'article', location: 'https://e.com/1' });

    await pass(file, output, producer);
    assert.equal(calls.length, 1, 'nothing runs while the job awaits review');

    await writeReviewEdits(folders.edits, { lexicon: [], style: { fontSize: 80 } });
    store.approve(waiting.id, waiting.revision, new Date());
    await pass(file, output, producer);
    assert.equal(calls.length, 2);
    assert.equal(calls[1]!.kind, 'produce');
    assert.deepEqual(calls[1]!.request.source, { from: folders.narration }, 'the reviewed narration, not a new one');
    assert.equal(calls[1]!.request.props?.fontSize, 80);
    assert.equal(store.list()[0]!.state, 'done');
    store.close();
  });

  it('runs a job without review as before: one produce from its page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'review-queue-'));
    const file = path.join(dir, 'jobs.db');
    const store = new SqliteJobStore(file);
    store.enqueue(jobSpec(2), new Date());
    const { producer, calls } = recordingProducer();
    await pass(file, path.join(dir, 'videos'), producer);
    assert.deepEqual(
      calls.map(({ kind, request }) => [kind, request.source, request.passCache]),
      [['produce', { kind: 'article', location: 'https://e.com/2' }, undefined]],
    );
    assert.equal(store.list()[0]!.state, 'done');
    store.close();
  });
});
