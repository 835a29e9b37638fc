// Where the text comes from: --text, --file, standard input ("-"), or the bundled sample.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { decodeUtf8 } from '../text/utf8.ts';

export const SAMPLE_ARTICLE = path.resolve(import.meta.dirname, '../article/sample-article.md');

export async function readTextFile(file: string): Promise<string> {
  if (!existsSync(file)) throw new UserError(`File ${file} does not exist`, 'Check the path given to --file');
  return decodeUtf8(await readFile(file), file);
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UserError('"-" reads the text from standard input, but nothing is piped in', 'Pipe a text in, or use --text / --file');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeUtf8(Buffer.concat(chunks), 'standard input');
}

