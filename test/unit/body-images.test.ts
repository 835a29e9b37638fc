// The editorial images of an article body: the size chosen from srcset, captions and credits, the rules that
// drop pixels, icons, thumbnails, banners and repeats, and a real Guardian photo essay through Readability.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { bodyImages, type DropRule } from '../../src/article/body-images.ts';
import { extractArticle } from '../../src/article/extract.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';

const PAGE = 'https://news.example.com/world/2024/story.html';
const GUARDIAN = path.resolve(PROJECT_ROOT, '../shared/fixtures/readability/guardian-1/source.html');

/** bodyImages over a fragment whose paragraphs are its <p>s outside figures (the extractor decides them on pages). */
function images(html: string, onDrop?: (url: string, rule: DropRule) => void) {
  const fragment = JSDOM.fragment(html);
  const paragraphs = [...fragment.querySelectorAll('p')].filter((paragraph) => !paragraph.closest('figure'));
  return bodyImages(fragment, PAGE, paragraphs, onDrop);
}

function drops(html: string): Array<[string, DropRule]> {
  const dropped: Array<[string, DropRule]> = [];
  images(html, (url, rule) => dropped.push([url, rule]));
  return dropped;
}

function only(html: string) {
  const kept = images(html);
  assert.equal(kept.length, 1, `one image kept of ${html}`);
  return kept[0]!;
}

describe('body images: the size chosen', () => {
  it('takes the smallest srcset candidate at least 1920 wide', () => {
    const image = only('<img src="/a-640.jpg" srcset="/a-640.jpg 640w, /a-2560.jpg 2560w, /a-1920.jpg 1920w, /a-1280.jpg 1280w">');
    assert.equal(image.url, 'https://news.example.com/a-1920.jpg');
    assert.equal(image.width, 1920);
  });

  it('takes the widest candidate when none reaches 1920, scaling the declared shape', () => {
    const image = only('<img src="/b.jpg" width="600" height="400" srcset="/b-600.jpg 600w, /b-1200.jpg 1200w, /b-900.jpg 900w">');
    assert.deepEqual([image.url, image.width, image.height], ['https://news.example.com/b-1200.jpg', 1200, 800]);
  });

  it('reads x descriptors against the declared width', () => {
    const image = only('<img src="/c.jpg" width="800" height="600" srcset="/c.jpg 1x, /c@2x.jpg 2x, /c@3x.jpg 3x">');
    assert.deepEqual([image.url, image.width, image.height], ['https://news.example.com/c@3x.jpg', 2400, 1800]);
  });

  it('takes the highest density when no width is known at all', () => {
    const image = only('<img src="/d.jpg" srcset="/d.jpg, /d-hd.jpg 2x, /d-md.jpg 1.5x">');
    assert.deepEqual([image.url, image.width, image.height], ['https://news.example.com/d-hd.jpg', null, null]);
  });

  it("includes the sizes of a <picture>'s sources and keeps commas inside an address", () => {
    const image = only(
      '<picture><source media="(min-width: 900px)" srcset="https://res.example.com/image/upload/w_2400,h_1600/e.jpg 2400w">' +
        '<source srcset="https://res.example.com/image/upload/w_800,h_533/e.jpg 800w"><img src="https://res.example.com/e.jpg"></picture>',
    );
    assert.equal(image.url, 'https://res.example.com/image/upload/w_2400,h_1600/e.jpg');
    assert.equal(image.width, 2400);
  });

  it('takes a lazy-loaded picture from data-src or data-srcset over a data: placeholder', () => {
    const placeholder = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    assert.equal(only(`<img src="${placeholder}" data-src="/lazy.jpg">`).url, 'https://news.example.com/lazy.jpg');
    assert.equal(only(`<img src="${placeholder}" data-srcset="/l-1000.jpg 1000w, /l-2000.jpg 2000w">`).url, 'https://news.example.com/l-2000.jpg');
  });

  it('resolves relative and protocol-relative addresses against the page', () => {
    assert.deepEqual(
      images('<img src="../img/f.jpg"><img src="//cdn.example.org/g.jpg"><img src="h.jpg">').map((image) => image.url),
      ['https://news.example.com/world/img/f.jpg', 'https://cdn.example.org/g.jpg', 'https://news.example.com/world/2024/h.jpg'],
    );
  });
});

