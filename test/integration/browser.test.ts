// Which browser renders: the one named, a system Chromium, then the Chromium inside @sparticuz/chromium; and a
// real render with that packaged Chromium, as on a machine with nothing but npm.
import assert from 'node:assert/strict';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { BROWSER_DOWNLOAD_ENV, findBrowser, packagedChromium, packagedChromiumFolder } from '../../src/render/browser.ts';
import { VideoRenderer } from '../../src/render/render-video.ts';
import { boxOfColor, rgbPixels } from '../helpers/video.ts';

process.env[BROWSER_DOWNLOAD_ENV] = 'never';
const systemPath = process.env.PATH;
const systemTmpdir = process.env.TMPDIR;

describe('browser choice', () => {
  after(() => {
    process.env.PATH = systemPath;
  });

  it('never takes a browser planted in the shared /tmp: the packaged one unpacks into a folder private to this user', async () => {
    const planted = path.join(tmpdir(), 'chromium');
    const plantedHere = !existsSync(planted);
    if (plantedHere) writeFileSync(planted, '#!/bin/sh\necho planted\n', { mode: 0o755 });
    try {
      const executable = await packagedChromium();
      assert.ok(executable, 'the packaged Chromium unpacked');
      assert.notEqual(executable, planted);
      assert.equal(path.dirname(executable), packagedChromiumFolder());
      assert.equal(statSync(packagedChromiumFolder()).mode & 0o777, 0o700);
      assert.equal(process.env.TMPDIR, systemTmpdir, 'TMPDIR is given back');
    } finally {
      if (plantedHere) rmSync(planted);
    }
  });

  it('falls back to the Chromium inside @sparticuz/chromium and renders a frame with it', async () => {
    // An empty folder as PATH: no system browser can be found.
    process.env.PATH = await mkdtemp(path.join(tmpdir(), 'no-browsers-'));
    const choice = await findBrowser(undefined);
    process.env.PATH = systemPath;
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
