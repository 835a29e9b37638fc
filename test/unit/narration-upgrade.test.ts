// A version 3 narration.json (one lead image in article.leadImage) read as version 4: the image becomes media[0],
// centred, shown by every section; without one, no media and every section on the brand background.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readNarration } from '../../src/contract/narration.ts';

const current = JSON.parse(readFileSync(new URL('../../public/sample/narration.json', import.meta.url), 'utf8'));
const { media: _media, ...withoutMedia } = current;
const leadImage = { file: 'lead.jpg', type: 'jpeg', width: 1200, height: 675 };
const leadImageUrl = 'https://example.com/foto.jpg';

function version3(image: typeof leadImage | null): unknown {
  return {
    ...withoutMedia,
    version: 3,
    sections: current.sections.map(({ media: _section, ...section }: Record<string, unknown>) => section),
    article: { ...current.article, leadImageUrl: image ? leadImageUrl : null, leadImage: image },
  };
}

describe('a version 3 narration.json', () => {
  it('has its lead image as the first picture, centred, behind every section', () => {
    const { narration, problem } = readNarration(version3(leadImage));
    assert.equal(problem, null);
    assert.equal(narration!.version, 4);
    assert.deepEqual(narration!.media, [
      { ...leadImage, caption: null, credit: null, sourceUrl: leadImageUrl, focus: { x: 0.5, y: 0.5 }, origin: 'lead' },
    ]);
    assert.deepEqual(
      narration!.sections.map((section) => section.media),
      current.sections.map(() => 0),
    );
    assert.equal('leadImage' in narration!.article!, false);
    assert.equal(narration!.article!.leadImageUrl, leadImageUrl);
  });

  it('without a lead image has no pictures, and every section shows the brand background', () => {
    const { narration, problem } = readNarration(version3(null));
    assert.equal(problem, null);
    assert.deepEqual(narration!.media, []);
    assert.ok(narration!.sections.every((section) => section.media === null));
    assert.deepEqual(narration, readNarration(current).narration);
  });
});
