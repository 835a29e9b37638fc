// The fast render (each distinct picture rendered once, held by ffmpeg, the progress bar drawn by ffmpeg) against
// a plain full render of the same narration. The pure parts are checked against screenAt on the committed sample
// narration (made by the product); the renders are real: Chromium, Remotion, ffmpeg, and the highlight read back
// from the pixels of both videos (the box found by its colour, the word in it read by tesseract).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_LAYOUT, firstFrameAt, videoFrames, wordMidpointFrame } from '../../remotion/NewsVideo/screen.ts';
import type { Narration } from '../../src/contract/narration.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { BROWSER_DOWNLOAD_ENV } from '../../src/render/browser.ts';
import { VideoRenderer, type RenderMode } from '../../src/render/render-video.ts';
import { copySampleNarration } from '../helpers/sample.ts';
import { boxOfColor, extractFrame, ffprobe, ocrRegion, rgbPixels, ssimPerFrame } from '../helpers/video.ts';

process.env[BROWSER_DOWNLOAD_ENV] = 'never';
const ARTIFACTS = path.join(PROJECT_ROOT, 'out', 'test-artifacts', 'render-speed');
const FPS = 30;
const HIGHLIGHT: [number, number, number] = [255, 210, 63];

describe('fast render against a plain full render', () => {
  let work: string;
  let narration: Narration;
  const videos: Partial<Record<RenderMode, string>> = {};
  // With a lead image (and without: the brand background), ffmpeg moves it under the browser's transparent pictures.
  const withImage: Partial<Record<RenderMode, string>> = {};
  const renderer = new VideoRenderer();

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'render-speed-'));
    for (const [leadImage, into] of [
      [false, videos],
      [true, withImage],
    ] as const) {
      for (const mode of ['distinct', 'full'] as const) {
        const folder = path.join(work, `${mode}${leadImage ? '-lead-image' : ''}`);
        const folderNarration = await copySampleNarration(folder, leadImage);
        if (!leadImage) narration = folderNarration;
        const rendered = await renderer.render(folder, folderNarration, {
          formats: ['vertical'],
          fps: FPS,
          // The pictures are what this compares: the sound keeps the narration's level.
          loudness: null,
          scale: 0.5,
          concurrency: null,
          props: {},
          mode,
        });
        into[mode] = rendered.videos.vertical!;
      }
    }
  });
  after(() => renderer.close());

  it('has the same size, frame count and frame rate', async () => {
    const [fast, full] = await Promise.all([ffprobe(videos.distinct!), ffprobe(videos.full!)]);
    const video = (probe: typeof fast) => probe.streams.find((stream) => stream.codec_type === 'video')! as unknown as Record<string, unknown>;
    for (const key of ['width', 'height', 'nb_frames', 'r_frame_rate', 'pix_fmt', 'color_range', 'color_space'])
      assert.equal(video(fast)[key], video(full)[key], key);
    assert.equal(Number(video(fast).nb_frames), videoFrames(narration, FPS, DEFAULT_LAYOUT));
  });

  for (const [name, pair] of [
    ['', videos],
    [' with a lead image moved by ffmpeg', withImage],
  ] as const) {
    it(`looks the same at every frame (SSIM ≥ 0.98), so no picture comes a frame early or late${name}`, async () => {
      const ssim = await ssimPerFrame(pair.distinct!, pair.full!);
      assert.equal(ssim.length, videoFrames(narration, FPS, DEFAULT_LAYOUT));
      const worst = ssim.reduce((low, value, frame) => (value < low.value ? { frame, value } : low), { frame: -1, value: 1 });
      assert.ok(worst.value >= 0.98, `SSIM ${worst.value} at frame ${worst.frame}`);
    });
  }

  it('highlights the same word in both, and moves the highlight on the same frame', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    for (const wanted of ['horario', 'lunes', 'estudiantes']) {
      const index = narration.words.findIndex((word, at) => word.text === wanted && narration.sections[word.section]!.kind === 'paragraph' && at > 0);
      assert.ok(index > 0, wanted);
      const boxes: Record<string, ReturnType<typeof boxOfColor>> = {};
      for (const mode of ['distinct', 'full'] as const) {
        const [before, start, middle] = [
          firstFrameAt(narration.words[index]!.startMs, FPS) - 1,
          firstFrameAt(narration.words[index]!.startMs, FPS),
          wordMidpointFrame(narration, index, FPS),
        ];
        for (const [name, frame] of Object.entries({ before, start, middle })) {
          const still = path.join(ARTIFACTS, `${wanted}-${name}-${mode}.png`);
          await extractFrame(videos[mode]!, frame, still);
          boxes[`${name}-${mode}`] = boxOfColor(await rgbPixels(still), HIGHLIGHT, 40);
          if (name === 'middle') {
            const box = boxes[`${name}-${mode}`];
            assert.ok(box && box.pixels > 100, `no highlight box in ${still}`);
            const read = await ocrRegion(still, box, path.join(work, `ocr-${wanted}-${mode}.png`));
            assert.equal(read.toLowerCase().replace(/[^\p{L}]/gu, ''), wanted, `${still}: the box holds "${read}"`);
          }
        }
      }
      for (const name of ['before', 'start', 'middle']) {
        const [fast, full] = [boxes[`${name}-distinct`], boxes[`${name}-full`]];
        assert.ok(fast && full, `${wanted} ${name}: a highlight box in both`);
        for (const side of ['x', 'y', 'width', 'height'] as const)
          assert.ok(Math.abs(fast[side] - full[side]) <= 2, `${wanted} ${name} ${side}: ${fast[side]} vs ${full[side]}`);
      }
      // The word's first frame moves the box away from the previous word, in both videos alike (checked above).
      assert.notDeepEqual(
        [boxes['before-full']!.x, boxes['before-full']!.y],
        [boxes['start-full']!.x, boxes['start-full']!.y],
        `${wanted}: the box moves at its first frame`,
      );
    }
  });
});
