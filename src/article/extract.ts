// HTML -> article: Readability over a DOM that never runs the page's scripts, then the body cut into clean
// paragraphs without captions, share buttons, "read also" boxes, newsletter prompts or the repeated title.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { UserError } from '../errors.ts';
import { bodyImages, isCaptionList, type BodyImage } from './body-images.ts';
import { pageLocale } from './locale.ts';

export interface ExtractedArticle {
  title: string;
  /** Spanish regional variant named by the page (<html lang>, og:locale) or its domain; es-ES when none says. */
  locale: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  declaredLanguage: string | null;
  leadImageUrl: string | null;
  canonicalUrl: string | null;
  excerpt: string | null;
  paragraphs: string[];
  /** The editorial pictures of the body, in order, each placed before one of `paragraphs`. */
  images: BodyImage[];
}

/** Below this much body text a page is a stub (a paywall teaser, an index page), not an article. */
export const MIN_ARTICLE_CHARS = 500;
/**
 * The most nested and the most elements a page may have. Readability's work grows faster than either (here 500
 * nested <div>s took 4.7 s, 1,000 took 21 s, 8,000 overflowed its recursion; 20,000 elements side by side took
 * 6 s), while real articles stay far below: the deepest page of the fixtures nests 29 elements (a Wikipedia
 * article, also the largest with 2,774 elements). Both limits leave real pages room several times over.
 */
const MAX_PAGE_DEPTH = 200;
const MAX_PAGE_ELEMENTS = 15_000;

const NOT_BODY =
  'figure, figcaption, aside, nav, form, button, script, style, noscript, iframe, sup.reference, .mw-editsection, #toc, .toc, ' +
  '.navbox, .reflist, .references, .infobox, ' +
  '[class*="share"], [class*="related"], [class*="newsletter"], [class*="promo"], [class*="caption"], [aria-hidden="true"]';
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote';
const BOILERPLATE = new RegExp(
  '^(?:lee también|leer también|lea también|te puede interesar|le puede interesar|relacionad[oa]s?|suscríbete|suscribete|' +
    'newsletter|boletín|compartir|comparte|más información|ver también|publicidad|read more|read also|sign up|subscribe|' +
    'share (?:this|on)|related:|advertisement|leia também|leia mais|veja também|lire aussi|à lire aussi|abonnez-vous|leggi anche|' +
    // photo captions and credits
    'clockwise from|pictured|photograph|foto|fotografía|imagen|en la imagen|above,|below,)\\b',
  'i',
);
const SENTENCE_END = /[.!?…:;]["'»”’)]*$/;
const CITATION = /\[(?:\d+|[a-z]|citation needed|nota \d+)\]/gi;

function clean(text: string): string {
  return text.replace(CITATION, '').replace(/\s+/g, ' ').trim();
}

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const content = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function leadImage(document: Document, content: Document, base: string): string | null {
  const declared = meta(document, 'og:image', 'twitter:image', 'twitter:image:src');
  if (declared) return absolute(declared, base);
  const large = [...content.querySelectorAll('img')].find((image) => Number(image.getAttribute('width') ?? 0) >= 300 || image.hasAttribute('srcset'));
  return absolute((large ?? content.querySelector('img'))?.getAttribute('src'), base);
}

/** Inside something that is not body text: a figure, a box, a button, a caption list… (`block` itself included). */
function outsideBody(element: Element): boolean {
  const list = element.closest('ul, ol');
  return element.closest(NOT_BODY) !== null || (list !== null && isCaptionList(list));
}

/** A block's text without what is not body text inside it (a citation mark, a share button). */
function blockText(block: Element): string {
  if (!block.querySelector(NOT_BODY)) return clean(block.textContent ?? '');
  const copy = block.cloneNode(true) as Element;
  for (const element of copy.querySelectorAll(NOT_BODY)) element.remove();
  return clean(copy.textContent ?? '');
}

/**
 * The narrated paragraphs and the elements they come from, in document order. The document is left whole (the
 * pictures are read from it too): what is not body text is skipped, not removed.
 */
function paragraphsOf(content: Document, title: string): Array<{ text: string; element: Element }> {
  const candidates = [...content.querySelectorAll(BLOCKS)].filter((element) => !outsideBody(element));
  // Only the innermost blocks are read: a block holding another one (an <li> of <p>s) leaves its text to them.
  const holders = new Set(candidates.map((element) => element.parentElement?.closest(BLOCKS)));
  const blocks = candidates.filter((element) => !holders.has(element));
  const seen = new Set<string>();
  const paragraphs: Array<{ text: string; element: Element }> = [];
  for (const block of blocks) {
    const text = blockText(block);
    if (!/[\p{L}\p{N}]/u.test(text) || BOILERPLATE.test(text) || text === title || seen.has(text)) continue;
    // Body text is made of sentences: a paragraph or list item with no closing punctuation is a photo caption,
    // a credit, a link list or a tag. Subheadings (h2-h6) are the exception.
    if (!/^H\d$/.test(block.tagName) && !SENTENCE_END.test(text)) continue;
    seen.add(text);
    paragraphs.push({ text, element: block });
  }
  return paragraphs;
}

function tooLarge(pageUrl: string, problem: string): UserError {
  return new UserError(
    `${pageUrl} ${problem}, past what an article needs and what Readability reads in reasonable time`,
    "Give the URL of the article's own page, or save its text and pass the file",
  );
}

/** Refuse a page nested or sized past the limits, walked with a stack of our own (the page decides its depth). */
function checkPageShape(document: Document, pageUrl: string): void {
  const stack: Array<[element: Element, depth: number]> = [[document.documentElement, 1]];
  let elements = 0;
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > MAX_PAGE_DEPTH) throw tooLarge(pageUrl, `nests elements more than ${MAX_PAGE_DEPTH} deep`);
    if (++elements > MAX_PAGE_ELEMENTS) throw tooLarge(pageUrl, `has more than ${MAX_PAGE_ELEMENTS.toLocaleString('en')} elements`);
    for (const child of element.children) stack.push([child, depth + 1]);
  }
}

