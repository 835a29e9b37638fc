import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { produceAtomically } from '../system/atomic-files.ts';

export type ProgressReporter = (doneBytes: number, totalBytes: number | undefined) => void;

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Download `url` onto `target` (atomically), reporting bytes as they arrive. The connection and then every
 * stretch of the body must make progress within `stallTimeoutMs`: a server that stops sending mid-file fails
 * the download instead of holding it forever, while a slow but steady one may take as long as it needs.
 */
export async function download(url: string, target: string, onProgress?: ProgressReporter, stallTimeoutMs = 30_000): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const stallReason = () => new Error(`no data from ${url} for ${stallTimeoutMs / 1000} s`);
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(stallReason()), stallTimeoutMs);
  };
  rearm();
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} for ${url}`);
    const total = Number(response.headers.get('content-length')) || undefined;
    let done = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        rearm();
        done += chunk.length;
        onProgress?.(done, total);
        callback(null, chunk);
      },
    });
    await produceAtomically(target, (temporary) =>
      pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), counter, createWriteStream(temporary), {
        signal: controller.signal,
      }),
    );
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}
