// A narration with a picture per section, rendered for real both ways: the product's fast render (ffmpeg moves
// the pictures and crossfades them under the browser's transparent pictures) against a plain full render (the
// browser draws every frame). The narration is the committed sample (made by the product, real audio) with its
// paragraph cut in two and three textured pictures made by sharp, each with its own focus point. Checked from the
// videos' pixels: SSIM at every frame (mid-motion and mid-crossfade included), each section's picture by its
// colour, and the credit in the corner read by tesseract.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { creditLine, mediaSpans } from '../../remotion/NewsVideo/media-motion.ts';
import { DEFAULT_LAYOUT, videoFrames } from '../../remotion/NewsVideo/screen.ts';
import type { Narration } from '../../src/contract/narration.ts';
import { BROWSER_DOWNLOAD_ENV } from '../../src/render/browser.ts';
import { VideoRenderer, type RenderMode } from '../../src/render/render-video.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { copySampleNarration, type SectionPicture, withSectionImages, writeTexturedPicture } from '../helpers/sample.ts';
import { creditBox, extractFrame, ocrRegion, rgbPixels, ssimPerFrame } from '../helpers/video.ts';

process.env[BROWSER_DOWNLOAD_ENV] = 'never';
const ARTIFACTS = path.join(PROJECT_ROOT, 'out', 'test-artifacts', 'media-render');
const FPS = 30;
const SCALE = 0.5;
const FRAME = { width: 1080 * SCALE, height: 1920 * SCALE };

// Red, green and blue pictures of three shapes, each with its focus off-centre; the third has no credit.
const PICTURES: readonly (SectionPicture & { hue: number; label: string })[] = [
  { file: 'uno.jpg', width: 1600, height: 1000, focus: { x: 0.3, y: 0.5 }, credit: 'Ana Pérez', hue: 0, label: 'UNO' },
  { file: 'dos.jpg', width: 1000, height: 1500, focus: { x: 0.5, y: 0.3 }, credit: 'EFE', hue: 120, label: 'DOS' },
  { file: 'tres.jpg', width: 1200, height: 1200, focus: { x: 0.7, y: 0.6 }, credit: null, hue: 230, label: 'TRES' },
];

/** The mean colour of a box of the frame. */
function meanColor(image: { width: number; data: Buffer }, box: { x: number; y: number; width: number; height: number }): [number, number, number] {
  const sum = [0, 0, 0];
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++)
      for (let channel = 0; channel < 3; channel++) sum[channel]! += image.data[3 * (y * image.width + x) + channel]!;
  const count = box.width * box.height;
  return sum.map((value) => value / count) as [number, number, number];
}