export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  const virtualConsole = new VirtualConsole();
  // Scripts never run (JSDOM's default) and external resources are never loaded.
  const dom = new JSDOM(html, { url: pageUrl, virtualConsole });
  const document = dom.window.document;
  checkPageShape(document, pageUrl);
  const declaredLanguage =
    document.documentElement.getAttribute('lang') ||
    meta(document, 'og:locale', 'language') ||
    document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ||
    null;
  const canonicalUrl = absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url'), pageUrl);
  const parsed = new Readability(document.cloneNode(true) as Document, { keepClasses: true, maxElemsToParse: MAX_PAGE_ELEMENTS }).parse();
  if (!parsed?.content) {
    throw new UserError(`${pageUrl} has no readable article`, 'Give the URL of an article page, or save its text and pass the file');
  }
  const title = clean(parsed.title ?? '') || clean(document.title);
  const content = new JSDOM(parsed.content, { url: pageUrl, virtualConsole }).window.document;
  // A saved page (file://) resolves its links against the address it was saved from.
  const base = pageUrl.startsWith('file:') && canonicalUrl ? canonicalUrl : pageUrl;
  const lead = leadImage(document, content, base);
  const blocks = paragraphsOf(content, title);
  const paragraphs = blocks.map((block) => block.text);
  const bodyChars = paragraphs.join(' ').length;
  if (bodyChars < MIN_ARTICLE_CHARS) {
    throw new UserError(
      `${pageUrl} holds only ${bodyChars} characters of article text: a paywall, a teaser or not an article`,
      'Give the full article, or pass its text with --title and --text',
    );
  }
  return {
    title,
    locale: pageLocale({
      htmlLang: document.documentElement.getAttribute('lang') ?? undefined,
      ogLocale: meta(document, 'og:locale') ?? undefined,
      url: canonicalUrl ?? pageUrl,
    }),
    byline: clean(parsed.byline ?? '') || null,
    siteName: clean(parsed.siteName ?? '') || null,
    publishedTime: parsed.publishedTime ?? null,
    declaredLanguage: parsed.lang || declaredLanguage,
    leadImageUrl: lead,
    canonicalUrl: canonicalUrl ?? pageUrl,
    excerpt: parsed.excerpt?.trim() || null,
    paragraphs,
    images: bodyImages(
      content,
      base,
      blocks.map((block) => block.element),
    ),
  };
}
