// A real page's text as a reader saves it with one block per line: Readability's title and excerpt, then each
// block of its article (headings, paragraphs, list items, captions) in page order, Wikipedia's "[edit]" links and
// citation marks left out. Pages: ../shared/fixtures/readability (Mozilla Readability's test pages).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';

const PAGES = path.resolve(PROJECT_ROOT, '../shared/fixtures/readability');
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, figcaption, blockquote';
// Readability keeps them as text: "History[edit]", "Foundation:[41]".
const WIKIPEDIA_MARKS = /\[(?:edit|\d+|citation needed)\]/g;

/** The page's blocks, one per line (no line breaks inside a block). */
export function pageLines(folder: string): string[] {
  const html = readFileSync(path.join(PAGES, folder, 'source.html'), 'utf8');
  const page = new JSDOM(html, { url: 'https://readability.test/', virtualConsole: new VirtualConsole() });
  const article = new Readability(page.window.document).parse();
  if (!article?.content) throw new Error(`Readability found no article in ${folder}`);
  const content = new JSDOM(article.content, { virtualConsole: new VirtualConsole() }).window.document;
  const blocks = [...content.querySelectorAll(BLOCKS)].filter((element) => !element.querySelector(BLOCKS));
  return [article.title, article.excerpt, ...blocks.map((block) => block.textContent)]
    .map((line) => (line ?? '').replace(WIKIPEDIA_MARKS, '').replace(/\s+/g, ' ').trim())
    .filter((line) => /\p{L}/u.test(line));
}

/**
 * The page's short blocks, at most `maxChars` each, in page order: headings, contents entries, captions and list
 * items, the lines that end without punctuation; references (Wikipedia's "^ …") left out.
 */
export function shortPageLines(folder: string, maxChars: number): string[] {
  return pageLines(folder).filter((line) => line.length <= maxChars && !line.startsWith('^'));
}
