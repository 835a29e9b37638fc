// Any article source -> one Article record: a URL, a local .html/.md/.txt file, standard input, or a title and
// text given on the command line.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArticleSchema, type Article } from '../contract/narration.ts';
import { UserError } from '../errors.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import type { BodyImage } from './body-images.ts';
import { decodeHtml } from './charset.ts';
import { extractOnThread } from './extract-thread.ts';
import { DEFAULT_FETCH_LIMITS, fetchPage, type FetchLimits } from './fetch.ts';
import { articleLanguage } from './language.ts';
import { narrationText, parsePlainArticle, type PlainArticle } from './markdown.ts';

/**
 * An article and the pictures of its body (a page's; none for text): the pictures are not part of article.json,
 * narration.json's media[] records those downloaded.
 */
export interface LoadedArticle extends Article {
  images: BodyImage[];
}

function fromPlain(plain: PlainArticle, declaredLanguage: string | null): LoadedArticle {
  if (plain.paragraphs.length === 0 && !plain.title) throw new UserError('The article is empty', 'Give a file or text with some words');
  const paragraphs = plain.paragraphs.length > 0 ? plain.paragraphs : [plain.title];
  const language = articleLanguage(declaredLanguage, narrationText(plain));
  const article = ArticleSchema.parse({
    title: plain.title,
    locale: null,
    byline: null,
    siteName: null,
    publishedTime: null,
    language: language.code,
    leadImageUrl: null,
    canonicalUrl: null,
    excerpt: null,
    sourceUrl: null,
    paragraphs,
  });
  return { ...article, images: [] };
}

/** `fetchedFrom` is the page's final URL when it came over HTTP; a saved page is known by its canonical URL. */
async function fromHtml(html: string, pageUrl: string, options: LoadOptions, fetchedFrom: string | null = null): Promise<LoadedArticle> {
  const declaredLanguage = options.language ?? null;
  const extracted = await extractOnThread(html, pageUrl, options.extractTimeoutMs);
  const language = articleLanguage(declaredLanguage ?? extracted.declaredLanguage, [extracted.title, ...extracted.paragraphs].join('\n'));
  const { declaredLanguage: _declared, images, ...metadata } = extracted;
  return { ...ArticleSchema.parse({ ...metadata, language: language.code, sourceUrl: fetchedFrom ?? metadata.canonicalUrl }), images };
}

export interface LoadOptions {
  /** --lang: overrides what the page declares. */
  language?: string;
  limits?: FetchLimits;
  /** How long extraction (parse and Readability) may take before it is stopped; 20 s when not given. */
  extractTimeoutMs?: number;
  readStdin?: () => Promise<string>;
}

export async function loadArticle(source: string, options: LoadOptions = {}): Promise<LoadedArticle> {
  const declared = options.language ?? null;
  if (source === '-') {
    if (!options.readStdin) throw new UserError('Standard input is not available here', 'Pass a file or URL');
    const text = await options.readStdin();
    return text.trimStart().startsWith('<') ? fromHtml(text, 'file:///dev/stdin', options) : fromPlain(parsePlainArticle(text, true), declared);
  }
  if (existsSync(source)) {
    const bytes = await readFile(source);
    const extension = path.extname(source).toLowerCase();
    if (extension === '.html' || extension === '.htm') return fromHtml(decodeHtml(bytes), pathToFileURL(path.resolve(source)).href, options);
    if (extension === '.md' || extension === '.markdown' || extension === '.txt') {
      return fromPlain(parsePlainArticle(decodeUtf8(bytes, source), extension !== '.txt'), declared);
    }
    throw new UserError(`${source} is a ${extension || 'file without extension'}, not an article file`, 'Pass a .html, .md or .txt file, or a URL');
  }
  if (!/^https?:\/\//i.test(source)) {
    throw new UserError(`"${source}" is neither an existing file nor an http(s) URL`, 'Check the path, or give the full URL');
  }
  const page = await fetchPage(source, options.limits ?? DEFAULT_FETCH_LIMITS);
  return fromHtml(decodeHtml(page.bytes, page.contentType), page.url, options, page.url);
}

/** An article typed on the command line (--title and --text), for pages that cannot be fetched. */
export function articleFromText(title: string, text: string, language?: string): LoadedArticle {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return fromPlain({ title: title.trim(), paragraphs }, language ?? null);
}