describe('body images: captions and credits', () => {
  it('takes the credit from a credit element and leaves it out of the caption', () => {
    const image = only(
      '<figure><img src="/p.jpg"><figcaption>Firefighters at the dam. <span class="image-credit">Ana Ruiz / EFE</span></figcaption></figure>',
    );
    assert.deepEqual([image.caption, image.credit], ['Firefighters at the dam.', 'Ana Ruiz / EFE']);
  });

  it('finds a credit element in the figure outside the caption', () => {
    const image = only('<figure><img src="/p.jpg"><p class="photo-byline">J. Doe</p><figcaption>The harbour at dawn</figcaption></figure>');
    assert.deepEqual([image.caption, image.credit], ['The harbour at dawn', 'J. Doe']);
  });

  it("drops a credit element's label, and never takes a whole figcaption for the credit", () => {
    const labelled = only('<figure><img src="/p.jpg"><figcaption>Dusk. <small class="credit">Photo: Jane Doe</small></figcaption></figure>');
    assert.deepEqual([labelled.caption, labelled.credit], ['Dusk.', 'Jane Doe']);
    const classed = only(
      '<figure><img src="/p.jpg" class="author-photo"><figcaption class="caption credit">A harbour. Photo: X. Li</figcaption></figure>',
    );
    assert.deepEqual([classed.caption, classed.credit], ['A harbour.', 'X. Li']);
  });

  it('splits a written credit off the end of the caption', () => {
    const cases: Array<[string, string, string]> = [
      ['A stranded whale. Photograph: Jane Doe/AFP', 'A stranded whale.', 'Jane Doe/AFP'],
      ['El puerto de Valencia. Foto: EFE', 'El puerto de Valencia.', 'EFE'],
      ['Protesters in the square (Reuters)', 'Protesters in the square', 'Reuters'],
      ['The minister arrives (AP Photo/John Smith)', 'The minister arrives', 'AP Photo/John Smith'],
    ];
    for (const [written, caption, credit] of cases) {
      const image = only(`<figure><img src="/q.jpg"><figcaption>${written}</figcaption></figure>`);
      assert.deepEqual([image.caption, image.credit], [caption, credit], written);
    }
  });

  it('keeps a parenthesis that names no photographer in the caption', () => {
    const image = only('<figure><img src="/r.jpg"><figcaption>The mayor (left) and her deputy</figcaption></figure>');
    assert.deepEqual([image.caption, image.credit], ['The mayor (left) and her deputy', null]);
  });

  it('gives an image outside a figure neither caption nor credit', () => {
    const image = only('<p>Text.</p><img src="/s.jpg" alt="A bridge">');
    assert.deepEqual([image.caption, image.credit], [null, null]);
  });
});

describe('body images: what is not editorial', () => {
  it('drops images with no http(s) address', () => {
    assert.deepEqual(drops('<img src="data:image/png;base64,iVBORw0KGgo="><img src="javascript:void(0)">'), [
      ['data:image/png;base64,iVBORw0KGgo=', 'not-web'],
      ['javascript:void(0)', 'not-web'],
    ]);
  });

  it('drops tracking pixels and spacers', () => {
    assert.deepEqual(
      drops('<img src="/t.gif" width="1" height="1"><img src="/u.png" width="800" height="20"><img src="/v.png" width="40">').map(([, rule]) => rule),
      ['tracking-pixel', 'tracking-pixel', 'tracking-pixel'],
    );
  });

  it('drops icons, logos, avatars, sprites, ads, badges and emoji by address, class or alt', () => {
    const html =
      '<img src="/static/icons/share.png"><img src="/img/site-logo.svg"><img src="/u/1.jpg" class="author-avatar">' +
      '<img src="/sprite.png"><img src="/ads/banner.jpg"><img src="/b.png" alt="Verified badge"><img src="/emoji/1f600.png">';
    assert.deepEqual(
      drops(html).map(([, rule]) => rule),
      Array(7).fill('decoration'),
    );
  });

  it('keeps words that merely contain those names', () => {
    assert.equal(
      only('<img src="/uploads/2024/headline-iconic-road.jpg" alt="Shadows on the road">').url,
      'https://news.example.com/uploads/2024/headline-iconic-road.jpg',
    );
  });

  it('drops an image whose declared short side is under 400 pixels, but not one whose srcset is larger', () => {
    assert.deepEqual(drops('<img src="/thumb.jpg" width="300" height="200">'), [['https://news.example.com/thumb.jpg', 'too-small']]);
    assert.equal(only('<img src="/w-300x200.jpg" width="300" height="200" srcset="/w-1024x683.jpg 1024w">').height, 683);
  });

  it('drops banners and strips longer than 3:1', () => {
    assert.deepEqual(drops('<img src="/strip.jpg" width="1600" height="400"><img src="/tall.jpg" width="500" height="1600">'), [
      ['https://news.example.com/strip.jpg', 'extreme-aspect'],
      ['https://news.example.com/tall.jpg', 'extreme-aspect'],
    ]);
    assert.equal(images('<img src="/wide.jpg" width="1500" height="500">').length, 1, 'exactly 3:1 stays');
  });

  it('keeps the first of one picture repeated or at another size', () => {
    const html =
      '<img src="/x.jpg"><img src="https://news.example.com/x.jpg">' +
      '<img src="/wp/photo-1024x683.jpg"><img src="/wp/photo-300x200.jpg?w=300">' +
      '<img src="https://img.example.com/y.jpg?width=1200&quality=80&id=7"><img src="https://img.example.com/y.jpg?w=640&id=7">' +
      '<img src="https://res.example.com/image/upload/w_640/z.jpg"><img src="https://res.example.com/image/upload/c_fill,h_400,w_600/z.jpg">';
    const dropped: string[] = [];
    const kept = images(html, (url, rule) => dropped.push(`${rule} ${url}`));
    assert.deepEqual(
      kept.map((image) => image.url),
      [
        'https://news.example.com/x.jpg',
        'https://news.example.com/wp/photo-1024x683.jpg',
        'https://img.example.com/y.jpg?width=1200&quality=80&id=7',
        'https://res.example.com/image/upload/w_640/z.jpg',
      ],
    );
    assert.equal(dropped.length, 4);
    assert.ok(dropped.every((line) => line.startsWith('duplicate ')));
  });

  it('keeps pictures that differ in a parameter that is not a size', () => {
    assert.equal(images('<img src="/photo.php?id=1"><img src="/photo.php?id=2">').length, 2);
  });
});

