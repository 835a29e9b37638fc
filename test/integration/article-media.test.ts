// The article's pictures end to end: a real Guardian photo essay (guardian-1) served from 127.0.0.1 with
// stand-in JPEGs at the sizes its markup asks for (the Guardian's CDN is not reachable here), one of them
// missing (404), one far smaller than declared, a 1x1 tracker added to a paragraph, and a lead image that is
// the first photograph again at another size. The real extractor, downloads, sharp-phash, smartcrop and model.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { describeImage } from '../../src/article/image-type.ts';
import { extractArticle } from '../../src/article/extract.ts';
import { NarrationSchema, type Narration } from '../../src/contract/narration.ts';
import { narrateIntoFolder } from '../../src/pipeline/narrate-folder.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { runCli } from '../helpers/env.ts';
import { send, startServer, type Route, type TestServer } from '../helpers/server.ts';
import { standInPhoto } from '../helpers/stand-in-photos.ts';

const GUARDIAN = path.resolve(PROJECT_ROOT, '../shared/fixtures/readability/guardian-1/source.html');
/** Where each stand-in's subject stands, as a fraction of its width: smartcrop should find it. */
const SUBJECT_X = [0.25, 0.75, 0.4, 0.7, 0.3, 0.8, 0.2, 0.6, 0.35, 0.65, 0.5, 0.28, 0.72];
const MISSING = 3;
const TINY = 4;
const CREDIT = 'Stand-in Photographer';

describe('article pictures: a photo essay with broken, tiny and tracking images', () => {
  let server: TestServer;
  const routes: Record<string, Route> = {};
  let pageUrl: string;
  let narration: Narration;
  let folder: string;
  const warnings: string[] = [];
  let photos: ReturnType<typeof extractArticle>['images'];

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
    for (const [index, photo] of photos.entries()) {
      if (index === MISSING) continue;
      const { width, height } = index === TINY ? { width: 300, height: 200 } : sizes[index]!;
      routes[path_(photo.url)] = send(await standInPhoto(index, width, height, SUBJECT_X[index]!), 'image/jpeg');
    }
    routes['/pixel.gif'] = send(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
        .gif()
        .toBuffer(),
      'image/gif',
    );
    // The lead image (og:image) is the first photograph again, smaller and compressed harder.
    const first = await standInPhoto(0, sizes[0]!.width, sizes[0]!.height, SUBJECT_X[0]!);
    routes[path_(extracted.leadImageUrl!)] = send(await sharp(first).resize(1200).jpeg({ quality: 60 }).toBuffer(), 'image/jpeg');

    folder = await mkdtemp(path.join(tmpdir(), 'article-media-'));
    const narrator = new Narrator({ device: 'cpu' });
    try {
      // 100 s reach the second photograph's paragraph (the sixth) and keep the synthesis short.
      narration = await narrateIntoFolder(narrator, { source: { kind: 'article', location: pageUrl }, maxMs: 100_000 }, folder, {
        warn: (line) => warnings.push(line),
      });
    } finally {
      await narrator.release();
    }
  });
  after(() => server.close());

  it('keeps the photographs that arrive whole, in page order, each stored beside narration.json as read', async () => {
    const kept = photos.filter((_, index) => index !== MISSING && index !== TINY);
    assert.deepEqual(
      narration.media.map((image) => image.sourceUrl),
      kept.map((photo) => photo.url),
    );
    assert.ok(narration.media.every((image) => image.origin === 'article' && image.type === 'jpeg'));
    const files = (await readdir(folder)).filter((file) => file.endsWith('.jpg')).sort();
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

  it('warns once for the missing, the tiny and the tracking picture, and for nothing else', () => {
    assert.equal(warnings.length, 3, warnings.join('\n'));
    assert.match(warnings.find((line) => line.includes(photos[MISSING]!.url)) ?? '', /picture 5 was dropped: .*HTTP 404/);
    assert.match(
      warnings.find((line) => line.includes(photos[TINY]!.url)) ?? '',
      /was dropped: it is 300x200 \(too small\)\. The video goes on without it/,
    );
    assert.match(warnings.find((line) => line.includes('/pixel.gif')) ?? '', /picture 1 .* was dropped: it is 1x1 \(tracking pixel\)/);
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