describe('pictures per section: fast render against a plain full render', () => {
  let work: string;
  let narration: Narration;
  const videos: Partial<Record<RenderMode, string>> = {};
  const renderer = new VideoRenderer();

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'media-render-'));
    for (const mode of ['distinct', 'full'] as const) {
      const folder = path.join(work, mode);
      const sample = await copySampleNarration(folder, false);
      for (const picture of PICTURES)
        await writeTexturedPicture(path.join(folder, picture.file), picture.width, picture.height, picture.hue, picture.label);
      // Sentence 2 ("¿Bastará con tres horas más?") starts the second paragraph.
      narration = withSectionImages(sample, PICTURES, 2);
      await writeFile(path.join(folder, 'narration.json'), JSON.stringify(narration, null, 2));
      const rendered = await renderer.render(folder, narration, {
        formats: ['vertical'],
        fps: FPS,
        loudness: null,
        scale: SCALE,
        concurrency: null,
        props: {},
        mode,
      });
      videos[mode] = rendered.videos.vertical!;
    }
  });
  after(() => renderer.close());

  const spans = () => mediaSpans(narration, FPS, videoFrames(narration, FPS, DEFAULT_LAYOUT));

  it('has three pictures, each crossfading into the next', () => {
    assert.deepEqual(
      spans().map((span) => [span.media, span.kind]),
      [
        [0, 'push-in'],
        [1, 'pan'],
        [2, 'push-in'],
      ],
    );
  });

  it('looks the same at every frame (SSIM ≥ 0.98), mid-motion and mid-crossfade included', async () => {
    const ssim = await ssimPerFrame(videos.distinct!, videos.full!);
    assert.equal(ssim.length, videoFrames(narration, FPS, DEFAULT_LAYOUT));
    const worst = ssim.reduce((low, value, frame) => (value < low.value ? { frame, value } : low), { frame: -1, value: 1 });
    assert.ok(worst.value >= 0.98, `SSIM ${worst.value} at frame ${worst.frame}`);
    for (const span of spans()) {
      const sampled = [span.first + Math.floor(span.frames / 2), ...(span.fadeFrames > 0 ? [span.first + Math.floor(span.fadeFrames / 2)] : [])];
      for (const frame of sampled) assert.ok(ssim[frame]! >= 0.98, `SSIM ${ssim[frame]} at frame ${frame}`);
    }
  });

  it("shows each section's picture, moving, and mixes two of them in a crossfade", async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    // A band across the middle of the frame, above the subtitles and below the title's lines' usual place.
    const band = { x: 20, y: Math.round(FRAME.height * 0.3), width: FRAME.width - 40, height: 40 };
    const dominant = (color: [number, number, number]) => color.indexOf(Math.max(...color));
    for (const mode of ['distinct', 'full'] as const) {
      for (const [index, span] of spans().entries()) {
        const middle = span.first + Math.floor(span.frames / 2);
        const [early, late] = [path.join(ARTIFACTS, `${mode}-span${index}-a.png`), path.join(ARTIFACTS, `${mode}-span${index}-b.png`)];
        await extractFrame(videos[mode]!, middle, early);
        await extractFrame(videos[mode]!, middle + 20, late);
        const [a, b] = [await rgbPixels(early), await rgbPixels(late)];
        // Picture i's hue: red, green, blue.
        assert.equal(dominant(meanColor(a, band)), index, `${mode} span ${index}: ${meanColor(a, band).map(Math.round)}`);
        let moved = 0;
        for (let offset = 0; offset < a.data.length; offset += 3) moved += Math.abs(a.data[offset]! - b.data[offset]!) > 24 ? 1 : 0;
        assert.ok(moved > a.data.length / 3 / 100, `${mode} span ${index}: the picture moves (${moved} pixels changed)`);
      }
      // Mid-crossfade from green to blue: both hues at once.
      const fade = spans()[2]!;
      const still = path.join(ARTIFACTS, `${mode}-crossfade.png`);
      await extractFrame(videos[mode]!, fade.first + Math.floor(fade.fadeFrames / 2), still);
      const [, green, blue] = meanColor(await rgbPixels(still), band);
      assert.ok(green > 40 && blue > 40, `${mode} crossfade: green ${green}, blue ${blue}`);
    }
  });

  it('reads "Foto: …" in the corner while a credited picture shows, and nothing there for the one without', async () => {
    for (const [index, span] of spans().entries()) {
      // Where a credit of the first one's length would stand, for the picture without one.
      const corner = creditBox('vertical', FRAME.width, FRAME.height, SCALE, creditLine(PICTURES[index]!.credit ?? 'Ana Pérez')!);
      const still = path.join(ARTIFACTS, `distinct-credit-${index}.png`);
      await extractFrame(videos.distinct!, span.first + Math.floor(span.frames / 2), still);
      const read = await ocrRegion(still, corner, path.join(work, `ocr-credit-${index}.png`));
      const credit = PICTURES[index]!.credit;
      // The pill's rounded edge may read as a stray bracket: the credit must be there, whole.
      if (credit) assert.ok(read.replace(/\s+/g, ' ').includes(`Foto: ${credit}`), `${still}: "${read}"`);
      else assert.doesNotMatch(read, /Foto/, `${still}: "${read}"`);
    }
  });
});
