// Which picture each section shows: the article's order (an image before a paragraph goes to that paragraph's
// section), left-over pictures filling sections that have none, the user's pictures spread or pinned.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignSectionMedia, sectionPlaces, type PlacedPicture, type SectionPlace } from '../../src/narration/section-media.ts';

const lead: PlacedPicture = { origin: 'lead', paragraph: null, section: null };
const before = (paragraph: number): PlacedPicture => ({ origin: 'article', paragraph, section: null });
const user = (section: number | null = null): PlacedPicture => ({ origin: 'user', paragraph: null, section });

/** A title and `count` paragraph sections, paragraph i in section i + 1. */
function titled(count: number): SectionPlace[] {
  return [{ kind: 'title', paragraph: null }, ...Array.from({ length: count }, (_, paragraph) => ({ kind: 'paragraph' as const, paragraph }))];
}

describe('section media: places of the sections', () => {
  it('finds each section’s paragraph from the blank lines before it', () => {
    const text = 'Title\n\nFirst one.\n\nSecond one.\n\nThird one.';
    const starts = [0, 7, 19, 32];
    const sections = starts.map((charStart, index) => ({ kind: index === 0 ? ('title' as const) : ('paragraph' as const), charStart }));
    assert.equal(text.slice(starts[3]!), 'Third one.');
    assert.deepEqual(
      sectionPlaces(text, sections).map((place) => place.paragraph),
      [null, 0, 1, 2],
    );
    // Without a title the first section reads paragraph 0; a paragraph with no words (no section) still counts.
    const untitled = 'Uno.\n\n—\n\nDos.';
    assert.deepEqual(
      sectionPlaces(untitled, [
        { kind: 'paragraph', charStart: 0 },
        { kind: 'paragraph', charStart: untitled.indexOf('Dos') },
      ]).map((place) => place.paragraph),
      [0, 2],
    );
  });
});

describe('section media: the article’s order', () => {
  it('gives the title the lead image and each paragraph the picture before it, keeping the last one between', () => {
    assert.deepEqual(assignSectionMedia(titled(6), [lead, before(0), before(3)]), [0, 1, 1, 1, 2, 2, 2]);
  });

  it('gives the title the first picture when the page has no lead image', () => {
    assert.deepEqual(assignSectionMedia(titled(4), [before(2), before(3)]), [0, 0, 0, 0, 1]);
  });

  it('puts several pictures before one paragraph into the next sections that have none of their own', () => {
    // Three before paragraph 1, one before paragraph 3: paragraph 2 takes the second, paragraph 3 its own, 4 the third.
    assert.deepEqual(assignSectionMedia(titled(6), [lead, before(1), before(1), before(1), before(3)]), [0, 0, 1, 2, 4, 3, 3]);
  });

  it('shows the lead image alone on every section, and nothing without pictures', () => {
    assert.deepEqual(assignSectionMedia(titled(3), [lead]), [0, 0, 0, 0]);
    assert.deepEqual(assignSectionMedia(titled(3), []), [null, null, null, null]);
  });

  it('leaves a picture past the narrated paragraphs (a shortened narration) to no section', () => {
    const chosen = assignSectionMedia(titled(2), [lead, before(1), before(7)]);
    assert.deepEqual(chosen, [0, 0, 1]);
  });
});

describe('section media: the user’s pictures', () => {
  it('spreads pictures without a section evenly over all sections, in order', () => {
    assert.deepEqual(assignSectionMedia(titled(5), [user(), user(), user()]), [0, 0, 1, 1, 2, 2]);
    assert.deepEqual(assignSectionMedia(titled(1), [user(), user(), user()]), [0, 1]);
  });

  it('pins a picture to its section over the article’s order, and ignores a section the narration lacks', () => {
    assert.deepEqual(assignSectionMedia(titled(4), [lead, before(2), user(1), user(9)]), [0, 2, 0, 1, 1]);
  });

  it('pins over the spread too', () => {
    assert.deepEqual(assignSectionMedia(titled(3), [user(), user(0), user()]), [1, 0, 2, 2]);
  });
});
