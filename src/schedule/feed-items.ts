// A feed's text to the items worth producing: RSS 2.0, RSS 1.0 (RDF) and Atom, parsed by feedsmith, which reads
// XML with fast-xml-parser's entity processing off (no DOCTYPE entities, so no "billion laughs" and no external
// entities) and decodes only the fixed HTML entity table. Pure: fetching lives in feeds.ts.
import { parseFeed } from 'feedsmith';
import { UserError } from '../errors.ts';
import { itemKey } from './item-key.ts';

/** More items than any news feed carries: a feed this long is a dump or an attack, not a feed. */
export const MAX_FEED_ITEMS = 1000;

export interface FeedItem {
  /** The job key (item-key.ts): the item's GUID (Atom id) within its feed, else its canonical link. */
  key: string;
  guid: string | null;
  link: string;
  title: string;
  /** ISO time, null when the feed gives none (or an unreadable one). */
  publishedAt: string | null;
}

export interface ReadItems {
  items: FeedItem[];
  /** Items left out, each with the reason (no link, a GUID seen twice). */
  skipped: string[];
}

interface RawItem {
  guid?: string;
  link?: string;
  title?: string;
  date?: string;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object' && 'value' in value) return textOf((value as { value: unknown }).value);
  return undefined;
}

function rawItems(xml: string, feedUrl: string): RawItem[] {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (error) {
    throw new UserError(
      `The feed ${feedUrl} is not an RSS, RDF or Atom feed (${(error as Error).message})`,
      'Check the feed URL in the config: it must point at the feed itself, not a web page',
    );
  }
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => ({
        guid: textOf(item.guid),
        link: textOf(item.link),
        title: textOf(item.title),
        date: textOf(item.pubDate) ?? textOf(item.dc?.dates?.[0]),
      }));
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        guid: textOf(item.rdf?.about),
        link: textOf(item.link),
        title: textOf(item.title),
        date: textOf(item.dc?.dates?.[0]),
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => {
        const links = entry.links ?? [];
        const link = links.find((candidate) => (candidate.rel ?? 'alternate') === 'alternate') ?? links[0];
        return {
          guid: textOf(entry.id),
          link: textOf(link?.href),
          title: textOf(entry.title),
          date: textOf(entry.published) ?? textOf(entry.updated),
        };
      });
    case 'json':
      throw new UserError(`The feed ${feedUrl} is a JSON Feed, not an RSS, RDF or Atom feed`, "Use the site's RSS or Atom feed");
  }
}

/** The link as one canonical URL: absolute, no fragment, lower-case host (URL does that), http(s) only. */
function canonicalLink(link: string, feedUrl: string): string | null {
  try {
    const url = new URL(link, feedUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function isoDate(date: string | undefined): string | null {
  if (date === undefined) return null;
  const time = Date.parse(date);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The feed's items: keyed by `feedUrl` (the config's), their links resolved against `baseUrl` (where it was read). */
export function readFeedItems(xml: string, feedUrl: string, baseUrl = feedUrl): ReadItems {
  const raw = rawItems(xml, feedUrl);
  if (raw.length > MAX_FEED_ITEMS) {
    throw new UserError(
      `The feed ${feedUrl} has ${raw.length} items, over the limit of ${MAX_FEED_ITEMS}`,
      'Point the config at a feed of recent articles (most sites offer one per section)',
    );
  }
  const items: FeedItem[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const [index, item] of raw.entries()) {
    const name = `item ${index + 1}${item.title ? ` ("${item.title}")` : ''}`;
    const link = item.link === undefined ? null : canonicalLink(item.link, baseUrl);
    if (link === null) {
      skipped.push(`${name} has no http(s) link`);
      continue;
    }
    const key = itemKey(feedUrl, item.guid, link);
    if (seen.has(key)) {
      skipped.push(`${name} repeats the ${item.guid !== undefined ? `GUID ${item.guid}` : `link ${link}`} of an earlier item`);
      continue;
    }
    seen.add(key);
    items.push({ key, guid: item.guid ?? null, link, title: item.title ?? link, publishedAt: isoDate(item.date) });
  }
  return { items, skipped };
}

/** The items one run should produce: not older than `maxAgeHours`, newest first, at most `maxItems`. Undated items count as new. */
export function selectItems(items: FeedItem[], options: { maxItems: number; maxAgeHours: number; now: Date }): FeedItem[] {
  const oldest = options.now.getTime() - options.maxAgeHours * 3_600_000;
  const time = (item: FeedItem) => (item.publishedAt === null ? options.now.getTime() : Date.parse(item.publishedAt));
  return items
    .filter((item) => time(item) >= oldest)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => time(b.item) - time(a.item) || a.order - b.order)
    .slice(0, options.maxItems)
    .map(({ item }) => item);
}
