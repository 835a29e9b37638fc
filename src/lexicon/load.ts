// Where a narration's lexicon comes from, later entries winning: the shipped list of the language
// (src/lexicon/data/<lang>.tsv), the working folder's lexicon.<lang>.tsv when there is one, then the files the
// user names (--lexicon, or `lexicon:` in the scheduler's config), in order. Files are small and read whole, at
// once, so a bad one is refused before any page is fetched or model loaded.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import type { LexiconEntry } from './entry.ts';
import { parseLexicon } from './parse.ts';

const SHIPPED_FOLDER = path.resolve(import.meta.dirname, 'data');

/** `named` says where the path came from, for the fix ("--lexicon", "lexicon: in feeds.yaml"). */
export function readLexiconFile(file: string, named: string): LexiconEntry[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UserError(
      `The lexicon ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      `Check the path given to ${named}`,
    );
  }
  return parseLexicon(decodeUtf8(bytes, file), file);
}

export function readLexiconFiles(files: readonly string[], named: string): LexiconEntry[] {
  return files.flatMap((file) => readLexiconFile(file, named));
}

/** The lexicon every narration in `language` starts from: the shipped entries, then the working folder's file. */
export function defaultLexicon(language: string, folder = process.cwd()): LexiconEntry[] {
  const files = [path.join(SHIPPED_FOLDER, `${language}.tsv`), path.join(folder, `lexicon.${language}.tsv`)];
  return files.filter((file) => existsSync(file)).flatMap((file) => readLexiconFile(file, 'the default lexicon'));
}
