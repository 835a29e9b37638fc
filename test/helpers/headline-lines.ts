// Text with one block per line, each line ending without punctuation the way a headline, a dateline, a byline or
// a caption does, made of real text: sentences of test/fixtures/spanish/news-sentences.tsv (collected from the
// news pages named there) that end in a full stop, shortest first, each with that stop removed. Short lines keep
// real synthesis quick and put many line breaks in little audio.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SENTENCES = path.join(import.meta.dirname, '../fixtures/spanish/news-sentences.tsv');

/** `count` lines from the `skip`-th shortest on, in the order the table holds them. */
export function headlineLines(skip: number, count: number): string[] {
  const endingInStop = readFileSync(SENTENCES, 'utf8')
    .split('\n')
    .filter((row) => row !== '' && !row.startsWith('#'))
    .map((row) => row.split('\t')[2]!)
    .filter((sentence) => /[^.]\.$/.test(sentence));
  const chosen = new Set([...endingInStop].sort((a, b) => a.length - b.length).slice(skip, skip + count));
  return endingInStop.filter((sentence) => chosen.has(sentence)).map((sentence) => sentence.slice(0, -1));
}
