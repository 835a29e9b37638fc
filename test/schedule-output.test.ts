// Where videos go (OUT/YYYY-MM-DD/<slug>-<hash>/), the retry timing, the afterEach command, and a folder
// already published for a job being taken as its result.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runAfterEach } from '../src/schedule/after-each.ts';
import type { JobView } from '../src/schedule/job.ts';
import { JOB_RECORD_FILE, type JobRecord } from '../src/schedule/job-record.ts';
import { itemFolder, keyHash, slugify } from '../src/schedule/output-layout.ts';
import { produceItem } from '../src/schedule/produce-item.ts';
import { ScheduledProducer } from '../src/schedule/producer.ts';
import { backoffSeconds, nextStep } from '../src/schedule/retry.ts';
import './helpers/env.ts';

describe('output layout', () => {
  it('makes readable ASCII slugs from any title, cut on a word', () => {
    assert.equal(slugify('¿Qué pasará con el Año Nuevo? «Nadie lo sabe»'), 'que-pasara-con-el-ano-nuevo-nadie-lo-sabe');
    assert.equal(slugify('Ça coûte 1.250.000 € à São Paulo'), 'ca-coute-1-250-000-a-sao-paulo');
    assert.equal(slugify('🎉🎉'), '');
    const long = slugify('Una frase muy larga que sigue y sigue sin terminar nunca jamás porque los titulares a veces son así');
    assert.ok(long.length <= 60 && !long.endsWith('-'));
    assert.equal(long, 'una-frase-muy-larga-que-sigue-y-sigue-sin-terminar-nunca');
  });

  it('puts an item under its publication day, else the day it was first seen, with a hash of its key', () => {
    const seen = new Date('2026-11-25T07:00:00Z');
    const key = 'guid:urn:1';
    assert.equal(itemFolder({ key, title: 'Hola mundo', publishedAt: '2026-11-24T23:30:00.000Z' }, seen), `2026-11-24/hola-mundo-${keyHash(key)}`);
    assert.equal(itemFolder({ key, title: 'Hola mundo', publishedAt: null }, seen), `2026-11-25/hola-mundo-${keyHash(key)}`);
    assert.equal(itemFolder({ key, title: '🎉', publishedAt: null }, seen), `2026-11-25/${keyHash(key)}`);
    assert.notEqual(
      itemFolder({ key: 'guid:a', title: 'Igual', publishedAt: null }, seen),
      itemFolder({ key: 'guid:b', title: 'Igual', publishedAt: null }, seen),
    );
  });
});

describe('retry timing', () => {
  const policy = { maxAttempts: 4, backoffSeconds: 60 };
  it('waits 1, 4, 16 minutes, at most a day, and gives up after maxAttempts or a permanent failure', () => {
    assert.deepEqual(
      [1, 2, 3].map((attempt) => backoffSeconds(policy, attempt)),
      [60, 240, 960],
    );
    assert.equal(backoffSeconds({ maxAttempts: 20, backoffSeconds: 600 }, 10), 86_400);
    const now = new Date('2026-11-25T07:00:00Z');
    assert.deepEqual(nextStep(policy, 'transient', 2, now), { retryAt: new Date('2026-11-25T07:04:00Z') });
    assert.deepEqual(nextStep(policy, 'transient', 4, now), { giveUp: true });
    assert.deepEqual(nextStep(policy, 'permanent', 1, now), { giveUp: true });
  });
});

describe('afterEach', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'schedule-after-'));
  it('runs the command with the folder as $1 and $VIDEO_DIR', async () => {
    assert.equal(await runAfterEach('echo "$1|$VIDEO_DIR" > "$1/uploaded.txt"', folder), null);
    assert.equal(readFileSync(path.join(folder, 'uploaded.txt'), 'utf8'), `${folder}|${folder}\n`);
  });
  it('reports a failure with its exit code and stderr, and a command that hangs', async () => {
    assert.equal(await runAfterEach('echo "upload refused" >&2; exit 3', folder), 'afterEach exited with code 3: upload refused');
    assert.equal(await runAfterEach('sleep 5', folder, 200), 'afterEach was stopped by SIGTERM');
  });
});

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
      folder: '2026-11-25/siete-abc',
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
