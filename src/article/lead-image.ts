// The article's lead image, downloaded beside the narration so the video never reaches the network while it
// renders. An image is decoration: any failure (404, too large, not an image) drops it with a warning, and the
// video shows the brand gradient instead.
import { imageSize } from 'image-size';
import type { ImageType, MediaImage } from '../contract/narration.ts';
import { reencodeImage } from '../media/reencode-image.ts';
import { fetchPage, type FetchLimits, type ResourceKind } from './fetch.ts';

export const LEAD_IMAGE_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024 };
/** Larger images would cost more to decode in every rendered frame than they add at 1080p. */
export const MAX_IMAGE_SIDE = 8000;

const IMAGE: ResourceKind = {
  accept: 'image/jpeg,image/png,image/webp,image/gif',
  contentType: /^\s*image\//i,
  noun: 'an image',
  fix: 'The video uses the brand gradient instead',
};

/** The image's real type and size, read from its bytes (the declared content type is not trusted). */
export function describeImage(bytes: Uint8Array): { type: ImageType; width: number; height: number } | string {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return 'it is not an image';
  }
  const type = size.type === 'jpg' ? 'jpeg' : size.type;
  if (type !== 'jpeg' && type !== 'png' && type !== 'webp' && type !== 'gif')
    return `it is a ${size.type ?? 'unknown'} image, not JPEG, PNG, WebP or GIF`;
  if (!size.width || !size.height) return 'its size cannot be read';
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) return `it is ${size.width}x${size.height}, over ${MAX_IMAGE_SIDE} pixels a side`;
  return { type, width: size.width, height: size.height };
}

/**
 * Download the lead image into `folder` as lead.jpg (re-encoded), centred, with neither caption nor credit (the
 * page's metadata names none); null (after a warning) when it cannot be used.
 */
export async function downloadLeadImage(
  url: string,
  folder: string,
  warn: (line: string) => void,
  limits: FetchLimits = LEAD_IMAGE_LIMITS,
): Promise<MediaImage | null> {
  let bytes: Uint8Array;
  try {
    bytes = (await fetchPage(url, limits, IMAGE)).bytes;
  } catch (error) {
    warn(`the lead image was dropped: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const described = describeImage(bytes);
  if (typeof described === 'string') {
    warn(`the lead image ${url} was dropped: ${described}. The video uses the brand gradient instead`);
    return null;
  }
  try {
    // Stored as we re-encode it: nothing else ever decodes the bytes the server sent.
    const saved = await reencodeImage(bytes, folder, 'lead');
    return { type: 'jpeg', ...saved, caption: null, credit: null, sourceUrl: url, focus: { x: 0.5, y: 0.5 }, origin: 'lead' };
  } catch (error) {
    warn(
      `the lead image ${url} was dropped: it cannot be decoded (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). The video uses the brand gradient instead`,
    );
    return null;
  }
}
