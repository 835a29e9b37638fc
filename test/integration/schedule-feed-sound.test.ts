// A feed's own target length and music bed, on the real pipeline: the scheduler cuts its items at maxSeconds and
// mixes its music under the voice (a tone stands in for the music: test/helpers/music.ts), relative to the
// config file; a music file that is missing stops the scheduler before any work, with the field named.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NarrationSchema } from '../../src/contract/narration.ts';
import { createDeskServer } from '../../src/desk/server.ts';
import { loadConfig } from '../../src/schedule/config.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import { runCli } from '../helpers/env.ts';
import { bedLevelsDb, writeTone } from '../helpers/music.ts';
import { startNewsSite, type NewsSite } from '../helpers/news-site.ts';
import { readJobRecord, readOutput, SCHEDULE_CLI, writeConfig } from '../helpers/schedule.ts';
import { ffprobe } from '../helpers/video.ts';

const MAX_SECONDS = 20;

describe("a feed's length and music bed", { timeout: 20 * 60_000 }, () => {
  let site: NewsSite;
  let dir: string;

  before(async () => {
    site = await startNewsSite();
    site.publish('Las bibliotecas de barrio abrirán más horas');
    dir = mkdtempSync(path.join(tmpdir(), 'schedule-feed-sound-'));
    await writeTone(path.join(dir, 'bed.wav'), 5);
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops before any work when a feed or the config names a music file that does not exist', async () => {
    const config = writeConfig(dir, { feeds: [{ url: site.server.url('/rss.xml'), format: 'vertical', music: 'missing.mp3' }] });
    const run = await runCli(SCHEDULE_CLI, ['--config', config, '--once']);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /feeds\[0\]\.music: The music file .*missing\.mp3 does not exist\. Point music: at an audio file/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    const global = await runCli(SCHEDULE_CLI, [
      '--config',
      writeConfig(dir, { feeds: [{ url: site.server.url('/rss.xml') }], music: 'gone.wav' }),
      '--once',
    ]);
    assert.notEqual(global.code, 0);
    assert.match(global.stderr, /feeds\.yaml: music: The music file .*gone\.wav does not exist\. Point music: at an audio file/);
    assert.equal(global.stderr.trim().split('\n').length, 1, global.stderr);
    assert.equal(site.hits.size, 0, 'no article was fetched');
    assert.equal(existsSync(path.join(dir, 'videos')) && readOutput(path.join(dir, 'videos')).finished.length > 0, false);
  });

  it(`ends the video within ${MAX_SECONDS} s at a sentence end, with the music under the voice`, async () => {
    const config = writeConfig(dir, {
      feeds: [{ url: site.server.url('/rss.xml'), format: 'vertical', maxSeconds: MAX_SECONDS, music: { file: 'bed.wav', level: -6 } }],
    });
    const run = await runCli(SCHEDULE_CLI, ['--config', config, '--once']);
    assert.equal(run.code, 0, run.stderr);
    const output = path.join(dir, 'videos');
    const [folder] = readOutput(output).finished;
    assert.ok(folder, run.stderr);
    const record = readJobRecord(output, folder);
    const video = path.join(output, folder, record.videos.vertical!);
    const durationMs = Number((await ffprobe(video)).format.duration) * 1000;
    assert.ok(durationMs <= MAX_SECONDS * 1000 + 50, `${durationMs} ms`);
    const narration = NarrationSchema.parse(JSON.parse(readFileSync(path.join(output, folder, 'narration.json'), 'utf8')));
    // The narration was cut (its budget is the video's less the closing card).
    assert.ok(narration.shortened !== undefined && narration.shortened.maxSeconds < MAX_SECONDS, JSON.stringify(narration.shortened));
    assert.match(narration.text.trim(), /[.!?]$/);
    const { speechDb, pauseDb } = await bedLevelsDb(video, narration.words, durationMs);
    // The tone is -6 LU from the voice where nobody speaks: clearly there, and 18 dB down under speech.
    assert.ok(pauseDb > -40, `the bed is at ${pauseDb.toFixed(1)} dB where nobody speaks`);
    assert.ok(pauseDb - speechDb >= 15, `${(pauseDb - speechDb).toFixed(1)} dB down under speech`);
  });

  it("puts the config's own music bed under a desk submission that asks for it", async () => {
    const emptyFeed = await startNewsSite();
    const config = writeConfig(path.join(dir), {
      feeds: [{ url: emptyFeed.server.url('/rss.xml') }],
      music: { file: 'bed.wav', level: -6 },
      output: './desk-videos',
    });
    const { output, music } = await loadConfig(config);
    const store = new SqliteJobStore(path.join(dir, 'jobs.db'));
    const desk = createDeskServer({
      store,
      config: { output, lexicon: [], allowPrivateNetworks: true, leaseSeconds: 60, formats: ['vertical'], music },
      token: null,
      origins: ['http://localhost:80'],
    });
    try {
      const submitted = await desk.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: { host: 'localhost:80', origin: 'http://localhost:80' },
        payload: {
          title: 'La biblioteca amplía su horario',
          text: 'La biblioteca abrirá más horas. El ayuntamiento pagará la obra.',
          music: true,
          review: false,
        },
      });
      assert.equal(submitted.statusCode, 201, submitted.body);
    } finally {
      await desk.close();
      store.close();
    }
    const run = await runCli(SCHEDULE_CLI, ['--config', config, '--once']);
    await emptyFeed.close();
    assert.equal(run.code, 0, run.stderr);
    const [folder] = readOutput(output).finished;
    assert.ok(folder, run.stderr);
    const video = path.join(output, folder, readJobRecord(output, folder).videos.vertical!);
    const durationMs = Number((await ffprobe(video)).format.duration) * 1000;
    const narration = NarrationSchema.parse(JSON.parse(readFileSync(path.join(output, folder, 'narration.json'), 'utf8')));
    const { speechDb, pauseDb } = await bedLevelsDb(video, narration.words, durationMs);
    assert.ok(pauseDb > -40, `the bed is at ${pauseDb.toFixed(1)} dB where nobody speaks`);
    assert.ok(pauseDb - speechDb >= 15, `${(pauseDb - speechDb).toFixed(1)} dB down under speech`);
  });
});
