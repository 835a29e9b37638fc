// Item keys across feeds, over HTTP from a real server on 127.0.0.1 into a real SQLite store and a real
// redis-server: a feed that publishes another feed's GUID with its own link gets its own job instead of
// suppressing the other's; one article listed by the site's RSS and Atom feeds is queued once; an item done under
// the key of older releases (`guid:<guid>`, kept in stores written before) is not queued again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { parseConfig } from '../../src/schedule/config.ts';
import { legacyKey } from '../../src/schedule/item-key.ts';
import type { JobSpec } from '../../src/schedule/job.ts';
import { BullmqQueue } from '../../src/schedule/queue/bullmq-queue.ts';
import type { JobQueue } from '../../src/schedule/queue/job-queue.ts';
import { SqliteQueue } from '../../src/schedule/queue/sqlite-queue.ts';
import { SqliteJobStore } from '../../src/schedule/queue/sqlite-store.ts';
import { collectItems } from '../../src/schedule/scheduler.ts';
import { itemFolder } from '../../src/schedule/output-layout.ts';
import { rssFeed, startNewsSite, type NewsSite, type SiteItem } from '../helpers/news-site.ts';
import { HAS_REDIS, startRedis, type RunningRedis } from '../helpers/redis.ts';
import { send } from '../helpers/server.ts';

const policy = { maxAttempts: 3, backoffSeconds: 60 };
const OTHER_SITE = 'https://otro.example';

describe('item keys across feeds', () => {
  let site: NewsSite;
  let dir: string;
  let redis: RunningRedis | undefined;
  let done: SiteItem;
  let fresh: SiteItem;
  before(async () => {
    // A second site's feed that lists its own article under the GUID of one of the first site's.
    const borrowed: SiteItem[] = [];
    site = await startNewsSite({ '/otro.xml': (request, response) => send(rssFeed(OTHER_SITE, borrowed), 'application/rss+xml')(request, response) });
    done = site.publish('Ya hecha antes de la actualización');
    fresh = site.publish('Nueva en los dos feeds');
    borrowed.push({ slug: 'propia', title: 'Otra noticia con un GUID ajeno', guid: fresh.guid, publishedAt: new Date() });
    dir = mkdtempSync(path.join(tmpdir(), 'schedule-item-keys-'));
    if (HAS_REDIS) redis = await startRedis(dir);
  });
  after(async () => {
    redis?.process.kill('SIGKILL');
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The job an older release queued for `item` from the RSS feed, under its GUID alone. */
  const legacySpec = (item: SiteItem): JobSpec => {
    const key = legacyKey({ guid: item.guid })!;
    const source = { key, title: item.title, publishedAt: item.publishedAt.toISOString() };
    return {
      ...source,
      feedUrl: site.server.url('/rss.xml'),
      itemUrl: site.server.url(`/articulos/${item.slug}.html`),
      guid: item.guid,
      voice: null,
      language: null,
      formats: ['vertical'],
      folder: itemFolder(source, new Date()),
    };
  };

  async function collectInto(queue: JobQueue): Promise<string[]> {
    const config = parseConfig(
      {
        allowPrivateNetworks: true,
        feeds: [{ url: site.server.url('/rss.xml') }, { url: site.server.url('/atom.xml') }, { url: site.server.url('/otro.xml') }],
      },
      path.join(dir, 'feeds.yaml'),
    );
    await collectItems({ config, queue, log: () => undefined });
    return (await queue.list()).map((job) => `${job.state} ${job.itemUrl}`).sort();
  }

  const expected = () =>
    [
      `done ${legacySpec(done).itemUrl}`,
      `queued ${OTHER_SITE}/articulos/propia.html`,
      `queued ${site.server.url(`/articulos/${fresh.slug}.html`)}`,
    ].sort();

  it('on SQLite', async () => {
    const file = path.join(dir, 'jobs.db');
    const store = new SqliteJobStore(file);
    store.enqueue(legacySpec(done), new Date());
    const job = store.claim('old:1:a', 60_000, policy, new Date())!;
    store.published(job.id, 'old:1:a', new Date());
    store.complete(job.id, 'old:1:a', null, new Date());
    store.close();
    const queue = new SqliteQueue(file, policy, 60_000);
    try {
      assert.deepEqual(await collectInto(queue), expected());
    } finally {
      await queue.close();
    }
  });

  it('on BullMQ over a real redis-server', { skip: !HAS_REDIS && 'redis-server is not installed' }, async () => {
    const queue = await BullmqQueue.open(redis!.url, policy, 60_000);
    try {
      assert.equal(await queue.enqueue(legacySpec(done)), true);
      // A Redis written before this release has no index of links: only the old key can name the done item.
      const client = new Redis(redis!.url);
      await client.del('bull:kokoro-news-video:item-urls');
      await client.quit();
      assert.deepEqual(
        await collectInto(queue),
        expected().map((line) => line.replace(/^done/, 'queued')),
      );
    } finally {
      await queue.close();
    }
  });
});
