// The article's pictures end to end: a real Guardian photo essay (guardian-1) served from 127.0.0.1 with
// stand-in JPEGs at the sizes its markup asks for (the Guardian's CDN is not reachable here), one of them
// missing (404), one far smaller than declared, a 1x1 tracker added to a paragraph, and a lead image that is
// the first photograph again at another size. The product's own `render` command narrates it on the real model
// (real extractor, downloads, sharp-phash, smartcrop) and renders the vertical video in the real Chromium with the
// fast renderer; that one narration serves every check. The video is judged from its pixels: a frame in the middle
// of each section against every scene of the page, framed as media-motion.ts frames it at that frame (SSIM), and
// the credit read by tesseract.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { creditLine, mediaSpans, visibleSpans } from '../../remotion/NewsVideo/media-motion.ts';
import { NEWS_VIDEO_DEFAULTS } from '../../remotion/NewsVideo/schema.ts';
import { DEFAULT_LAYOUT, firstFrameAt, videoFrames } from '../../remotion/NewsVideo/screen.ts';
import { describeImage } from '../../src/article/image-type.ts';
import { extractArticle } from '../../src/article/extract.ts';
import { NarrationSchema, type Narration } from '../../src/contract/narration.ts';
import { BROWSER_DOWNLOAD_ENV } from '../../src/render/browser.ts';
import { THUMBNAIL_FILE } from '../../src/render/render-video.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { runCli } from '../helpers/env.ts';
import { framedPictureBand } from '../helpers/section-picture.ts';
import { send, startServer, type Route, type TestServer } from '../helpers/server.ts';
import { standInPhoto } from '../helpers/stand-in-photos.ts';
import { creditBox, extractFrames, ffprobe, ocrRegion, ssimPerFrame } from '../helpers/video.ts';

const GUARDIAN = path.resolve(PROJECT_ROOT, '../shared/fixtures/readability/guardian-1/source.html');
const ARTIFACTS = path.join(PROJECT_ROOT, 'out', 'test-artifacts', 'article-media');
/** Where each stand-in's subject stands, as a fraction of its width: smartcrop should find it. */
const SUBJECT_X = [0.25, 0.75, 0.4, 0.7, 0.3, 0.8, 0.2, 0.6, 0.35, 0.65, 0.5, 0.28, 0.72];
const MISSING = 3;
const TINY = 4;
const CREDIT = 'Stand-in Photographer';
const FPS = 30;
/** The composition's vertical frame; rendered at full size, so the frame's pixels are the composition's. */
const FRAME = { width: 1080, height: 1920 };
/**
 * The rows of a vertical frame that no card covers: below the brand row and the credit (which end about 15 % down),
 * above the title card and the subtitles, anchored to the bottom of the safe area (they start 48 % down at the
 * tallest, a four-line title). The veil there is its lightest (15-27 % black).
 */
const CLEAR_BAND = { left: 0, top: Math.round(0.2 * FRAME.height), width: FRAME.width, height: Math.round(0.25 * FRAME.height) };

