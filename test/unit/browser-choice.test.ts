// Which browser renders: the one named, and the mode each build is driven in. The fallback to the Chromium inside
// @sparticuz/chromium, with a real render, is in test/integration/browser.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chromeModeFor, findBrowser } from '../../src/render/browser.ts';

describe('browser choice', () => {
  it('drives headless-shell builds in their own mode and full Chromium as Chrome for Testing', () => {
    assert.equal(chromeModeFor('/usr/bin/chromium-headless-shell'), 'headless-shell');
    assert.equal(chromeModeFor('/opt/chrome-headless-shell/chrome-headless-shell'), 'headless-shell');
    assert.equal(chromeModeFor('/usr/bin/chromium'), 'chrome-for-testing');
  });

  it('takes the named browser first, and refuses one that does not exist', async () => {
    assert.deepEqual(await findBrowser('/usr/bin/chromium-headless-shell'), {
      executable: '/usr/bin/chromium-headless-shell',
      chromeMode: 'headless-shell',
      origin: '--browser',
    });
    await assert.rejects(findBrowser('/nowhere/chrome'), /The browser \/nowhere\/chrome does not exist/);
  });
});
