// Which browser renders: the one named, a system Chromium, then the Chromium inside @sparticuz/chromium; and a
// real render with that packaged Chromium, as on a machine with nothing but npm.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { BROWSER_DOWNLOAD_ENV, findBrowser } from '../../src/render/browser.ts';
import { VideoRenderer } from '../../src/render/render-video.ts';
import { boxOfColor, rgbPixels } from '../helpers/video.ts';

process.env[BROWSER_DOWNLOAD_ENV] = 'never';
const systemPath = process.env.PATH;

describe('browser choice', () => {
  after(() => {
    process.env.PATH = systemPath;
  });

  it('falls back to the Chromium inside @sparticuz/chromium and renders a frame with it', async () => {
    // An empty folder as PATH: no system browser can be found.
    process.env.PATH = await mkdtemp(path.join(tmpdir(), 'no-browsers-'));
    const choice = await findBrowser(undefined);
    assert.equal(choice.origin, '@sparticuz/chromium');
    assert.equal(choice.chromeMode, 'headless-shell');
    const renderer = new VideoRenderer();
    try {
      const still = path.join(await mkdtemp(path.join(tmpdir(), 'sparticuz-')), 'still.png');
      await renderer.still(path.join(PROJECT_ROOT, 'public', 'sample'), { format: 'square', fps: 30, frame: 150, output: still, scale: 0.5 });
      const box = boxOfColor(await rgbPixels(still), [255, 210, 63]);
      assert.ok(box && box.pixels > 100, 'the highlighted word is drawn');
    } finally {
      await renderer.close();
    }
  });
});
