// Which picture each section of the narration shows: the article's own order where the page gives one, the
// user's where they pin one, an even spread where neither does. Pure: indices in, indices out.
import type { Section } from '../contract/narration.ts';

/** A picture of narration.json's media[], with what places it. */
export interface PlacedPicture {
  origin: 'lead' | 'article' | 'user';
  /** An article picture: the index of the article paragraph it stands before. */
  paragraph: number | null;
  /** A user picture pinned to a section (--media N=FILE): that section's index. */
  section: number | null;
}

export interface SectionPlace {
  kind: Section['kind'];
  /** The article paragraph the section reads; null for the title. */
  paragraph: number | null;
}

/**
 * Each section's paragraph, from where it starts in the narrated text: the title and the paragraphs are joined
 * by one blank line each (src/article/markdown.ts narrationText), and a paragraph holds no blank line.
 */
export function sectionPlaces(text: string, sections: ReadonlyArray<Pick<Section, 'kind' | 'charStart'>>): SectionPlace[] {
  const titled = sections[0]?.kind === 'title';
  return sections.map((section) => {
    if (section.kind === 'title') return { kind: section.kind, paragraph: null };
    const breaksBefore = text.slice(0, section.charStart).split('\n\n').length - 1;
    return { kind: section.kind, paragraph: breaksBefore - (titled ? 1 : 0) };
  });
}

/** Pictures without a place of their own, spread in order: picture j starts at section round(j * sections / n). */
function spread(sections: number, pictures: readonly number[]): Array<number | null> {
  return Array.from({ length: sections }, (_, index) => pictures[Math.floor((index * pictures.length) / sections)] ?? null);
}

/**
 * The article's pictures: the title shows the lead image (else the first picture); a section shows the picture
 * that stands before its paragraph (the first, when several do); a section with none shows the next picture left
 * over from an earlier paragraph, else keeps the picture before it, so the screen changes only where the article does.
 */
function inArticleOrder(places: readonly SectionPlace[], pictures: readonly PlacedPicture[]): Array<number | null> {
  const article = pictures.flatMap((picture, index) => (picture.origin === 'article' ? [index] : []));
  const lead = pictures.findIndex((picture) => picture.origin === 'lead');
  const shown = new Set<number>();
  let previous: number | null = lead >= 0 ? lead : (article[0] ?? null);
  return places.map((place) => {
    if (place.paragraph === null) return previous;
    const own = article.find((index) => !shown.has(index) && pictures[index]!.paragraph === place.paragraph);
    const leftOver = article.find((index) => !shown.has(index) && pictures[index]!.paragraph! < place.paragraph!);
    const picture = own ?? leftOver;
    if (picture !== undefined) {
      shown.add(picture);
      previous = picture;
    }
    return previous;
  });
}

/**
 * The index into `pictures` (narration.json's media[]) that each section shows, null for the brand background.
 * User pictures without a section replace the article's order: they are spread over all sections in order.
 * A pinned picture always wins its section (the last pin of a section, when several name it).
 */
export function assignSectionMedia(places: readonly SectionPlace[], pictures: readonly PlacedPicture[]): Array<number | null> {
  const unpinned = pictures.flatMap((picture, index) => (picture.origin === 'user' && picture.section === null ? [index] : []));
  const chosen = unpinned.length > 0 ? spread(places.length, unpinned) : inArticleOrder(places, pictures);
  pictures.forEach((picture, index) => {
    if (picture.section !== null && picture.section < chosen.length) chosen[picture.section] = index;
  });
  return chosen;
}
