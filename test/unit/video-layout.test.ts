// The NewsVideo composition's pure helpers: safe areas and text sizes per format, the words the cards add in the
// narration's language, and what the closing card says. The sample narration (made by the product) is the base.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { NarrationSchema, type Narration } from '../../src/contract/narration.ts';
import { FRAME_SIZES, VIDEO_FORMATS } from '../../src/contract/video.ts';
import { AVERAGE_CHAR_EM, FONT_FAMILIES } from '../../remotion/fonts/families.ts';
import { closingContent, credit, siteName } from '../../remotion/NewsVideo/card-content.ts';
import {
  belowBrand,
  maxSubtitleLineChars,
  safeArea,
  safeWidth,
  SUBTITLE_PADDING_EM,
  subtitleFontSize,
  titleFontSize,
} from '../../remotion/NewsVideo/geometry.ts';
import { longestPageLine } from '../../remotion/NewsVideo/pages.ts';
import { displayUrl, labelsFor, publishedDate } from '../../remotion/NewsVideo/labels.ts';
import { isFps, NEWS_VIDEO_DEFAULTS, newsVideoSchema, screenLayoutOf } from '../../remotion/NewsVideo/schema.ts';

const sample = NarrationSchema.parse(JSON.parse(readFileSync(new URL('../../public/sample/narration.json', import.meta.url), 'utf8')));

function withArticle(article: Partial<NonNullable<Narration['article']>>): Narration {
  return { ...sample, article: { ...sample.article!, ...article } };
}

describe('safe areas', () => {
  test('vertical keeps clear of the bottom fifth and of the right-hand button column', () => {
    const { width, height } = FRAME_SIZES.vertical;
    const area = safeArea('vertical', width, height);
    assert.ok(area.bottom >= height / 5);
    assert.ok(area.right > area.left);
  });

  test('every format leaves a margin on each side, and the area below the brand starts lower', () => {
    for (const format of VIDEO_FORMATS) {
      const { width, height } = FRAME_SIZES[format];
      const area = safeArea(format, width, height);
      for (const side of [area.top, area.right, area.bottom, area.left]) assert.ok(side >= 0.05 * Math.min(width, height));
      assert.ok(belowBrand(area).top > area.top);
      assert.ok(width - area.left - area.right > width / 2 && height - belowBrand(area).top - area.bottom > height / 2);
    }
  });
});

describe('text sizes', () => {
  test('the subtitle size makes the longest line fit the safe width, and never exceeds the size asked for', () => {
    for (const family of FONT_FAMILIES) {
      for (const [safeWidth, chars] of [
        [1728, 42],
        [853, 42],
        [853, 20],
        [960, 42],
      ] as const) {
        const size = subtitleFontSize(64, safeWidth, chars, family);
        assert.ok(size <= 64);
        assert.ok(size * (chars * AVERAGE_CHAR_EM[family] + 2 * SUBTITLE_PADDING_EM.horizontal) <= safeWidth);
        // The largest size that fits, to the pixel, unless the cap is what stops it.
        assert.ok(size === 64 || (size + 1) * (chars * AVERAGE_CHAR_EM[family] + 2 * SUBTITLE_PADDING_EM.horizontal) > safeWidth);
      }
    }
  });

  test('vertical and square cut the cues into lines short enough for the size asked for; landscape keeps the cue lines', () => {
    const longestCueLine = Math.max(...sample.cues.flatMap((cue) => cue.lines.map((line) => line.length)));
    for (const format of VIDEO_FORMATS) {
      for (const family of FONT_FAMILIES) {
        const { width, height } = FRAME_SIZES[format];
        const layout = screenLayoutOf({ ...NEWS_VIDEO_DEFAULTS, format, fontFamily: family });
        assert.equal(layout.maxLineChars, maxSubtitleLineChars(format, NEWS_VIDEO_DEFAULTS.fontSize, safeWidth(format, width, height), family));
        const size = subtitleFontSize(
          NEWS_VIDEO_DEFAULTS.fontSize,
          safeWidth(format, width, height),
          longestPageLine(sample, layout.maxLineChars),
          family,
        );
        const wholeCueSize = subtitleFontSize(NEWS_VIDEO_DEFAULTS.fontSize, safeWidth(format, width, height), longestCueLine, family);
        if (format === 'landscape') {
          assert.equal(layout.maxLineChars, null);
          assert.equal(size, wholeCueSize);
        } else {
          assert.equal(size, NEWS_VIDEO_DEFAULTS.fontSize, `${format} ${family}`);
          assert.ok(wholeCueSize < 0.7 * size, `${format} ${family}: whole cues would be ${wholeCueSize} px`);
        }
      }
    }
  });

  test('a longer title gets a smaller headline, within at most four lines', () => {
    const short = titleFontSize(30, 1000, 'Roboto Slab');
    const long = titleFontSize(120, 1000, 'Roboto Slab');
    assert.ok(long < short);
    assert.ok((120 * AVERAGE_CHAR_EM['Roboto Slab'] * long) / 1000 <= 4);
  });
});

