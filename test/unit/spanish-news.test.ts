// Real news sentences from Spain and Latin America, each with the reading a newsreader gives it (reviewed by
// hand), read with the locale of the page it came from. The table lives in test/fixtures/spanish/news-sentences.tsv.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/kokoro/model-files.ts';
import { UNSPEAKABLE } from '../../src/text/es/classes/leftover.ts';
import { spokenSpanish } from '../../src/text/es/spoken-es.ts';

const TABLE = path.join(PROJECT_ROOT, 'test/fixtures/spanish/news-sentences.tsv');
const rows = readFileSync(TABLE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [url, locale, written, spoken] = line.split('\t');
    return { url: url!, locale: locale!, written: written!, spoken: spoken! };
  });

describe('real news sentences', () => {
  it(`has at least 150 sentences from at least 30 pages and 8 countries (${rows.length})`, () => {
    assert.ok(rows.length >= 150);
    assert.ok(new Set(rows.map((row) => row.url)).size >= 30);
    assert.ok(new Set(rows.map((row) => row.locale)).size >= 8);
  });

  for (const [index, row] of rows.entries()) {
    it(`#${index} (${row.locale}) ${row.written.slice(0, 60)}`, () => {
      const spoken = spokenSpanish(row.written, { locale: row.locale });
      assert.equal(spoken, row.spoken, row.url);
      assert.doesNotMatch(spoken, /\d/, 'a digit left for the voice');
      assert.doesNotMatch(spoken, UNSPEAKABLE, 'a symbol left for the voice');
    });
  }
});
