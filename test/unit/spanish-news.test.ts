// Real news sentences from Spain and Latin America, each with the reading a newsreader gives it (reviewed by
// hand), read with the locale of the page it came from. The table lives in test/fixtures/spanish/news-sentences.tsv.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
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
  it('reads every sentence as reviewed, in every country, and the page locale decides at least 25 of them', () => {
    const read = rows.map((row) => ({ ...row, read: spokenSpanish(row.written, { locale: row.locale }) }));
    const right = read.filter((row) => row.read === row.spoken);
    // Today's figure: all of them (419 of 419), from 186 pages in 15 countries; never fewer than 405, 180 and 15.
    assert.equal(right.length, rows.length, `${right.length} of ${rows.length} read as reviewed`);
    assert.ok(right.length >= 405, `${right.length} sentences read as reviewed`);
    assert.ok(new Set(right.map((row) => row.url)).size >= 180);
    assert.ok(new Set(right.map((row) => row.locale)).size >= 15);
    // Each sentence has something to rewrite: none passes by being left as written.
    assert.deepEqual(
      read.filter((row) => row.read === row.written).map((row) => row.written),
      [],
    );
    // Read with Spain's rules instead of its page's, a Latin American sentence may come out wrong: 29 of 245 today.
    const localeDecides = read.filter((row) => row.locale !== 'es-ES' && spokenSpanish(row.written, { locale: 'es-ES' }) !== row.read);
    assert.ok(localeDecides.length >= 25, `${localeDecides.length} sentences read differently with es-ES's rules`);
    for (const row of localeDecides) assert.equal(row.read, row.spoken, row.url);
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