describe('article pictures: a photo essay with broken, tiny and tracking images', () => {
  let server: TestServer;
  const routes: Record<string, Route> = {};
  let pageUrl: string;
  let narration: Narration;
  let folder: string;
  let video: string;
  /** The frame in the middle of each section, and where it is stored as a PNG. */
  let middles: { frame: number; still: string }[];
  let warnings: string[];
  let photos: ReturnType<typeof extractArticle>['images'];
  /** Every photograph of the page as its markup sizes it, the missing and the tiny one too: the scenes a frame may show. */
  let scenes: { jpeg: Buffer; width: number; height: number }[];

  before(async () => {
    server = await startServer(routes);
    const base = server.url('');
    // The page as published, its CDN moved to this server; one caption gets a credit, one paragraph a tracker.
    const html = (await readFile(GUARDIAN, 'utf8'))
      .replaceAll('https://i.guim.co.uk/', `${base}/guim/`)
      .replace(/grew up(\s*<\/p>)/, `grew up. Photograph: ${CREDIT}$1`)
      .replace('Seven decades later, Parata', `<img src="${base}/pixel.gif" alt="">Seven decades later, Parata`);
    pageUrl = server.url('/whales.html');
    routes['/whales.html'] = send(html, 'text/html; charset=utf-8');
    const extracted = extractArticle(html, pageUrl);
    photos = extracted.images.filter((image) => image.url.includes('/guim/'));
    assert.equal(photos.length, 13, 'the 13 photographs of the page');
    const path_ = (url: string) => url.slice(base.length);
    // Each photograph at its chosen width and the shape its Guardian crop names (…/0_0_4800_3200/…).
    const sizes = photos.map((photo) => {
      const [, cropWidth, cropHeight] = /\/\d+_\d+_(\d+)_(\d+)\//.exec(photo.url)!.map(Number) as [number, number, number];
      return { width: photo.width!, height: Math.round((photo.width! * cropHeight) / cropWidth) };
    });
    scenes = await Promise.all(
      sizes.map(async ({ width, height }, index) => ({ jpeg: await standInPhoto(index, width, height, SUBJECT_X[index]!), width, height })),
    );
    for (const [index, photo] of photos.entries()) {
      if (index === MISSING) continue;
      const jpeg = index === TINY ? await standInPhoto(index, 300, 200, SUBJECT_X[index]!) : scenes[index]!.jpeg;
      routes[path_(photo.url)] = send(jpeg, 'image/jpeg');
    }
    routes['/pixel.gif'] = send(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
        .gif()
        .toBuffer(),
      'image/gif',
    );
    // The lead image (og:image) is the first photograph again, smaller and compressed harder.
    routes[path_(extracted.leadImageUrl!)] = send(await sharp(scenes[0]!.jpeg).resize(1200).jpeg({ quality: 60 }).toBuffer(), 'image/jpeg');

    // As a user runs it: 100 s of narration (plus the closing card) reach the third photograph's paragraph (the
    // eighth) and keep the synthesis and the render short.
    folder = path.join(await mkdtemp(path.join(tmpdir(), 'article-media-')), 'video');
    const maxSeconds = 100 + NEWS_VIDEO_DEFAULTS.closingSeconds;
    const result = await runCli(
      'src/cli/render.ts',
      ['--article', pageUrl, '--max-seconds', String(maxSeconds), '--format', 'vertical', '--out', folder],
      {
        env: { [BROWSER_DOWNLOAD_ENV]: 'never' },
      },
    );
    assert.equal(result.code, 0, result.stderr);
    warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(folder, 'narration.json'), 'utf8')));
    video = path.join(folder, 'video.mp4');
    await mkdir(ARTIFACTS, { recursive: true });
    middles = narration.sections.map(({ startMs, endMs }, index) => ({
      frame: firstFrameAt((startMs + endMs) / 2, FPS),
      still: path.join(ARTIFACTS, `section-${index}.png`),
    }));
    await extractFrames(
      video,
      middles.map(({ frame }) => frame),
      middles.map(({ still }) => still),
    );
  });
  after(() => server.close());

  it('keeps the photographs that arrive whole, in page order, each stored beside narration.json as read', async () => {
    const kept = photos.filter((_, index) => index !== MISSING && index !== TINY);
    assert.deepEqual(
      narration.media.map((image) => image.sourceUrl),
      kept.map((photo) => photo.url),
    );
    assert.ok(narration.media.every((image) => image.origin === 'article' && image.type === 'jpeg'));
    const files = (await readdir(folder)).filter((file) => file.endsWith('.jpg') && file !== THUMBNAIL_FILE).sort();
    assert.deepEqual(files, narration.media.map((image) => image.file).sort(), 'no lead.jpg, tracker or tiny picture left behind');
    for (const image of narration.media) {
      assert.deepEqual(describeImage(await readFile(path.join(folder, image.file))), { type: 'jpeg', width: image.width, height: image.height });
    }
    assert.equal(NarrationSchema.parse(JSON.parse(await readFile(path.join(folder, 'narration.json'), 'utf8'))).media.length, 11);
  });

  it('carries the captions from the lists after the figures, and the credit at the end of one', () => {
    assert.equal(narration.media[0]!.caption, 'Hori Parata at his Pātaua farm, the place where he was born and grew up.');
    assert.equal(narration.media[0]!.credit, CREDIT);
    assert.match(narration.media[1]!.caption ?? '', /^Kauri \(Te Kaurinui Robert\) Parata, watched by his father/);
    assert.ok(narration.media.slice(1).every((image) => image.credit === null));
  });

  it('puts the focus point on each stand-in’s subject', () => {
    const kept = SUBJECT_X.filter((_, index) => index !== MISSING && index !== TINY);
    narration.media.forEach((image, index) => {
      assert.ok(Math.abs(image.focus.x - kept[index]!) < 0.1, `${image.file}: focus ${image.focus.x}, subject at ${kept[index]}`);
    });
  });

  it('shows the first photograph from the title (the lead image was its copy) and the second from its paragraph on', () => {
    assert.equal(narration.sections[0]!.kind, 'title');
    assert.ok(narration.sections.length >= 7, `the narration reaches the sixth paragraph (${narration.sections.length} sections)`);
    // Sections: title, then paragraphs 0-5; the first photograph stands before paragraph 3, the second before 5.
    assert.deepEqual(
      narration.sections.slice(0, 7).map((section) => section.media),
      [0, 0, 0, 0, 0, 0, 1],
    );
  });

  it('prints a warning: line once for the missing, the tiny and the tracking picture, and for nothing else', () => {
    assert.equal(warnings.length, 3, warnings.join('\n'));
    assert.match(warnings.find((line) => line.includes(photos[MISSING]!.url)) ?? '', /picture 5 was dropped: .*HTTP 404/);
    assert.match(
      warnings.find((line) => line.includes(photos[TINY]!.url)) ?? '',
      /was dropped: it is 300x200 \(too small\)\. The video goes on without it/,
    );
    assert.match(warnings.find((line) => line.includes('/pixel.gif')) ?? '', /picture 1 .* was dropped: it is 1x1 \(tracking pixel\)/);
  });

  it('renders the vertical video with its sound: H.264 at 1080x1920', async () => {
    const { streams } = await ffprobe(video);
    const picture = streams.find((stream) => stream.codec_type === 'video');
    assert.deepEqual([picture?.codec_name, picture?.width, picture?.height], ['h264', FRAME.width, FRAME.height]);
    assert.ok(streams.some((stream) => stream.codec_type === 'audio'));
  });

  it("shows in the middle of each section that section's picture, nearer to it than to any other photograph of the page", async (t) => {
    const work = await mkdtemp(path.join(tmpdir(), 'article-media-frames-'));
    const spans = mediaSpans(narration, FPS, videoFrames(narration, FPS, DEFAULT_LAYOUT));
    // Each kept picture's scene: the photograph of the page it was downloaded from.
    const sceneOf = narration.media.map((image) => photos.findIndex((photo) => photo.url === image.sourceUrl));
    const rows: string[] = [];
    for (const [index, section] of narration.sections.entries()) {
      assert.notEqual(section.media, null, `section ${index} shows a picture`);
      const { frame, still } = middles[index]!;
      const visible = visibleSpans(spans, frame, true);
      assert.equal(visible.length, 1, `section ${index}: frame ${frame} is in no crossfade`);
      const { span, progress } = visible[0]!;
      assert.equal(spans[span]!.media, section.media);
      const shown = path.join(work, `section-${index}.png`);
      await sharp(still).extract(CLEAR_BAND).toFile(shown);
      // Every scene as this frame would show it: framed with its own focus (the dropped ones on their subject) by the
      // span's motion at this point, the missing and the tiny picture included, so showing either would fail.
      const scores: number[] = [];
      for (const [scene, { jpeg, width, height }] of scenes.entries()) {
        const kept = sceneOf.indexOf(scene);
        const focus = kept >= 0 ? narration.media[kept]!.focus : { x: SUBJECT_X[scene]!, y: 0.5 };
        const picture = { size: { width, height }, focus, kind: spans[span]!.kind, progress };
        const expected = path.join(work, `section-${index}-scene-${scene}.png`);
        await writeFile(expected, await framedPictureBand(jpeg, picture, FRAME, FRAME, CLEAR_BAND));
        scores.push((await ssimPerFrame(shown, expected))[0]!);
      }
      const own = sceneOf[section.media!]!;
      const other = Math.max(...scores.filter((_, scene) => scene !== own));
      rows.push(
        `section ${index} (picture ${section.media}, frame ${frame}, ${spans[span]!.kind} at ${progress.toFixed(2)}): ` +
          `SSIM ${scores[own]!.toFixed(3)} with its own, ${other.toFixed(3)} with the nearest other (photograph ${scores.indexOf(other) + 1})`,
      );
      assert.ok(scores[own]! > other, rows.at(-1));
    }
    for (const row of rows) t.diagnostic(row);
  });

  it('reads "Foto: …" in the corner while the credited picture shows, and nothing there for the next, which has none', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'article-media-ocr-'));
    const line = creditLine(narration.media[0]!.credit);
    assert.equal(line, `Foto: ${CREDIT}`);
    for (const media of [0, 1]) {
      const section = narration.sections.findIndex((candidate) => candidate.media === media);
      const { still } = middles[section]!;
      const read = await ocrRegion(still, creditBox('vertical', FRAME.width, FRAME.height, 1, line!), path.join(work, `credit-${media}.png`));
      // The pill's rounded edge may read as a stray bracket: the credit must be there, whole.
      if (media === 0) assert.ok(read.replace(/\s+/g, ' ').includes(line!), `${still}: "${read}"`);
      else assert.doesNotMatch(read, /Foto/, `${still}: "${read}"`);
    }
  });
});

