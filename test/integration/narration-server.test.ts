import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { serveFolder } from '../../src/render/serve.ts';

// A real server on 127.0.0.1 given a reversed range, a dotfile and a guessed path: it must answer each and keep serving.
it('survives a reversed Range and serves only the narration under its random token', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'serve-'));
  await writeFile(join(folder, 'narration.json'), '{"ok":true,"pad":"0123456789"}');
  await writeFile(join(folder, '.env'), 'SECRET=1');
  const server = await serveFolder(folder);
  try {
    const reversed = await fetch(`${server.url}narration.json`, { headers: { Range: 'bytes=5-2' } });
    assert.equal(reversed.status, 416);
    const whole = await fetch(`${server.url}narration.json`);
    assert.equal(whole.status, 200, 'the server is still up after the bad range');
    assert.equal((await whole.json()).ok, true);
    assert.equal((await fetch(`${server.url}.env`)).status, 404);
    assert.equal((await fetch(`${new URL(server.url).origin}/narration.json`)).status, 404, 'no file without the token');
  } finally {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
});
