// Where a narration's text comes from: an article (URL, saved page, Markdown or text file, standard input),
// text given on the command line, a text file, standard input, or the bundled sample article.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../contract/narration.ts';
import type { BodyImage } from '../article/body-images.ts';
import type { LoadedArticle, LoadOptions } from '../article/load.ts';
import { narrationText, parsePlainArticle } from '../article/markdown.ts';
import { UserError } from '../errors.ts';
import { decodeUtf8 } from '../text/utf8.ts';

export const SAMPLE_ARTICLE = path.resolve(import.meta.dirname, '../article/sample-article.md');

export type NarrationSource =
  | { kind: 'article'; location: string }
  | { kind: 'text'; text: string; title?: string }
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'sample' };

export interface SourceText {
  text: string;
  /** The text's first paragraph is the article's title. */
  titled: boolean;
  article?: Article;
  /** The pictures of the article's body, in order (none for text). */
  images: BodyImage[];
  /** For the run record: the URL or path read, null for text given inline. */
  location: string | null;
}

function fromArticle({ images, ...article }: LoadedArticle, location: string | null): SourceText {
  return { text: narrationText(article), titled: article.title !== '', article, images, location };
}

/**
 * The article reader (page fetching, extraction, language detection, the article's schema) is loaded only for a
 * source that is an article: text given on the command line, the dry run's usual source, does not pay for it.
 */
const articleReader = () => import('../article/load.ts');

export async function readSource(source: NarrationSource, options: Pick<LoadOptions, 'language' | 'limits'> = {}): Promise<SourceText> {
  switch (source.kind) {
    case 'article': {
      const { loadArticle } = await articleReader();
      return fromArticle(await loadArticle(source.location, { ...options, readStdin }), source.location);
    }
    case 'sample': {
      const { loadArticle } = await articleReader();
      return fromArticle(await loadArticle(SAMPLE_ARTICLE, options), null);
    }
    case 'text': {
      if (source.title === undefined) return { text: source.text, titled: false, images: [], location: null };
      const { articleFromText } = await articleReader();
      return fromArticle(articleFromText(source.title, source.text, options.language), null);
    }
    case 'file': {
      const text = await readTextFile(source.path);
      if (!/\.(md|markdown)$/i.test(source.path)) return { text, titled: false, images: [], location: source.path };
      const plain = parsePlainArticle(text, true);
      return { text: narrationText(plain), titled: plain.title !== '', images: [], location: source.path };
    }
    case 'stdin':
      return { text: await readStdin(), titled: false, images: [], location: null };
  }
}

export async function readTextFile(file: string): Promise<string> {
  if (!existsSync(file)) throw new UserError(`File ${file} does not exist`, 'Check the path given to --file');
  return decodeUtf8(await readFile(file), file);
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UserError('"-" reads the text from standard input, but nothing is piped in', 'Pipe a text in, or use --text / --file');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeUtf8(Buffer.concat(chunks), 'standard input');
}