describe('article pictures: --media', () => {
  it('spreads a folder of pictures over the sections and pins one to section 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'user-media-'));
    await Promise.all([
      standInPhoto(20, 800, 600, 0.3).then((jpeg) => writeFile(path.join(dir, 'a.jpg'), jpeg)),
      standInPhoto(21, 800, 600, 0.7).then((jpeg) => writeFile(path.join(dir, 'b.jpg'), jpeg)),
    ]);
    const pinned = path.join(await mkdtemp(path.join(tmpdir(), 'user-pin-')), 'pin.png');
    await sharp(await standInPhoto(22, 600, 800, 0.5))
      .png()
      .toFile(pinned);
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'user-media-out-')), 'n');
    const text = 'Primer párrafo, breve.\n\nSegundo párrafo, también breve.\n\nTercer párrafo y final.';
    const result = await runCli('src/cli/narrate.ts', [
      '--title',
      'Fotos propias',
      '--text',
      text,
      '--media',
      dir,
      '--media',
      `1=${pinned}`,
      '--out',
      out,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(out, 'narration.json'), 'utf8')));
    assert.deepEqual(
      narration.media.map((image) => [image.file, image.origin, image.sourceUrl, image.width, image.height]),
      [
        ['user-01.jpg', 'user', null, 800, 600],
        ['user-02.jpg', 'user', null, 800, 600],
        ['user-03.jpg', 'user', null, 600, 800],
      ],
    );
    // Four sections (title, three paragraphs): a.jpg and b.jpg spread over them, pin.png on section 1.
    assert.deepEqual(
      narration.sections.map((section) => section.media),
      [0, 2, 1, 1],
    );
  });
});
