// A picture for the video (the lead image, one of the article's, one a user named), stored beside the narration
// so the video never reaches the network while it renders. A picture is decoration: any failure (404, too large,
// not an image, undecodable) drops it with a warning, and the video goes on without it.
import { reencodeImage, type StoredImage } from '../media/reencode-image.ts';
import { describeImage } from './image-type.ts';
import { fetchPage, type FetchLimits, type ResourceKind } from './fetch.ts';

export const IMAGE_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024 };

const GOES_ON = 'The video goes on without it';

const IMAGE: ResourceKind = {
  accept: 'image/jpeg,image/png,image/webp,image/gif',
  contentType: /^\s*image\//i,
  noun: 'an image',
  fix: GOES_ON,
};

export interface ImageTarget {
  /** The stored file's name without extension, e.g. "lead" or "image-03". */
  name: string;
  /** The picture in a warning: "the lead image", "the article's picture 3". */
  what: string;
  /** A further reason to refuse a picture of this real size (e.g. too small for the video); null accepts it. */
  refuseSize?: (width: number, height: number) => string | null;
}

/**
 * Store `bytes` (from `source`, a URL or a path) in `folder` as `<name>.jpg`, re-encoded; null (after one warning)
 * when they are no image, too large, refused by `refuseSize`, or cannot be decoded.
 */
export async function storeImage(
  bytes: Uint8Array,
  source: string,
  folder: string,
  target: ImageTarget,
  warn: (line: string) => void,
): Promise<StoredImage | null> {
  const described = describeImage(bytes);
  const refused = typeof described === 'string' ? described : (target.refuseSize?.(described.width, described.height) ?? null);
  if (refused) {
    warn(`${target.what} ${source} was dropped: ${refused}. ${GOES_ON}`);
    return null;
  }
  try {
    // Stored as we re-encode it: nothing else ever decodes the bytes the server sent.
    return await reencodeImage(bytes, folder, target.name);
  } catch (error) {
    warn(
      `${target.what} ${source} was dropped: it cannot be decoded (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ${GOES_ON}`,
    );
    return null;
  }
}

/** Download `url` and store it as storeImage does; a failed download is one warning and null too. */
export async function downloadImage(
  url: string,
  folder: string,
  target: ImageTarget,
  warn: (line: string) => void,
  limits: FetchLimits = IMAGE_LIMITS,
): Promise<StoredImage | null> {
  let bytes: Uint8Array;
  try {
    bytes = (await fetchPage(url, limits, IMAGE)).bytes;
  } catch (error) {
    warn(`${target.what} was dropped: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  return storeImage(bytes, url, folder, target, warn);
}
