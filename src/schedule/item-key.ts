// An item's job key: one key, one video, ever. A GUID is only a feed's own name for its item, so it is keyed by
// the feed that gave it (the config's URL, not where it redirected): another feed publishing the same GUID names
// another item and cannot suppress this one. An item without a GUID is keyed by its canonical link. Stores
// written before GUIDs were keyed by feed hold `guid:<guid>`; such a job is still this item when it came from
// the same feed or has the same link, so nothing made under the old key is made again.
import type { JobSpec } from './job.ts';

/**
 * `guid:<feed URL>#<guid>`: the feed URL is a parsed href without its fragment, so its first `#` ends it and no
 * GUID of one feed can spell another feed's key.
 */
export function itemKey(feedUrl: string, guid: string | undefined, link: string): string {
  if (guid === undefined) return `url:${link}`;
  const feed = new URL(feedUrl);
  feed.hash = '';
  return `guid:${feed.href}#${guid}`;
}

/** The key a store written before GUIDs were keyed by feed gave this item, if it has a GUID. */
export function legacyKey(spec: Pick<JobSpec, 'guid'>): string | null {
  return spec.guid === null ? null : `guid:${spec.guid}`;
}

/** Whether `stored`, the spec of a job found under the item's legacy key, is this item rather than another feed's. */
export function isLegacyJobOf(stored: unknown, spec: Pick<JobSpec, 'feedUrl' | 'itemUrl'>): boolean {
  const old = stored as Partial<JobSpec> | null;
  return old?.feedUrl === spec.feedUrl || old?.itemUrl === spec.itemUrl;
}
