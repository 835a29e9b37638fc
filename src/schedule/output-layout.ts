// Where an item's video lives: OUT/YYYY-MM-DD/<slug>/, the date the item was published (else first seen), the
// slug from its title plus a short hash of its job key. The path depends only on the item, so every machine and
// every retry after a crash writes the same folder, and two items with the same title never share one.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FeedItem } from './feed-items.ts';

const MAX_SLUG_WORDS_LENGTH = 60;

export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= MAX_SLUG_WORDS_LENGTH) return words;
  const cut = words.slice(0, MAX_SLUG_WORDS_LENGTH);
  // End on a whole word when one fits.
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut).replace(/-+$/, '');
}

export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** The item's folder name: <slug>-<hash>, or the hash alone for a title with no letters or digits. */
export function itemName(item: Pick<FeedItem, 'key' | 'title'>): string {
  const slug = slugify(item.title);
  return slug === '' ? keyHash(item.key) : `${slug}-${keyHash(item.key)}`;
}

/** The item's folder relative to the output root: YYYY-MM-DD/<slug>-<hash>. */
export function itemFolder(item: Pick<FeedItem, 'key' | 'title' | 'publishedAt'>, firstSeen: Date): string {
  const day = (item.publishedAt ?? firstSeen.toISOString()).slice(0, 10);
  return path.join(day, itemName(item));
}

/**
 * The absolute folder of a validated job: its day and the name rebuilt from its key and title, never the stored
 * string as given, and refused unless it lies inside the output root.
 */
export function jobFolder(outputRoot: string, job: Pick<FeedItem, 'key' | 'title'> & { folder: string }): string {
  const root = path.resolve(outputRoot);
  const folder = path.resolve(root, job.folder.slice(0, 'YYYY-MM-DD'.length), itemName(job));
  if (path.dirname(path.dirname(folder)) !== root) throw new Error(`job ${job.key}'s folder ${folder} is outside the output root ${root}`);
  return folder;
}

/** What a job under review keeps, outside its published folder (which appears only once it is rendered). */
export interface ReviewFolders {
  /** The narration an editor reviews, replaced whole by each edit, rendered as it is once approved. */
  narration: string;
  /** Its Kokoro passes, kept across edits so an edit makes only the passes it changed. */
  passes: string;
  /** The desk's edits that outlive one narration: lexicon entries and style props (src/schedule/review-edits.ts). */
  edits: string;
}

/** OUT/.review/YYYY-MM-DD/<slug>-<hash>/: beside the published folders, hidden, one per job. */
export function reviewFolders(outputRoot: string, job: Pick<FeedItem, 'key' | 'title'> & { folder: string }): ReviewFolders {
  const root = path.resolve(outputRoot);
  const base = path.join(root, '.review', path.relative(root, jobFolder(root, job)));
  return { narration: path.join(base, 'narration'), passes: path.join(base, 'passes'), edits: path.join(base, 'edits.json') };
}
