// What the title and closing cards say, from the narration's article record and the props. Pure.
import type { Narration } from '../../src/contract/narration.ts';
import type { ClosingContent } from './ClosingCard.tsx';
import { displayUrl, labelsFor, publishedDate } from './labels.ts';
import type { NewsVideoProps } from './schema.ts';

/** The article's web address; a local file's path (articles read from disk) is not shown. */
export function articleUrl(narration: Narration): string | null {
  const url = narration.article?.canonicalUrl ?? narration.article?.sourceUrl ?? null;
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The site's name, or its host name when the page did not give one. */
export function siteName(narration: Narration): string | null {
  if (narration.article?.siteName) return narration.article.siteName;
  const url = articleUrl(narration);
  return url ? new URL(url).hostname.replace(/^www\./, '') : null;
}

/** "Byline · 24 de noviembre de 2026", whichever of the two the article has. */
export function credit(narration: Narration): string | null {
  const parts = [narration.article?.byline ?? null, publishedDate(narration.article?.publishedTime ?? null, narration.language)].filter(
    (part) => part,
  );
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function closingContent(narration: Narration, props: Pick<NewsVideoProps, 'showSyntheticVoiceLine' | 'syntheticVoiceLine'>): ClosingContent {
  const labels = labelsFor(narration.language);
  const site = siteName(narration);
  const url = articleUrl(narration);
  return {
    source: site ? `${labels.source}: ${site}` : null,
    // A narration cut to a length says where the rest of the story is.
    url: url ? (narration.shortened ? `${labels.fullStory} ${displayUrl(url)}` : displayUrl(url)) : null,
    syntheticVoiceLine: props.showSyntheticVoiceLine ? props.syntheticVoiceLine || labels.syntheticVoice : null,
  };
}
