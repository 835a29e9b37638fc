// Remotion's servers during a real render, seen from outside the process: every socket listening on Remotion's
// ports (3000-3100) while `render` runs is on loopback, none on 0.0.0.0 or ::. Read from /proc/net/tcp and tcp6
// every 50 ms; the test also requires having seen at least one, so it cannot pass by looking at the wrong time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { runCli } from '../helpers/env.ts';
import { copySampleNarration } from '../helpers/sample.ts';

const LISTEN = '0A';

/** Listening sockets on ports 3000-3100, as "address:port" with the address as /proc writes it (hex). */
function remotionListeners(): string[] {
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === LISTEN)
      .map((fields) => fields[1]!)
      .filter((local) => {
        const port = Number.parseInt(local.split(':')[1]!, 16);
        return port >= 3000 && port <= 3100;
      }),
  );
}

const EVERY_INTERFACE = new Set(['00000000', '00000000000000000000000000000000']);
const LOOPBACK = new Set(['0100007F', '00000000000000000000000001000000']);

it('keeps every server Remotion starts during a render on loopback', { skip: process.platform !== 'linux' && 'reads /proc/net' }, async () => {
  const folder = path.join(await mkdtemp(path.join(tmpdir(), 'loopback-')), 'sample');
  await copySampleNarration(folder, false);
  const seen = new Set<string>();
  const watch = setInterval(() => {
    for (const local of remotionListeners()) seen.add(local);
  }, 50);
  const result = await runCli('src/cli/render.ts', [
    '--from',
    folder,
    '--format',
    'vertical',
    '--scale',
    '0.25',
    '--out',
    path.join(folder, '..', 'video'),
  ]);
  clearInterval(watch);
  assert.equal(result.code, 0, result.stderr);
  const addresses = [...seen].map((local) => local.split(':')[0]!);
  assert.ok(addresses.length > 0, 'no server of Remotion was seen listening during the render');
  assert.deepEqual(
    addresses.filter((address) => EVERY_INTERFACE.has(address)),
    [],
    `listening on every interface: ${[...seen].join(', ')}`,
  );
  for (const address of addresses) assert.ok(LOOPBACK.has(address), `listening on ${address}, not loopback`);
});