describe('body images: place among the paragraphs', () => {
  it('counts the body paragraphs before each image, not those of captions', () => {
    const html =
      '<img src="/0.jpg"><p>One.</p><p>Two.</p><figure><img src="/2.jpg"><figcaption><p>A caption.</p></figcaption></figure>' +
      '<p>Three.</p><p><img src="/3.jpg"> Four.</p><p>Five.</p><img src="/5.jpg">';
    assert.deepEqual(
      images(html).map((image) => [image.url.replace('https://news.example.com/', ''), image.paragraphIndex]),
      [
        ['0.jpg', 0],
        ['2.jpg', 2],
        ['3.jpg', 3],
        ['5.jpg', 5],
      ],
    );
  });
});

describe('body images: a Guardian photo essay (guardian-1)', () => {
  it('keeps every photograph Readability keeps, at the size chosen from its <picture>', async () => {
    const page = new JSDOM(await readFile(GUARDIAN, 'utf8'), { url: 'https://www.theguardian.com/', virtualConsole: new VirtualConsole() });
    // The options of extractArticle, so the body is the one the extractor reads.
    const article = new Readability(page.window.document.cloneNode(true) as Document, { keepClasses: true }).parse();
    assert.ok(article?.content);
    const content = JSDOM.fragment(article.content);
    const figures = [...content.querySelectorAll('figure[data-media-id]')].map((figure) => figure.getAttribute('data-media-id'));
    assert.equal(content.querySelectorAll('img').length, 13);
    assert.equal(figures.length, 13);

    const dropped: string[] = [];
    const paragraphs = [...content.querySelectorAll('p')].filter((paragraph) => !paragraph.closest('figure'));
    const kept = bodyImages(content, 'https://www.theguardian.com/', paragraphs, (url, rule) => dropped.push(`${rule} ${url}`));
    assert.deepEqual(dropped, []);
    // One per figure, in order: the Guardian's media id is part of every size's address.
    assert.deepEqual(
      kept.map((image) => /\/img\/media\/([0-9a-f]+)\//.exec(image.url)?.[1]),
      figures,
    );
    // The first offers 445w to 1760w (none reaches 1920): the largest. The sixth offers up to 2600w: 1930w.
    assert.equal(kept[0]!.width, 1760);
    assert.match(kept[0]!.url, /width=880&.*dpr=2/);
    assert.equal(kept[5]!.width, 1930);
  });

  it('places each photograph before the narrated paragraph it stands before, captioned by the list after its figure', async () => {
    const article = extractArticle(await readFile(GUARDIAN, 'utf8'), 'https://www.theguardian.com/');
    assert.equal(article.images.length, 13);
    // The first photograph follows the first three paragraphs, and the rest never go back.
    assert.equal(article.images[0]!.paragraphIndex, 3);
    assert.match(article.paragraphs[3]!, /^“We’re having to put up with a lot of stuff today/);
    assert.ok(article.images.every((image, index) => index === 0 || image.paragraphIndex >= article.images[index - 1]!.paragraphIndex));
    assert.ok(article.images.every((image) => image.paragraphIndex <= article.paragraphs.length));
    // A photo essay captions its pictures in a one-item list after each figure (or run of figures), not a <figcaption>.
    assert.equal(article.images[0]!.caption, 'Hori Parata at his Pātaua farm, the place where he was born and grew up');
    const clockwise = article.images.filter((image) => image.caption?.startsWith('Clockwise from top: small whale bones'));
    assert.equal(clockwise.length, 3, 'one caption list names the three figures before it');
    assert.equal(article.images.filter((image) => image.caption !== null).length, 10);
    // Those lists are captions, not narrated text, even where one ends with a full stop.
    const captions = new Set(article.images.map((image) => image.caption));
    assert.ok(article.paragraphs.every((paragraph) => !captions.has(paragraph)));
    assert.ok(article.paragraphs.every((paragraph) => !paragraph.startsWith('Clockwise from top')));
  });

  it("splits the page's own figcaption into caption and credit", async () => {
    const page = new JSDOM(await readFile(GUARDIAN, 'utf8'), { virtualConsole: new VirtualConsole() });
    const figcaption = page.window.document.querySelector('figcaption.hide-until-leftcol');
    assert.ok(figcaption);
    const image = only(`<figure><img src="https://i.guim.co.uk/img/media/main.jpg">${figcaption.outerHTML}</figure>`);
    assert.deepEqual([image.caption, image.credit], ['Whale expert Hori Parata.', 'Adrian Malloch for the Guardian']);
  });
});
