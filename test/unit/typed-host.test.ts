// A typed URL may point at the person's own network, but only the host they typed: a page on 127.0.0.1 that
// redirects to another private host, or whose lead image is on one, is refused there. Real servers: one on
// 127.0.0.1 (the typed host) and one on 127.0.0.2 (another private address; Linux routes all of 127/8 to loopback).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchPage } from '../../src/article/fetch.ts';
import { downloadImage, IMAGE_LIMITS } from '../../src/article/image-download.ts';
import { send, startServer, type TestServer } from '../helpers/server.ts';

describe('private networks from a typed URL', () => {
  let typed: TestServer;
  let other: Server;
  let otherUrl: string;

  before(async () => {
    other = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>internal service</p>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.2', resolve));
    otherUrl = `http://127.0.0.2:${(other.address() as AddressInfo).port}/admin`;
    typed = await startServer({
      '/page': send('<html><body><p>typed page</p></body></html>', 'text/html'),
      '/jump': (_request, response) => response.writeHead(302, { location: otherUrl }).end(),
    });
  });
  after(async () => {
    await typed.close();
    await new Promise((resolve) => other.close(resolve));
  });

  it('fetches the private host that was typed', async () => {
    const page = await fetchPage(typed.url('/page'));
    assert.match(new TextDecoder().decode(page.bytes), /typed page/);
  });

  it('refuses a redirect from the typed host to another private address', async () => {
    await assert.rejects(fetchPage(typed.url('/jump')), /127\.0\.0\.2.*loopback, private or link-local.*Only the host you typed/s);
  });

  it("drops a lead image on another private host with a warning, under the typed host's rule", async () => {
    const warnings: string[] = [];
    const folder = await mkdtemp(path.join(tmpdir(), 'typed-host-'));
    const image = await downloadImage(`${otherUrl}.jpg`, folder, { name: 'lead', what: 'the lead image' }, (line) => warnings.push(line), {
      ...IMAGE_LIMITS,
      allowPrivateNetworks: { host: new URL(typed.url('/')).host },
    });
    assert.equal(image, null);
    assert.match(warnings.join('\n'), /127\.0\.0\.2/);
  });
});
