// npm run screenshots:desk: README's pictures of the desk, taken from the real app: `npm run desk` and a scheduler
// worker on a fresh store, driven in the system Chromium from a pasted text to its finished video. Small JPEGs:
// they are committed.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '../src/cli/run.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { launchBrowser, startDesk, startWorker } from '../test/helpers/desk.ts';
import { writeConfig } from '../test/helpers/schedule.ts';

const OUT = path.join(PROJECT_ROOT, 'docs', 'screenshots', 'desk');
const MINUTES = 60_000;
const TITLE = 'Las bibliotecas de barrio abrirán más horas';
const TEXT = [
  'El ayuntamiento presentó ayer un plan para renovar las bibliotecas de los barrios, con más horas de apertura y nuevos espacios de estudio.',
  'Las obras comenzarán en primavera y durarán unos seis meses, según explicó la concejala de Cultura en una rueda de prensa.',
].join('\n\n');

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-screenshots-'));
  mkdirSync(OUT, { recursive: true });
  // The worker never reads its feed (--worker); the config needs one all the same.
  const config = writeConfig(dir, { feeds: [{ url: 'http://127.0.0.1:9/rss.xml' }] });
  const desk = await startDesk(['--config', config]);
  const worker = startWorker(config);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const shoot = async (name: string) => {
      const file = path.join(OUT, `${name}.jpg`);
      await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
      process.stdout.write(`${path.relative(PROJECT_ROOT, file)}\n`);
    };
    await page.goto(`${desk.origin}/#/new`);
    await page.getByLabel('Title and text').check();
    await page.locator('input[name="title"]').fill(TITLE);
    await page.locator('textarea[name="text"]').fill(TEXT);
    await shoot('new-video');
    await page.getByRole('button', { name: 'Make the video' }).click();
    await page.locator('[data-testid="job-state"]', { hasText: 'awaiting review' }).waitFor({ timeout: 6 * MINUTES });
    await page.locator('[data-testid="preview"]').getByText(TITLE).first().waitFor();
    await shoot('review');
    await page.getByTestId('approve').click();
    await page.goto(`${desk.origin}/#/jobs`);
    await page
      .locator('[data-testid="job-state"]', { hasText: 'rendering' })
      .or(page.locator('tr[data-state="done"]'))
      .first()
      .waitFor({ timeout: 2 * MINUTES });
    await shoot('jobs');
    await page
      .locator('tr[data-state="done"] a')
      .first()
      .click({ timeout: 6 * MINUTES });
    await page.getByTestId('files').getByText('narration.json').waitFor();
    await shoot('video');
  } finally {
    await browser.close();
    worker.kill();
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await runCommand(main);
