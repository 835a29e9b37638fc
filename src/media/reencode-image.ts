// A picture from the web is decoded once, here, by the maintained system ffmpeg, under a pixel cap and a time
// limit, and written again as a plain JPEG of at most 4K a side with no metadata. The browser (which renders with
// --no-sandbox) and the render's ffmpeg then only ever decode a file we made, never the bytes a stranger sent.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import { runFfmpeg } from './ffmpeg.ts';

/** 4K: more than any format of the video shows, even zoomed in. */
const MAX_STORED_SIDE = 3840;
/** The decoder refuses frames larger than this before allocating them (the header check allows 8000x8000). */
const MAX_DECODED_PIXELS = 8000 * 8000;
const REENCODE_TIME_LIMIT_MS = 20_000;

export interface StoredImage {
  file: string;
  width: number;
  height: number;
}

/**
 * Decode `bytes` and store them as `<name>.jpg` in `folder`: within MAX_STORED_SIDE, 8-bit 4:2:0, and upright
 * (ffmpeg turns a JPEG by its EXIF orientation, as browsers do, and the metadata is not copied).
 * Rejects (a UserError from ffmpeg, or the time limit's error) when ffmpeg cannot decode them.
 */
export async function reencodeImage(bytes: Uint8Array, folder: string, name: string): Promise<StoredImage> {
  const received = path.join(folder, `.received-${randomBytes(6).toString('hex')}`);
  const file = `${name}.jpg`;
  const fit = `scale=w='min(iw,${MAX_STORED_SIDE})':h='min(ih,${MAX_STORED_SIDE})':force_original_aspect_ratio=decrease`;
  await writeFile(received, bytes);
  try {
    await runFfmpeg({
      // A damaged picture is an error (explode, xerror), not a frame of grey blocks.
      inputs: [{ source: received, options: ['-xerror', '-err_detect', 'explode', '-max_pixels', String(MAX_DECODED_PIXELS), '-threads', '1'] }],
      outputOptions: [...['-frames:v', '1', '-vf', `${fit},format=yuvj420p`], ...['-map_metadata', '-1', '-q:v', '2']],
      format: 'image2',
      output: path.join(folder, file),
      task: 'decode the picture',
      fix: 'The picture is dropped',
      signal: AbortSignal.timeout(REENCODE_TIME_LIMIT_MS),
    });
  } catch (error) {
    await rm(path.join(folder, file), { force: true });
    throw error;
  } finally {
    await rm(received, { force: true });
  }
  const stored = imageSize(await readFile(path.join(folder, file)));
  return { file, width: stored.width, height: stored.height };
}
