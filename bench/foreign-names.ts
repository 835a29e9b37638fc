// npx tsx bench/foreign-names.ts: how many foreign names real Spanish news pages hold, and how many of them the
// voice says as a Spanish newsreader does, without the shipped foreign-name list (src/lexicon/data/es.tsv) and with
// it. The pages' paragraphs are test/fixtures/spanish/foreign-name-pages.tsv; the names and how a newsreader says
// them are bench/foreign-names.tsv (written by judgement). A name is said right when the phonemes the voice is given
// for it equal those of one of its readings, both folded by foldForSpanishEar: a Spanish listener hears the
// allophones of one Spanish sound, stress and length alike, and the nearest Spanish sound for an English one.
// Capitalized words inside a sentence that are neither a judged name nor a Spanish noun are printed, so what
// the judging left out is in view.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LexiconEntry } from '../src/lexicon/entry.ts';
import { defaultLexicon } from '../src/lexicon/load.ts';
import { parseLexicon } from '../src/lexicon/parse.ts';
import { voiceInput } from '../src/pipeline/voice-input.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';

const rows = (file: string) =>
  readFileSync(path.join(PROJECT_ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));

const paragraphs = rows('test/fixtures/spanish/foreign-name-pages.tsv').map(([url, text]) => ({ url: url!, text: text! }));
const readings = new Map(rows('bench/foreign-names.tsv').map(([name, said]) => [name!, said!.split(' | ')]));
const spanishNouns = new Set(rows('src/text/es/data/noun-genders.tsv').map(([noun]) => noun!.toLowerCase()));

// Each pair: what a Spanish ear takes a sound for. Stress and length marks go; spaces go (names are said as a run).
const FOLD: readonly [RegExp, string][] = [
  [/[ˈˌː ]/gu, ''],
  [/β/gu, 'b'],
  [/ð/gu, 'd'],
  [/ɣ/gu, 'ɡ'],
  [/ŋ/gu, 'n'],
  [/[rɹ]/gu, 'ɾ'],
  [/ʝ|ʤ/gu, 'ʤ'],
  [/ʃ/gu, 'ʃ'],
  [/[əɜɛ]/gu, 'e'],
  [/[ɪᵻ]/gu, 'i'],
  [/ʊ/gu, 'u'],
  [/[æɑʌɐ]/gu, 'a'],
  [/[ɔɒ]/gu, 'o'],
  [/A/gu, 'ei'],
  [/[OQ]/gu, 'ou'],
  [/I/gu, 'ai'],
  [/W/gu, 'au'],
  [/Y/gu, 'oi'],
];

function foldForSpanishEar(phonemes: string): string {
  return FOLD.reduce((folded, [pattern, into]) => folded.replace(pattern, into), phonemes);
}

async function phonemesOf(text: string, start: number, end: number, lexicon: readonly LexiconEntry[]): Promise<string> {
  const { words } = await voiceInput(text, 'es', undefined, lexicon);
  return words
    .filter((word) => word.charStart < end && word.charEnd > start)
    .map((word) => word.phonemes)
    .join(' ');
}

/** Each reading's phonemes, respellings read in the name's place in the paragraph (so "Clinton pirateando" ends in m). */
async function expectedOf(name: string, text: string, start: number, end: number): Promise<string[]> {
  return Promise.all(
    readings
      .get(name)!
      .map(async (reading) =>
        reading.startsWith('/')
          ? reading.slice(1, -1)
          : phonemesOf(text.slice(0, start) + reading + text.slice(end), start, start + reading.length, []),
      ),
  );
}

/** The judged names in a paragraph, longest first where they overlap ("Trump Tower" over "Trump"). */
function namesIn(text: string): { name: string; start: number; end: number }[] {
  const found: { name: string; start: number; end: number }[] = [];
  const names = [...readings.keys()].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const [start, end] = [match.index, match.index + name.length];
      if (found.some((other) => start < other.end && end > other.start)) continue;
      found.push({ name, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function unjudged(text: string, judged: { start: number; end: number }[]): string[] {
  return [...text.matchAll(/(?<=[\p{L}\p{N},;:«“"(—] )\p{Lu}[\p{L}-]*/gu)]
    .filter((match) => !judged.some((span) => match.index >= span.start && match.index < span.end))
    .map((match) => match[0])
    .filter((word) => !spanishNouns.has(word.toLowerCase()));
}

const shipped = defaultLexicon('es', tmpdir());
// Each judged name read by eSpeak's English voice (an entry "name<TAB>@en"), to see how far that gets alone.
const englishVoice = parseLexicon([...readings.keys()].map((name) => `${name}\t@en\tcase`).join('\n'), 'bench/foreign-names.tsv');
const pages = new Map<string, { found: number; before: number; after: number; english: number; unjudged: string[] }>();
for (const { url, text } of paragraphs) {
  const page = pages.get(url) ?? { found: 0, before: 0, after: 0, english: 0, unjudged: [] };
  pages.set(url, page);
  const names = namesIn(text);
  page.unjudged.push(...unjudged(text, names));
  for (const { name, start, end } of names) {
    const expected = (await expectedOf(name, text, start, end)).map(foldForSpanishEar);
    const before = await phonemesOf(text, start, end, []);
    const after = await phonemesOf(text, start, end, shipped);
    const english = await phonemesOf(text, start, end, englishVoice);
    const [rightBefore, rightAfter, rightEnglish] = [before, after, english].map((phonemes) => expected.includes(foldForSpanishEar(phonemes)));
    page.found++;
    page.before += Number(rightBefore);
    page.after += Number(rightAfter);
    page.english += Number(rightEnglish);
    const mark = (right: boolean | undefined) => (right ? 'ok' : '--');
    console.log(
      `${name.padEnd(20)} before ${mark(rightBefore)} ${before.padEnd(26)} after ${mark(rightAfter)} ${after.padEnd(26)} English voice ${mark(rightEnglish)} ${english}`,
    );
  }
}

console.log('\npage\tnames found\tsaid right before\tsaid right after\tsaid right by the English voice\tcapitalized words not judged');
const total = { found: 0, before: 0, after: 0, english: 0 };
for (const [url, page] of pages) {
  console.log(`${url}\t${page.found}\t${page.before}\t${page.after}\t${page.english}\t${page.unjudged.join(', ')}`);
  total.found += page.found;
  total.before += page.before;
  total.after += page.after;
  total.english += page.english;
}
console.log(`total (${pages.size} pages)\t${total.found}\t${total.before}\t${total.after}\t${total.english}`);
