// The fast render when its encoder stops before the last picture: it fails at once with the reason, and the
// browser is stopped, instead of waiting forever on a pipe nobody reads (a hang). A stand-in for ffmpeg
// does the stopping, and only there: a shell script that runs the real ffmpeg for every other call and, for the
// encode (the one fed pictures through image2pipe), reads a little of them and exits, with success (a filtergraph
// that made its frames early) or with a failure. No real ffmpeg can be made to do either on demand.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ffmpegPath } from '../../src/media/ffmpeg.ts';
import { VideoRenderer } from '../../src/render/render-video.ts';
import '../helpers/env.ts';
import { copySampleNarration } from '../helpers/sample.ts';

describe('the fast render when ffmpeg stops reading its pictures', { timeout: 10 * 60_000 }, () => {
  let work: string;
  const renderer = new VideoRenderer();
  const realFfmpeg = ffmpegPath();
  const saved = process.env.FFMPEG_PATH;

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'encoder-stops-'));
  });
  after(async () => {
    await renderer.close();
    await rm(work, { recursive: true, force: true });
  });

  for (const [ending, exitCode, message] of [
    ['made its frames early', 0, /ffmpeg ended the video before it had all \d+ pictures/],
    ['failed', 1, /could not encode the video/],
  ] as const) {
    // A hang runs into this timeout; the refusal comes as soon as the encoder is gone.
    it(`fails with the reason when the encoder ${ending}, leaving no video`, { timeout: 3 * 60_000 }, async () => {
      const stub = path.join(work, `ffmpeg-${exitCode}`);
      await writeFile(stub, `#!/bin/sh\ncase "$*" in *image2pipe*) head -c 200000 > /dev/null; exit ${exitCode};; esac\nexec '${realFfmpeg}' "$@"\n`);
      await chmod(stub, 0o755);
      const folder = path.join(work, `narration-${exitCode}`);
      const narration = await copySampleNarration(folder, true);
      process.env.FFMPEG_PATH = stub;
      try {
        await assert.rejects(
          renderer.render(folder, narration, {
            formats: ['vertical'],
            fps: 25,
            loudness: null,
            scale: 0.25,
            concurrency: 1,
            props: {},
            mode: 'distinct',
          }),
          message,
        );
      } finally {
        if (saved === undefined) delete process.env.FFMPEG_PATH;
        else process.env.FFMPEG_PATH = saved;
      }
      assert.ok(!(await readdir(folder)).some((name) => name.endsWith('.mp4')), 'no video left behind');
    });
  }
});
