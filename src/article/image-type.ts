// What a picture's bytes are, whatever a server or a file name says: its own module, so the --media check of a
// file on disk loads image-size alone, not the downloader's HTTP client and encoder.
import { imageSize } from 'image-size';
import type { ImageType } from '../contract/narration.ts';

/** Larger images would cost more to decode in every rendered frame than they add at 1080p. */
const MAX_IMAGE_SIDE = 8000;

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
