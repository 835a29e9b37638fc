// The held pictures go to ffmpeg's stdin as whole JPEGs back to back, in run order. With several tabs the browser
// may finish them out of order, so each waits here until the ones before it are written.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export class PicturePipe {
  private readonly waiting = new Map<number, Buffer>();
  private next = 0;
  private last: Buffer | undefined;

  constructor(
    private readonly pipe: Writable,
    private readonly count: number,
  ) {}

  /** Picture `index` (its run's place in the stream) is ready: it and every one now in order after it are written. */
  async add(index: number, picture: Buffer): Promise<void> {
    this.waiting.set(index, picture);
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.last = ready;
      await this.write(ready);
    }
  }

  /** All pictures are in: the last one is written again (see pipedPicturesPts) and the stream ended. */
  async end(): Promise<void> {
    if (this.next !== this.count || this.last === undefined) throw new Error(`Remotion gave ${this.next} pictures for ${this.count} runs`);
    await this.write(this.last);
    this.pipe.end();
  }

  private async write(picture: Buffer): Promise<void> {
    if (this.pipe.destroyed) throw this.pipe.errored ?? new Error('ffmpeg stopped reading the pictures');
    if (!this.pipe.write(picture)) await once(this.pipe, 'drain');
  }
}
