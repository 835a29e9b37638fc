// Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom read into items; no entity tricks; limits; bad feeds named clearly.
// Over HTTP against a real server on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { UserError } from '../../src/errors.ts';
import { MAX_FEED_ITEMS, readFeedItems, selectItems, type FeedItem } from '../../src/schedule/feed-items.ts';
import { fetchFeedItems } from '../../src/schedule/feeds.ts';
import { atomFeed, rssFeed, type SiteItem } from '../helpers/news-site.ts';
import { send, startServer, type TestServer } from '../helpers/server.ts';

const SITE = 'https://diario.example';
const now = new Date('2026-11-25T08:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const siteItems: SiteItem[] = [
  { slug: 'uno', title: 'Uno & más', guid: 'urn:1', publishedAt: hoursAgo(1) },
  { slug: 'dos', title: 'Dos', guid: 'urn:2', publishedAt: hoursAgo(30) },
];

function rssWith(items: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${SITE}/</link>${items}</channel></rss>`;
}

describe('reading feed items', () => {
  it('reads RSS 2.0 and Atom the same way: GUID as key, absolute link, title, date', () => {
    for (const xml of [rssFeed(SITE, siteItems), atomFeed(SITE, siteItems)]) {
      const { items, skipped } = readFeedItems(xml, `${SITE}/feed`);
      assert.deepEqual(skipped, []);
      assert.deepEqual(items, [
        {
          key: `guid:${SITE}/feed#urn:1`,
          guid: 'urn:1',
          link: `${SITE}/articulos/uno.html`,
          title: 'Uno & más',
          publishedAt: siteItems[0]!.publishedAt.toISOString().replace(/\.\d+Z/, '.000Z'),
        },
        {
          key: `guid:${SITE}/feed#urn:2`,
          guid: 'urn:2',
          link: `${SITE}/articulos/dos.html`,
          title: 'Dos',
          publishedAt: siteItems[1]!.publishedAt.toISOString().replace(/\.\d+Z/, '.000Z'),
        },
      ]);
    }
  });

  it('reads RSS 1.0 (RDF), keyed by rdf:about', () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${SITE}/"><title>T</title><link>${SITE}/</link></channel>
<item rdf:about="${SITE}/r"><title>R</title><link>${SITE}/r</link><dc:date>2026-11-24T08:00:00Z</dc:date></item></rdf:RDF>`;
    assert.deepEqual(readFeedItems(xml, SITE).items, [
      { key: `guid:${SITE}/#${SITE}/r`, guid: `${SITE}/r`, link: `${SITE}/r`, title: 'R', publishedAt: '2026-11-24T08:00:00.000Z' },
    ]);
  });

  it('keys an item without a GUID by its canonical link (relative links resolved, fragment dropped)', () => {
    const { items } = readFeedItems(rssWith('<item><title>Sin guid</title><link>/a/b.html#top</link></item>'), `${SITE}/rss.xml`);
    assert.deepEqual(
      items.map((item) => [item.key, item.link, item.publishedAt]),
      [[`url:${SITE}/a/b.html`, `${SITE}/a/b.html`, null]],
    );
  });

  it('keys a GUID by the feed that gave it (the configured URL, not where it redirected), so feeds cannot share keys', () => {
    const xml = rssWith('<item><title>A</title><link>/a</link><guid>urn:same</guid></item>');
    const [fromA] = readFeedItems(xml, `${SITE}/a.xml`).items;
    const [fromB] = readFeedItems(xml, 'https://otro.example/b.xml', `${SITE}/moved.xml`).items;
    assert.equal(fromA!.key, `guid:${SITE}/a.xml#urn:same`);
    assert.equal(fromB!.key, 'guid:https://otro.example/b.xml#urn:same', 'keyed by the configured URL');
    assert.equal(fromB!.link, `${SITE}/a`, 'the link resolved against where the feed was read');
    assert.equal(readFeedItems(xml, `${SITE}/a.xml#top`).items[0]!.key, fromA!.key, "the feed URL's fragment is not part of it");
    // A GUID that spells another feed's URL still names an item of its own feed: the feed URL ends at its first #.
    const spelled = readFeedItems(rssWith('<item><link>/a</link><guid>x#urn:same</guid></item>'), `${SITE}/a.xml`).items[0]!;
    assert.equal(spelled.key, `guid:${SITE}/a.xml#x#urn:same`);
    assert.notEqual(readFeedItems(xml, `${SITE}/a.xml#x`).items[0]!.key, spelled.key);
  });

  it('skips, with a reason, items with no http(s) link and repeated GUIDs', () => {
    const { items, skipped } = readFeedItems(
      rssWith(`<item><title>A</title><link>${SITE}/a</link><guid>g</guid></item><item><title>B</title><guid>h</guid></item>
<item><title>C</title><link>javascript:alert(1)</link></item><item><title>D</title><link>${SITE}/d</link><guid>g</guid></item>`),
      SITE,
    );
    assert.deepEqual(
      items.map((item) => item.title),
      ['A'],
    );
    assert.deepEqual(skipped, [
      'item 2 ("B") has no http(s) link',
      'item 3 ("C") has no http(s) link',
      'item 4 ("D") repeats the GUID g of an earlier item',
    ]);
  });

  it('expands no DOCTYPE entities ("billion laughs") and reads no external entity', () => {
    const laughs = Array.from({ length: 9 }, (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ja">${laughs}]>
<rss version="2.0"><channel><title>&l9;</title><item><title>&l9;</title><link>${SITE}/x</link></item></channel></rss>`;
    const started = performance.now();
    assert.equal(readFeedItems(bomb, SITE).items[0]!.title, '&l9;');
    assert.ok(performance.now() - started < 1000);
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>T</title><item><title>&secret;</title><link>${SITE}/x</link></item></channel></rss>`;
    assert.throws(
      () => readFeedItems(external, SITE),
      (error: Error) => error instanceof UserError && !error.message.includes('root:'),
    );
  });

  it('refuses a feed with thousands of items, a page that is not a feed, and text that is not XML', () => {
    const many = rssWith(Array.from({ length: MAX_FEED_ITEMS + 1 }, (_, i) => `<item><link>${SITE}/${i}</link></item>`).join(''));
    assert.throws(
      () => readFeedItems(many, SITE),
      (error: Error) => error instanceof UserError && error.message.includes(`has ${MAX_FEED_ITEMS + 1} items, over the limit of ${MAX_FEED_ITEMS}`),
    );
    assert.throws(
      () => readFeedItems('<html><body><p>Hola</p></body></html>', SITE),
      (error: Error) => error instanceof UserError && /is not an RSS, RDF or Atom feed/.test(error.message),
    );
    assert.throws(() => readFeedItems('{"hola": 1}', SITE), UserError);
  });
});

