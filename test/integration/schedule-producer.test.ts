// The scheduler's producer on the real pipeline, where it must do nothing: a job whose folder is already published
// is taken as done, and a private article is refused before any synthesis or request. Both start the real
// producer (its browser and bundle get ready as a narration begins), which is why they are integration tests.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JobView } from '../../src/schedule/job.ts';
import { JOB_RECORD_FILE, type JobRecord } from '../../src/schedule/job-record.ts';
import { itemFolder } from '../../src/schedule/output-layout.ts';
import { produceItem } from '../../src/schedule/produce-item.ts';
import { ScheduledProducer } from '../../src/schedule/producer.ts';
import { classifyFailure } from '../../src/schedule/retry.ts';
import '../helpers/env.ts';
import { articleHtml } from '../helpers/news-site.ts';
import { send, startServer, type TestServer } from '../helpers/server.ts';

describe('a folder already published for the job', () => {
  it('is the result: nothing is fetched, narrated or rendered again', async () => {
    const outputRoot = mkdtempSync(path.join(tmpdir(), 'schedule-published-'));
    const job: JobView = {
      key: 'guid:urn:7',
      feedUrl: 'http://127.0.0.1:9/rss.xml',
      itemUrl: 'http://127.0.0.1:9/a.html',
      guid: 'urn:7',
      title: 'Siete',
      publishedAt: null,
      voice: null,
      language: null,
      formats: ['vertical'],
      folder: itemFolder({ key: 'guid:urn:7', title: 'Siete', publishedAt: null }, new Date('2026-11-25T07:00:00Z')),
      id: '7',
      state: 'narrating',
      attempts: 2,
      lastError: null,
      afterEachError: null,
      createdAt: '2026-11-25T07:00:00.000Z',
      updatedAt: '2026-11-25T07:00:00.000Z',
      startedAt: null,
      finishedAt: null,
      nextAttemptAt: null,
      revision: 1,
      lastChange: null,
      progress: null,
      approved: false,
    };
    const record: JobRecord = {
      version: 1,
      key: job.key,
      source: { feed: job.feedUrl, item: job.itemUrl, guid: job.guid, title: job.title, publishedAt: null },
      times: { firstSeenAt: job.createdAt, startedAt: job.createdAt, narratedAt: job.createdAt, finishedAt: job.createdAt },
      durations: { narrationMs: 1, renderMs: 1, itemToVideoMs: 2, audioMs: 1000 },
      attempt: 1,
      videos: { vertical: 'video.mp4' },
      model: { file: 'kokoro-v1.0.int8.onnx', sha256: '0'.repeat(64) },
      productVersion: '0.1.0',
    };
    mkdirSync(path.join(outputRoot, job.folder), { recursive: true });
    writeFileSync(path.join(outputRoot, job.folder, JOB_RECORD_FILE), JSON.stringify(record));
    // The real producer, pointed at an address it refuses: had it been called, the job would fail.
    const producer = new ScheduledProducer();
    try {
      const options = {
        producer,
        outputRoot,
        fps: 25 as const,
        scale: 0.2,
        concurrency: 1,
        allowPrivateNetworks: false,
        stageLimits: { narrating: 600_000, rendering: 600_000 },
        feeds: {},
        signal: new AbortController().signal,
        onStage: () => assert.fail('nothing may run'),
      };
      const produced = await produceItem(job, options);
      assert.deepEqual(produced, { folder: path.join(outputRoot, job.folder), record, produced: false });
      // A job.json of another key is not this job's result.
      await assert.rejects(produceItem({ ...job, key: 'guid:urn:8' }, options), /resolves to 127\.0\.0\.1/);
    } finally {
      await producer.close();
    }
  });
});

describe('a private article', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ '/page': send(articleHtml('Titular'), 'text/html') });
  });
  after(() => server.close());

  it('refuses a private article in the video pipeline itself, with no synthesis and no request', async () => {
    const producer = new ScheduledProducer();
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'schedule-network-')), 'video');
    const before = server.userAgents.length;
    try {
      const attempt = producer.produce({
        source: { kind: 'article', location: server.url('/page') },
        voice: null,
        language: null,
        formats: ['vertical'],
        fps: 25,
        scale: 0.2,
        concurrency: 1,
        outDir,
        allowPrivateNetworks: false,
        signal: new AbortController().signal,
        onStage: () => assert.fail('no stage may start'),
      });
      await assert.rejects(attempt, (error: Error) => /resolves to 127\.0\.0\.1/.test(error.message) && classifyFailure(error) === 'permanent');
    } finally {
      await producer.close();
    }
    assert.equal(server.userAgents.length, before);
    assert.deepEqual(readdirSync(path.dirname(outDir)), []);
  });
});
