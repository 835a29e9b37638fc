// Unattended fetches: private, loopback and link-local addresses refused (every redirect hop checked) unless
// allowed; which fetch failures are retried, checked against the real fetcher over HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_FETCH_LIMITS, fetchPage } from '../../src/article/fetch.ts';
import { isPublicAddress } from '../../src/article/private-address.ts';
import { PrivateAddressError, publicOnlyLookup } from '../../src/article/public-connection.ts';
import { classifyFailure } from '../../src/schedule/retry.ts';
import '../helpers/env.ts';
import { articleHtml } from '../helpers/news-site.ts';
import { send, startServer, type TestServer } from '../helpers/server.ts';

describe('public and private addresses', () => {
  const cases: [string, boolean][] = [
    ['8.8.8.8', true],
    ['151.101.1.140', true],
    ['2606:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd12:3456::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:a9fe:a9fe', false],
    ['[::1]', false],
    // NAT64 and 6to4 carry an IPv4 address, judged as that address.
    ['64:ff9b::7f00:1', false],
    ['64:ff9b::127.0.0.1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['64:ff9b::808:808', true],
    ['2002:7f00:1::', false],
    ['2002:c0a8:101::1', false],
    ['2002:a9fe:a9fe:1::5', false],
    ['2002:808:808::1', true],
    ['fec0::1', false],
    ['feff::1', false],
  ];
  for (const [address, isPublic] of cases) {
    it(`${address} is ${isPublic ? 'public' : 'not public'}`, () => assert.equal(isPublicAddress(address), isPublic));
  }
  it('172.32.0.1, just outside 172.16.0.0/12, is public', () => assert.equal(isPublicAddress('172.32.0.1'), true));
});

describe('fetching with and without private networks', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      '/page': send(articleHtml('Titular'), 'text/html'),
      '/hop': (_request, response) => response.writeHead(302, { location: '/page' }).end(),
      '/to-localhost': (_request, response) => response.writeHead(301, { location: server.url('/page').replace('127.0.0.1', 'localhost') }).end(),
      '/loop': (_request, response) => response.writeHead(302, { location: '/loop' }).end(),
      '/missing': send('no', 'text/html', 404),
      '/busy': send('later', 'text/html', 503),
      '/slow': () => undefined,
    });
  });
  after(() => server.close());
  const guarded = { ...DEFAULT_FETCH_LIMITS, allowPrivateNetworks: false };

  it('follows redirects hop by hop and reports the final address', async () => {
    assert.equal((await fetchPage(server.url('/hop'))).url, server.url('/page'));
    // Another host name, even one for this machine, is not the host typed: private only with the config's opt-in.
    await assert.rejects(fetchPage(server.url('/to-localhost')), /resolves to (127\.0\.0\.1|::1), a loopback/);
    const optedIn = { ...DEFAULT_FETCH_LIMITS, allowPrivateNetworks: true };
    assert.equal((await fetchPage(server.url('/to-localhost'), optedIn)).url, server.url('/page').replace('127.0.0.1', 'localhost'));
  });

  it('refuses a loopback address given directly or by a host name, before any request', async () => {
    const before = server.userAgents.length;
    await assert.rejects(fetchPage(server.url('/page'), guarded), /resolves to 127\.0\.0\.1, a loopback, private or link-local address/);
    await assert.rejects(fetchPage(server.url('/page').replace('127.0.0.1', 'localhost'), guarded), /resolves to (127\.0\.0\.1|::1), a loopback/);
    await assert.rejects(fetchPage('http://[::1]:9/', guarded), /resolves to ::1/);
    await assert.rejects(fetchPage('http://169.254.169.254/latest/meta-data/', guarded), /resolves to 169\.254\.169\.254/);
    assert.equal(server.userAgents.length, before);
  });

  it('checks a host name in the lookup of the connection itself, so the address checked is the one connected to', async () => {
    // The real system resolver: localhost is this machine, whichever family answers first.
    const lookup = publicOnlyLookup();
    for (const all of [false, true]) {
      const error = await new Promise<unknown>((resolve) => lookup('localhost', { all }, (failure) => resolve(failure)));
      assert.ok(error instanceof PrivateAddressError, String(error));
      assert.match(error.address, /^(127\.0\.0\.1|::1)$/);
    }
    // A stand-in resolver (no public host resolves in this offline test): a public answer passes through as the
    // connection asked for it, one address or all of them.
    const answers = [
      { address: '8.8.8.8', family: 4 },
      { address: '2001:4860:4860::8888', family: 6 },
    ];
    const publicLookup = publicOnlyLookup((_host, _options, callback) => callback(null, answers));
    assert.deepEqual(await new Promise((resolve) => publicLookup('news.example', {}, (...result) => resolve(result))), [null, '8.8.8.8', 4]);
    assert.deepEqual(await new Promise((resolve) => publicLookup('news.example', { all: true }, (...result) => resolve(result))), [null, answers]);
    // One private address among public ones is enough to refuse the host.
    const mixed = publicOnlyLookup((_host, _options, callback) => callback(null, [...answers, { address: '10.0.0.7', family: 4 }]));
    assert.ok((await new Promise((resolve) => mixed('news.example', {}, (failure) => resolve(failure)))) instanceof PrivateAddressError);
  });

  it('stops a redirect loop', async () => {
    await assert.rejects(fetchPage(server.url('/loop')), /redirects more than 10 times/);
  });

  it('retries what can pass (5xx, timeouts, refused connections) and not what cannot (404, private address)', async () => {
    const failure = (promise: Promise<unknown>) => promise.then(() => assert.fail('it was fetched'), classifyFailure);
    assert.equal(await failure(fetchPage(server.url('/busy'))), 'transient');
    assert.equal(await failure(fetchPage(server.url('/slow'), { timeoutMs: 300, maxBytes: 1000 })), 'transient');
    assert.equal(await failure(fetchPage('http://127.0.0.1:9/')), 'transient');
    assert.equal(await failure(fetchPage('http://no-such-host.invalid/')), 'transient');
    assert.equal(await failure(fetchPage(server.url('/missing'))), 'permanent');
    assert.equal(await failure(fetchPage(server.url('/page'), guarded)), 'permanent');
    assert.equal(classifyFailure(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })), 'transient');
  });
});
