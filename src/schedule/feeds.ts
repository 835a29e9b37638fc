// Fetching a feed with the article fetcher's limits (time, size, redirects, private addresses), decoding it by
// its declared charset, and reading its items. A feed that fails is reported and skipped; the others still run.
import { detectCharset } from '../article/charset.ts';
import { fetchPage, type FetchLimits, type ResourceKind } from '../article/fetch.ts';
import iconv from 'iconv-lite';
import { readFeedItems, type ReadItems } from './feed-items.ts';

export const FEED_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 };

const FEED: ResourceKind = {
  accept: 'application/rss+xml,application/atom+xml,application/rdf+xml,application/xml,text/xml;q=0.9',
  contentType: /^\s*(application|text)\/([\w.+-]*\+)?(xml|rss|atom)\b/i,
  noun: 'an XML feed',
  fix: 'Check the feed URL in the config: it must point at the RSS or Atom feed itself',
};

/** XML declares its encoding in its first line (`<?xml ... encoding="ISO-8859-1"?>`) when the header does not. */
function decodeXml(bytes: Uint8Array, contentType: string): string {
  const declared = /^[^>]*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1];
  const headerHasCharset = /charset\s*=/i.test(contentType);
  const charset = detectCharset(bytes, headerHasCharset || declared === undefined ? contentType : `text/xml; charset=${declared}`);
  return iconv.decode(Buffer.from(bytes), charset, { stripBOM: true });
}

export async function fetchFeedItems(url: string, options: { allowPrivateNetworks: boolean }): Promise<ReadItems> {
  const page = await fetchPage(url, { ...FEED_LIMITS, allowPrivateNetworks: options.allowPrivateNetworks }, FEED);
  return readFeedItems(decodeXml(page.bytes, page.contentType), url, page.url);
}
