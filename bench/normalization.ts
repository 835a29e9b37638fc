// npm run bench:normalization: what the Spanish spoken-form rules cost, in milliseconds per 10,000 characters of
// written text, on real news (the sentences of test/fixtures/spanish/news-sentences.tsv and the bench's own
// Spanish texts). Median of 7 timed rounds after one warm-up round; each round reads the whole corpus.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { speakSpanish } from '../src/text/es/spoken-es.ts';
import { toSpokenText } from '../src/text/spoken-form.ts';

const news = readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/spanish/news-sentences.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split('\t')[2]!);
const textsDirectory = path.join(PROJECT_ROOT, 'bench/texts');
const texts = readdirSync(textsDirectory)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(path.join(textsDirectory, name), 'utf8'));
const corpus = [...news, ...texts];
const characters = corpus.reduce((sum, text) => sum + text.length, 0);

function round(): number {
  const start = performance.now();
  for (const text of corpus) toSpokenText(text, speakSpanish);
  return performance.now() - start;
}

round();
const times = Array.from({ length: 7 }, round).sort((a, b) => a - b);
const median = times[3]!;
console.log(`Spanish normalization: ${corpus.length} texts, ${characters} characters`);
console.log(`median ${median.toFixed(1)} ms per round (min ${times[0]!.toFixed(1)}, max ${times[6]!.toFixed(1)})`);
console.log(`${((median * 10_000) / characters).toFixed(1)} ms per 10,000 characters`);
