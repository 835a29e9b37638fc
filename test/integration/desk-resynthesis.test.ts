// A reviewer's one-sentence correction of a narration several Kokoro passes long, on the real int8 model: the
// re-synthesis makes at most one pass and reads every other one back from the pass cache, and the corrected
// narration says the new sentence where the old one was.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import '../helpers/env.ts';
import { narrateIntoFolder } from '../../src/pipeline/narrate-folder.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import { reviseNarration } from '../../src/pipeline/revise-narration.ts';
import { SPANISH_PARAGRAPH } from '../helpers/texts.ts';

describe('re-synthesis after a one-sentence correction', { timeout: 20 * 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-resynthesis-'));
  const narrator = new Narrator({ device: 'cpu' });
  after(async () => {
    await narrator.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('synthesizes at most one pass and reuses the rest', async (t) => {
    const passes = path.join(dir, 'passes');
    const [first, second] = [path.join(dir, 'first'), path.join(dir, 'second')];
    for (const folder of [first, second]) mkdirSync(folder);
    // Three paragraphs of four sentences: several passes of at most 510 tokens each.
    const text = [SPANISH_PARAGRAPH, SPANISH_PARAGRAPH.replace('ayer', 'hoy'), SPANISH_PARAGRAPH.replace('ayer', 'el lunes')].join('\n\n');
    const before = await narrateIntoFolder(narrator, { source: { kind: 'text', text, title: 'El plan de movilidad' }, passCache: passes }, first, {});
    assert.ok(before.chunks.length >= 3, `the text took ${before.chunks.length} passes; the test needs several`);
    assert.equal(readdirSync(passes).length, before.chunks.length, 'the first narration keeps every pass');

    const target = before.sentences.findIndex((sentence) => sentence.text.startsWith('La medida'));
    const corrected = 'La medida reducirá el tráfico en las avenidas del sur.';
    const revised = await reviseNarration(
      narrator,
      first,
      second,
      { sentences: [{ sentence: target, text: corrected }] },
      {
        passCache: passes,
        lexicon: [],
      },
    );
    assert.ok(revised.passesSynthesized <= 1, `synthesized ${revised.passesSynthesized} passes`);
    assert.equal(revised.passesSynthesized + revised.passesReused, revised.narration.chunks.length);
    assert.equal(revised.passesReused, before.chunks.length - 1);
    assert.equal(revised.narration.sentences[target]!.text, corrected);
    assert.equal(revised.narration.sentences.length, before.sentences.length);
    // The sentence recurs in each paragraph: only the one edited changes.
    const count = (text: string, part: string) => text.split(part).length - 1;
    assert.equal(count(revised.narration.text, corrected), 1);
    assert.equal(count(revised.narration.text, before.sentences[target]!.text), count(before.text, before.sentences[target]!.text) - 1);
    t.diagnostic(`${before.chunks.length} passes; after the edit ${revised.passesSynthesized} synthesized, ${revised.passesReused} reused`);
    const shorter = before.sentences[target]!.endMs - before.sentences[target]!.startMs;
    const longer = revised.narration.sentences[target]!.endMs - revised.narration.sentences[target]!.startMs;
    assert.notEqual(Math.round(shorter), Math.round(longer), 'the corrected sentence has its own timing');
  });
});
