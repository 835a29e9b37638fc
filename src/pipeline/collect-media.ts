// The pictures of one narration, stored in its folder: the page's lead image and the article's own pictures
// (config `media:`), the user's (--media), each downloaded under the lead image's rules, near-duplicates dropped
// by their pixels, and each given the focus point its crops centre on. Every failure is a warning, never an error.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import phashModule from 'sharp-phash';
import distanceModule from 'sharp-phash/distance.js';
import { sizeRule, type BodyImage } from '../article/body-images.ts';
import type { FetchLimits } from '../article/fetch.ts';
import { downloadImage, IMAGE_LIMITS, storeImage, type ImageTarget } from '../article/image-download.ts';
import type { MediaImage } from '../contract/narration.ts';
import type { MediaChoice, UserPicture } from '../contract/pipeline.ts';
import { focusPoint } from '../media/focus-point.ts';
import type { StoredImage } from '../media/reencode-image.ts';
import type { PlacedPicture } from '../narration/section-media.ts';

// CommonJS modules whose typings say `export default`: Node hands the module itself to a default import.
const phash = phashModule as unknown as typeof phashModule.default;
const distance = distanceModule as unknown as typeof distanceModule.default;

export interface MediaSources {
  leadImageUrl: string | null;
  images: readonly BodyImage[];
  choice: MediaChoice;
  user: readonly UserPicture[];
}

/**
 * Hamming distance of two 64-bit perceptual hashes up to which two pictures are one photo at another size or
 * compression: a resized copy at JPEG quality 60 measured 2 bits from its original, different pictures 18 or more
 * (test/helpers/stand-in-photos.ts scenes).
 */
const SAME_PICTURE_BITS = 8;
/** Downloads at once: a photo essay's dozen pictures arrive in a few seconds without flooding its server. */
const PARALLEL_DOWNLOADS = 4;

interface Wanted extends ImageTarget {
  source: string;
  origin: MediaImage['origin'];
  caption: string | null;
  credit: string | null;
  placed: PlacedPicture;
}

function wanted(sources: MediaSources): Wanted[] {
  const spreadUser = sources.user.some((picture) => picture.section === null);
  const list: Wanted[] = [];
  // Pictures of the user's own without a section replace the page's; pinned ones only take their sections.
  if (!spreadUser && sources.choice !== 'none' && sources.leadImageUrl) {
    const placed = { origin: 'lead', paragraph: null, section: null } as const;
    list.push({ source: sources.leadImageUrl, name: 'lead', what: 'the lead image', origin: 'lead', caption: null, credit: null, placed });
  }
  if (!spreadUser && sources.choice === 'article') {
    sources.images.forEach((image, index) => {
      list.push({
        source: image.url,
        name: `image-${String(index + 1).padStart(2, '0')}`,
        what: `the article's picture ${index + 1}`,
        refuseSize: (width, height) => {
          const rule = sizeRule(width, height);
          return rule && `it is ${width}x${height} (${rule.replace('-', ' ')})`;
        },
        origin: 'article',
        caption: image.caption,
        credit: image.credit,
        placed: { origin: 'article', paragraph: image.paragraphIndex, section: null },
      });
    });
  }
  sources.user.forEach((picture, index) => {
    list.push({
      source: picture.source,
      name: `user-${String(index + 1).padStart(2, '0')}`,
      what: picture.section === null ? 'the --media picture' : `the --media picture for section ${picture.section}`,
      origin: 'user',
      caption: null,
      credit: null,
      placed: { origin: 'user', paragraph: null, section: picture.section },
    });
  });
  return list;
}

async function fetchOne(picture: Wanted, folder: string, limits: FetchLimits, warn: (line: string) => void): Promise<StoredImage | null> {
  if (/^https?:\/\//i.test(picture.source)) return downloadImage(picture.source, folder, picture, warn, limits);
  return storeImage(await readFile(picture.source), picture.source, folder, picture, warn);
}

/** `task` over `items` with at most `parallel` running, results in the items' order. */
async function inParallel<T, R>(items: readonly T[], parallel: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}

/**
 * Store the narration's pictures in `folder` and describe them for narration.json, with what places each.
 * `privateNetworks` is the page's private-network rule; the user's URLs are fetched under the rule for a typed host.
 */
export async function collectMedia(
  sources: MediaSources,
  folder: string,
  privateNetworks: FetchLimits['allowPrivateNetworks'],
  warn: (line: string) => void,
): Promise<{ media: MediaImage[]; pictures: PlacedPicture[] }> {
  const list = wanted(sources);
  const stored = await inParallel(list, PARALLEL_DOWNLOADS, (picture) => {
    const typed = picture.origin === 'user' && /^https?:\/\//i.test(picture.source) ? { host: new URL(picture.source).host } : undefined;
    return fetchOne(picture, folder, { ...IMAGE_LIMITS, allowPrivateNetworks: typed ?? privateNetworks }, warn);
  });
  const kept: Array<{ picture: Wanted; image: StoredImage; hash: string }> = [];
  for (const [index, picture] of list.entries()) {
    const image = stored[index];
    if (!image) continue;
    kept.push({ picture, image, hash: await phash(path.join(folder, image.file)) });
  }
  // One photo at two sizes (the lead image is usually a body picture again): the page's pictures keep their first
  // copy, and a lead image that a body picture repeats gives way to it, which has the caption and the credit.
  const repeated = new Set<number>();
  kept.forEach((entry, index) => {
    if (entry.picture.origin === 'user') return;
    const same = kept.findIndex(
      (other, otherIndex) =>
        otherIndex !== index && other.picture.origin !== 'user' && !repeated.has(otherIndex) && distance(entry.hash, other.hash) <= SAME_PICTURE_BITS,
    );
    if (same >= 0 && (entry.picture.origin === 'lead' || same < index)) repeated.add(index);
  });
  const survivors = kept.filter((_, index) => !repeated.has(index));
  await Promise.all(kept.filter((_, index) => repeated.has(index)).map((entry) => rm(path.join(folder, entry.image.file), { force: true })));
  const media: MediaImage[] = [];
  for (const { picture, image } of survivors) {
    media.push({
      type: 'jpeg',
      ...image,
      caption: picture.caption,
      credit: picture.credit,
      sourceUrl: /^https?:\/\//i.test(picture.source) ? picture.source : null,
      focus: await focusPoint(path.join(folder, image.file), image.width, image.height),
      origin: picture.origin,
    });
  }
  return { media, pictures: survivors.map((entry) => entry.picture.placed) };
}