describe('labels', () => {
  test('labels follow the narration language, regional tags included, English otherwise', () => {
    assert.equal(labelsFor('es').source, 'Fuente');
    assert.equal(labelsFor('pt-br').source, 'Fonte');
    assert.match(labelsFor('fr').syntheticVoice, /synthèse/);
    assert.equal(labelsFor('hi'), labelsFor('en'));
  });

  test('publication dates are written in the narration language; an unreadable date is left out', () => {
    assert.equal(publishedDate('2026-11-24T09:30:00Z', 'es'), '24 de noviembre de 2026');
    assert.equal(publishedDate('2026-11-24T23:30:00-05:00', 'en-us'), 'November 25, 2026');
    assert.equal(publishedDate('not a date', 'es'), null);
    assert.equal(publishedDate(null, 'es'), null);
  });

  test('links lose their scheme and www, and long ones end in an ellipsis', () => {
    assert.equal(displayUrl('https://www.example.com/'), 'example.com');
    const long = displayUrl(`https://example.com/${'a'.repeat(100)}`, 40);
    assert.equal(long.length, 40);
    assert.ok(long.endsWith('…'));
  });
});

describe('card content', () => {
  const show = { showSyntheticVoiceLine: true, syntheticVoiceLine: '' };

  test('the closing card names the site and link; the synthetic-voice line is on by default, replaceable and hideable', () => {
    const article = withArticle({ siteName: 'El Diario', canonicalUrl: 'https://www.eldiario.es/noticia' });
    assert.deepEqual(closingContent(article, show), {
      source: 'Fuente: El Diario',
      url: 'eldiario.es/noticia',
      syntheticVoiceLine: labelsFor('es').syntheticVoice,
    });
    assert.equal(closingContent(article, { ...show, syntheticVoiceLine: 'Voz de IA.' }).syntheticVoiceLine, 'Voz de IA.');
    assert.equal(closingContent(article, { ...show, showSyntheticVoiceLine: false }).syntheticVoiceLine, null);
    assert.equal(NEWS_VIDEO_DEFAULTS.showSyntheticVoiceLine, true);
  });

  test('a narration cut to a length says on the closing card where the full story is', () => {
    const article = withArticle({ siteName: 'El Diario', canonicalUrl: 'https://www.eldiario.es/noticia' });
    const shortened = { ...article, shortened: { maxSeconds: 56, fullTextChars: 6000 } };
    assert.equal(closingContent(shortened, show).url, 'Noticia completa en eldiario.es/noticia');
    assert.equal(closingContent(article, show).url, 'eldiario.es/noticia');
  });

  test('without a site name the host stands in; a local file path is never shown as the source', () => {
    assert.equal(siteName(withArticle({ siteName: null, sourceUrl: 'https://www.diario.example/a/b' })), 'diario.example');
    const local = withArticle({ siteName: null, canonicalUrl: null, sourceUrl: '/home/me/noticia.html' });
    assert.equal(siteName(local), null);
    assert.deepEqual(closingContent(local, show), { source: null, url: null, syntheticVoiceLine: labelsFor('es').syntheticVoice });
  });

  test('the credit line joins byline and date, whichever exist', () => {
    assert.equal(credit(withArticle({ byline: 'Marta Núñez', publishedTime: '2026-11-24T09:30:00Z' })), 'Marta Núñez · 24 de noviembre de 2026');
    assert.equal(credit(withArticle({ byline: null, publishedTime: null })), null);
  });
});

describe('props', () => {
  test('the defaults with a narration URL are valid props; fps must be one the product renders', () => {
    assert.ok(newsVideoSchema.safeParse({ ...NEWS_VIDEO_DEFAULTS, narrationSrc: 'http://127.0.0.1:1/narration.json' }).success);
    const bad = newsVideoSchema.safeParse({ ...NEWS_VIDEO_DEFAULTS, narrationSrc: 'x', fps: 24 });
    assert.equal(bad.success, false);
    assert.match(bad.error!.issues[0]!.message, /25, 30, 60/);
    assert.deepEqual([24, 25, 30, 60].map(isFps), [false, true, true, true]);
  });
});
