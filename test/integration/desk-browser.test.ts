// The desk in a real browser (system Chromium via playwright-core) against the real `npm run desk`, a real
// scheduler worker and a real SQLite store: an editor makes a video from an article served on 127.0.0.1, reviews
// it in the Player, corrects a word, restyles (the style still there after a reload), approves, and the published
// narration says the corrected word; a second browser context watches the job change state without reloading.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { NarrationSchema } from '../../src/contract/narration.ts';
import '../helpers/env.ts';
import { launchBrowser, type RunningDesk, startDesk, startWorker } from '../helpers/desk.ts';
import { startNewsSite, type NewsSite } from '../helpers/news-site.ts';
import { jobsIn, type RunningScheduler, writeConfig } from '../helpers/schedule.ts';
import { ffprobe } from '../helpers/video.ts';

const MINUTES = 60_000;

describe('the desk in a browser', () => {
  let dir: string;
  let site: NewsSite;
  let desk: RunningDesk;
  let worker: RunningScheduler;
  let browser: Browser;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'desk-browser-'));
    site = await startNewsSite();
    const config = writeConfig(dir, { feeds: [{ url: site.server.url('/rss.xml') }] });
    desk = await startDesk(['--config', config]);
    worker = startWorker(config);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    worker?.kill();
    await desk?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes, reviews, corrects and approves a video; another editor sees each state live', { timeout: 12 * MINUTES }, async () => {
    const item = site.publish('Las bibliotecas de barrio abrirán más horas');
    const editor = await browser.newContext();
    const watcher = await browser.newContext();
    const page = await editor.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // A second editor keeps the jobs list open from the start; it must never reload.
    const jobsList = await watcher.newPage();
    await jobsList.goto(`${desk.origin}/#/jobs`);
    await jobsList.getByText('No jobs yet').waitFor();
    const statesSeen = new Set<string>();
    const watch = setInterval(() => {
      jobsList
        .locator('[data-testid="job-state"]')
        .allTextContents()
        .then(
          (states) => {
            for (const state of states) statesSeen.add(state);
          },
          () => undefined,
        );
    }, 200);

    await page.goto(`${desk.origin}/#/new`);
    // The form offers the desk's own choices: Kokoro's voices, and no music bed where the config names none.
    await page.locator('select[name="voice"] option[value="ef_dora"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('select[name="voice"] option').count(), 55, "the language's default and 54 voices");
    assert.equal(await page.locator('input[name="music"]').isDisabled(), true, 'no music bed to ask for');
    await page.locator('input[name="url"]').fill(site.server.url(`/articulos/${item.slug}.html`));
    await page.getByRole('button', { name: 'Make the video' }).click();
    await page.waitForURL(/#\/review\//);
    await page.locator('[data-testid="job-state"]', { hasText: 'awaiting review' }).waitFor({ timeout: 6 * MINUTES });

    // The Player plays the composition with its audio: the title card first, then the body's words as they are said.
    const preview = page.locator('[data-testid="preview"]');
    await preview.getByText('Las bibliotecas de barrio').first().waitFor();
    await preview.click();
    await preview.getByText('ayuntamiento').first().waitFor({ timeout: 30_000 });

    const sentence = page.locator('textarea', { hasText: 'renovar las bibliotecas' });
    const text = await sentence.inputValue();
    await sentence.fill(text.replace('renovar las bibliotecas', 'renovar las salas de lectura'));
    await page.getByTestId('save').click();
    // The desk loads the model on its first edit, then synthesizes again only the pass the sentence is in.
    const outcome = page.getByTestId('edit-result').or(page.getByTestId('review-error'));
    await outcome.waitFor({ timeout: 4 * MINUTES });
    assert.match((await outcome.textContent()) ?? '', /Saved: 1 pass\(es\) synthesized again, \d+ reused/, 'the correction cost one pass');

    // A style edit is saved with the job and comes back with it: after a reload the form, and the Player it feeds,
    // show the saved size, and the saved style does not count as a change that holds back approval.
    const approvable = page.locator('[data-testid="approve"]:enabled');
    await approvable.waitFor();
    await page.getByLabel('Subtitle size').fill('80');
    await page.getByTestId('save').click();
    await page.getByTestId('edit-result').filter({ hasText: 'Saved: 0 pass(es) synthesized again' }).waitFor({ timeout: MINUTES });
    await approvable.waitFor();
    await page.reload();
    await approvable.waitFor();
    assert.equal(await page.getByLabel('Subtitle size').inputValue(), '80', 'the saved subtitle size, after a reload');

    await page.getByTestId('approve').click();
    await page.goto(`${desk.origin}/#/jobs`);
    const row = page.locator('tr[data-state="done"]');
    await row.waitFor({ timeout: 6 * MINUTES });
    // The watcher's page, never reloaded, reaches done by the events alone.
    await jobsList.locator('tr[data-state="done"]').waitFor();
    clearInterval(watch);
    for (const state of ['narrating', 'awaiting review'])
      assert.ok(statesSeen.has(state), `the watcher saw "${state}" (saw ${[...statesSeen].join(', ')})`);
    assert.ok(statesSeen.has('rendering') || statesSeen.has('queued'), `the watcher saw the render coming (saw ${[...statesSeen].join(', ')})`);

    // The published folder: the corrected words in narration.json and an MP4 with video and audio.
    const [job] = jobsIn(path.join(dir, 'jobs.db'));
    assert.equal(job?.state, 'done');
    const folder = path.join(dir, 'videos', job.folder);
    const narration = NarrationSchema.parse(JSON.parse(readFileSync(path.join(folder, 'narration.json'), 'utf8')));
    const words = narration.words.map((word) => word.text.toLowerCase());
    assert.ok(words.includes('salas') && words.includes('lectura'), 'the corrected words are narrated');
    assert.ok(!narration.sentences.some((span) => span.text.includes('renovar las bibliotecas')), 'the old words are gone');
    const video = path.join(folder, 'video.mp4');
    assert.ok(existsSync(video), `${video} exists`);
    const probe = await ffprobe(video);
    assert.deepEqual(probe.streams.map((stream) => stream.codec_type).sort(), ['audio', 'subtitle', 'video'].sort());

    // The video page plays the finished MP4 and lists the folder's files.
    await page.goto(`${desk.origin}/#/video/${job.id}`);
    await page.getByTestId('video-vertical').waitFor();
    await page.getByTestId('files').getByText('narration.json').waitFor();
    assert.deepEqual(errors, [], 'no script error in the page');
  });
});
