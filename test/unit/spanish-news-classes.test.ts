// How many real news sentences the table holds for each Spanish form issue 18 names ("Said right": prices per unit,
// cents with "con", USD/US$/u$s, h/hs/hrs. and one o'clock, partitives, nouns of both genders, a bare degree sign,
// fractions before a feminine noun, scores, hyphen ranges, norm numbers, reference abbreviations) and for the forms
// added with them. A sentence counts for a class when its written form (or, where only the reading shows it, its
// accepted reading) has the shape; each sentence is read as reviewed by spanish-news.test.ts. The sentences collected
// for the issue follow a marker line in the table, from pages not used above it: at least 5 of them for each class.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { unitSource } from '../../src/text/es/classes/measure.ts';
import { readMap, readTable } from '../../src/text/es/data.ts';
import { nounGender } from '../../src/text/es/gender.ts';

const TABLE = path.join(PROJECT_ROOT, 'test/fixtures/spanish/news-sentences.tsv');
const MARKER = '# Collected for issue 18';

interface Row {
  url: string;
  written: string;
  spoken: string;
}

function tableParts(): { before: Row[]; collected: Row[] } {
  const lines = readFileSync(TABLE, 'utf8').split('\n');
  const marker = lines.findIndex((line) => line.startsWith(MARKER));
  assert.ok(marker > 0, `no line starting "${MARKER}" in ${TABLE}`);
  const rows = (part: string[]) =>
    part
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => {
        const [url, , written, spoken] = line.split('\t');
        return { url: url!, written: written!, spoken: spoken! };
      });
  return { before: rows(lines.slice(0, marker)), collected: rows(lines.slice(marker)) };
}

const UNIT = unitSource();
// The units' names as words too: "los 2-2,5 metros", "36-38 grados".
const UNIT_WORDS = [...new Set(readTable('units.tsv').flatMap(([, singular, plural]) => [plural!, singular!]))]
  .sort((a, b) => b.length - a.length)
  .join('|');
const SPORT =
  /(?<!\p{L})(?:gol|goles|ganó|gana|empató|empate|empataron|venció|goleó|superó|impuso|impusieron|marcador|partidos?|derrota|victoria|triunfos?|ganador|clásico)(?!\p{L})/iu;
// A score is two small numbers joined by a hyphen in a sentence about a match, with no unit after it.
const SCORE = new RegExp(String.raw`(?<![\p{N}.,/-])\d{1,2}\s?[-–]\s?\d{1,2}(?![\p{N}.,/-]|\s?(?:%|[°º€$]|por ciento|${UNIT_WORDS})(?!\p{L}))`, 'u');

/** A number counting a noun the lexicon gives both genders ("21 guardias", "2.200 policías"). */
function countsNounOfBothGenders(written: string): boolean {
  return [...written.matchAll(/(?<![\p{L}\p{N}])\d[\d.]*\s(\p{Ll}+)/gu)].some(
    ([, word]) => readMap('noun-genders.tsv').get(word!) === 'mf' || readMap('counted-genders.tsv').has(word!),
  );
}

const CLASSES: ReadonlyArray<[name: string, issue: boolean, matches: (row: Row) => boolean]> = [
  ['price per unit after a slash', true, ({ written }) => /(?:[€$]|\b(?:euros?|pesos?|dólares?|soles|libras?))\s?\/\s?\p{L}/u.test(written)],
  [
    'cents with "con"',
    true,
    ({ spoken }) => /\b(?:euros?|pesos?|dólares?|soles|libras?|reales)\scon\s[\p{L}\s]+?\s(?:céntimos?|centavos?|peniques?)\b/u.test(spoken),
  ],
  ['USD, US$, u$s', true, ({ written }) => /(?<!\p{L})(?:USD|US\$|[uU]\$[sS])/u.test(written)],
  [
    "time with h, hs, hrs. or one o'clock",
    true,
    ({ written, spoken }) => /\d\s?(?:h|hs|hrs)\.?(?!\p{L})/u.test(written) || (/\bla una\b/u.test(spoken) && !/\bla una\b/iu.test(written)),
  ],
  ['partitive (2 de cada 10 niñas)', true, ({ written }) => /\d+ de cada \d+/u.test(written)],
  ['noun of both genders counted (guardias, policías)', true, ({ written }) => countsNounOfBothGenders(written)],
  ['bare degree sign', true, ({ written }) => /\d\s?[°º](?!\s?[CFcf](?!\p{L}))/u.test(written)],
  [
    'fraction before a feminine noun',
    true,
    ({ written }) => [...written.matchAll(/(?<![\p{N}/])\d+\/\d{1,2}\s(\p{Ll}+)/gu)].some(([, noun]) => nounGender(noun!) === 'f'),
  ],
  ['match score', true, ({ written }) => SCORE.test(written) && SPORT.test(written)],
  [
    'hyphen range before a unit or percent',
    true,
    ({ written }) =>
      new RegExp(String.raw`\d\s?[-–]\s?\d+(?:[.,]\d+)?\s?(?:%|por ciento|[€$]|euros|${UNIT_WORDS}|${UNIT})(?![\p{L}])`, 'u').test(written),
  ],
  [
    'norm number with a slash',
    true,
    ({ written }) =>
      /\b(?:ley|decreto(?:-ley)?|resolución|orden|sentencia|directiva|reglamento|circular|acordada|disposición)\b[^\d]{0,30}\d+\/\d{2,4}\b/iu.test(
        written,
      ),
  ],
  ['reference abbreviation (apdo., núm., pág., inc.)', true, ({ written }) => /(?<!\p{L})(?:apdo|núm|págs?|inc)\.(?=\s)/iu.test(written)],
  ['league standing in brackets', false, ({ written }) => /\(\d{1,2}\s?[°º]\)/u.test(written)],
  ['date after a weekday', false, ({ written }) => /(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\s\d{1,2}\/\d{1,2}/iu.test(written)],
  ['minute of play', false, ({ written, spoken }) => /\d\s?(?:\+\s?\d+)?\s?[′'’](?![\p{L}\p{N}])/u.test(written) && /\bminutos?\b/u.test(spoken)],
  ['unit alone in brackets', false, ({ written }) => new RegExp(String.raw`\(\s?(?:${UNIT})\s?\)`, 'u').test(written)],
];

describe('real news sentences by class', () => {
  it('holds at least 100 sentences collected for issue 18 from new pages, at least 5 for each class', (context) => {
    const { before, collected } = tableParts();
    const earlierPages = new Set(before.map((row) => row.url));
    assert.deepEqual(
      collected.filter((row) => earlierPages.has(row.url)).map((row) => row.url),
      [],
      'collected sentences come from pages not used before',
    );
    assert.ok(collected.length >= 100, `${collected.length} sentences collected`);
    const short: string[] = [];
    for (const [name, issue, matches] of CLASSES) {
      const count = collected.filter(matches).length;
      context.diagnostic(`${name}: ${count} collected, ${before.filter(matches).length} before`);
      if (count < 5) short.push(`${name} (${count})`);
      assert.ok(!issue || count >= 5, `${name}: ${count} sentences`);
    }
    context.diagnostic(
      `${collected.length} collected from ${new Set(collected.map((row) => row.url)).size} pages; under 5: ${short.join(', ') || 'none'}`,
    );
  });
});