describe('choosing the items of a pass', () => {
  const item = (title: string, hours: number | null): FeedItem => ({
    key: title,
    guid: title,
    link: `${SITE}/${title}`,
    title,
    publishedAt: hours === null ? null : hoursAgo(hours).toISOString(),
  });

  it('takes the newest first, at most maxItems, none older than maxAgeHours, undated counted as new', () => {
    const items = [item('old', 50), item('mid', 10), item('undated', null), item('new', 1), item('newer', 0.5)];
    assert.deepEqual(
      selectItems(items, { maxItems: 3, maxAgeHours: 48, now }).map((chosen) => chosen.title),
      ['undated', 'newer', 'new'],
    );
    assert.deepEqual(
      selectItems(items, { maxItems: 10, maxAgeHours: 5, now }).map((chosen) => chosen.title),
      ['undated', 'newer', 'new'],
    );
    assert.deepEqual(
      selectItems(items, { maxItems: 10, maxAgeHours: 100, now }).map((chosen) => chosen.title),
      ['undated', 'newer', 'new', 'mid', 'old'],
    );
  });
});

describe('fetching feeds over HTTP', () => {
  let server: TestServer;
  const latin1 = iconv.encode(
    `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title><item><title>Año de cañones</title><link>${SITE}/a</link></item></channel></rss>`,
    'latin1',
  );
  before(async () => {
    server = await startServer({
      '/rss.xml': send(rssFeed(SITE, siteItems), 'application/rss+xml'),
      '/latin1.xml': send(latin1, 'text/xml'),
      '/page.html': send('<html><body>Hola</body></html>', 'text/html'),
      '/huge.xml': send(Buffer.alloc(6 * 1024 * 1024, 0x20), 'application/xml'),
      '/error.xml': send('oops', 'text/plain', 500),
    });
  });
  after(() => server.close());

  it('reads a feed, and one in ISO-8859-1 declared only by its XML declaration', async () => {
    assert.equal((await fetchFeedItems(server.url('/rss.xml'), { allowPrivateNetworks: true })).items.length, 2);
    assert.equal((await fetchFeedItems(server.url('/latin1.xml'), { allowPrivateNetworks: true })).items[0]!.title, 'Año de cañones');
  });

  it('refuses a web page, a feed over 5 MB and a server error, each with its own message', async () => {
    await assert.rejects(fetchFeedItems(server.url('/page.html'), { allowPrivateNetworks: true }), /is text\/html, not an XML feed/);
    await assert.rejects(fetchFeedItems(server.url('/huge.xml'), { allowPrivateNetworks: true }), /over the 5242880-byte limit/);
    await assert.rejects(fetchFeedItems(server.url('/error.xml'), { allowPrivateNetworks: true }), /answered HTTP 500/);
  });

  it('refuses a feed on this machine when private networks are not allowed, before connecting', async () => {
    const requests = server.userAgents.length;
    await assert.rejects(
      fetchFeedItems(server.url('/rss.xml'), { allowPrivateNetworks: false }),
      /resolves to 127\.0\.0\.1, a loopback, private or link-local address.*allowPrivateNetworks: true/,
    );
    assert.equal(server.userAgents.length, requests);
  });
});
