// Where videos go (OUT/YYYY-MM-DD/<slug>-<hash>/), the retry timing, the afterEach command, and a folder
// already published for a job being taken as its result.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runAfterEach } from '../../src/schedule/after-each.ts';
import { itemFolder, keyHash, slugify } from '../../src/schedule/output-layout.ts';
import { backoffSeconds, nextStep } from '../../src/schedule/retry.ts';
import '../helpers/env.ts';

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
    assert.equal(await runAfterEach('sleep 5', folder, 200), 'afterEach was stopped after its time limit of 0.2 s');
  });
});
