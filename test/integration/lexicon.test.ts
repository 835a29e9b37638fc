// The lexicon end to end on the real Kokoro-82M int8 model (no mocks): an entry changes what the voice hears and
// not the subtitles, its spoken words get one time spanning the written entry, and the files it comes from
// (the working folder's default, a scheduler config) are read with their refusals.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import '../helpers/env.ts';
import { NarrationSchema } from '../../src/contract/narration.ts';
import { UserError } from '../../src/errors.ts';
import { defaultLexicon } from '../../src/lexicon/load.ts';
import { parseLexicon } from '../../src/lexicon/parse.ts';
import { narrateIntoFolder } from '../../src/pipeline/narrate-folder.ts';
import { voiceInput } from '../../src/pipeline/voice-input.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import { loadConfig } from '../../src/schedule/config.ts';

const SENTENCE = 'La agencia Reuters informó que Nvidia abrirá una sede en New York.';
const LEXICON = parseLexicon('Reuters\tróiters\nNvidia\t/ɛnbˈidja/\nNew York\tniu iork\n', 'newsroom.es.tsv');

describe('a lexicon entry narrated on the real model', () => {
  const narrator = new Narrator({ device: 'cpu' });
  after(() => narrator.release());

  it('gives the voice the entry: the respelling as eSpeak reads it, the phonemes as written', async () => {
    const plain = await narrator.phonemizeText(SENTENCE, 'es');
    const withEntries = await narrator.phonemizeText(SENTENCE, 'es', undefined, LEXICON);
    const phonemesOf = (words: typeof plain, text: string) => words.find((word) => word.text === text)?.phonemes;
    assert.equal(phonemesOf(withEntries, 'Nvidia'), 'ɛnbˈidja');
    assert.notEqual(phonemesOf(plain, 'Nvidia'), 'ɛnbˈidja');
    const respelled = await narrator.phonemizeText('róiters, niu iork', 'es');
    assert.equal(phonemesOf(withEntries, 'Reuters'), respelled[0]!.phonemes);
    assert.notEqual(phonemesOf(plain, 'Reuters'), respelled[0]!.phonemes);
    assert.equal(phonemesOf(withEntries, 'New York'), `${respelled[1]!.phonemes} ${respelled[2]!.phonemes}`);
    // Away from the entries the voice hears what it hears without them.
    assert.deepEqual(
      withEntries.filter((word) => !['Reuters', 'Nvidia', 'New York'].includes(word.text)),
      plain.filter((word) => !['Reuters', 'Nvidia', 'New', 'York'].includes(word.text)),
    );
  });

  it('keeps the written words in narration.json, the entry "New York" one word timed over both its spoken words', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lexicon-'));
    await narrateIntoFolder(narrator, { source: { kind: 'text', text: SENTENCE }, lexicon: LEXICON, loudness: null }, folder);
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(folder, 'narration.json'), 'utf8')));
    assert.deepEqual(
      narration.words.map((word) => word.text),
      ['La', 'agencia', 'Reuters', 'informó', 'que', 'Nvidia', 'abrirá', 'una', 'sede', 'en', 'New York'],
    );
    const newYork = narration.words.at(-1)!;
    assert.equal(SENTENCE.slice(newYork.charStart, newYork.charEnd), 'New York');
    // "niu iork" is two spoken words of about 250 ms each at speed 1: one time covers both.
    assert.ok(newYork.endMs - newYork.startMs >= 300, `"New York" lasts ${newYork.endMs - newYork.startMs} ms`);
    const captions = narration.cues.flatMap((cue) => cue.lines).join(' ');
    assert.match(captions, /Reuters.*Nvidia.*New York/);
    assert.doesNotMatch(captions, /róiters|niu|iork/);
  });
});

describe('the shipped Spanish names', () => {
  it('parse, and each changes what eSpeak alone would have the voice say', async () => {
    const shipped = defaultLexicon('es', tmpdir());
    assert.ok(shipped.length >= 40, `${shipped.length} entries`);
    for (const entry of shipped) {
      const text = `Hoy ${entry.written} habló.`;
      const name = async (lexicon: typeof shipped) => {
        const words = (await voiceInput(text, 'es', undefined, lexicon)).words.slice(1, -1);
        return { text: words.map((word) => word.text).join(' '), phonemes: words.map((word) => word.phonemes).join(' ') };
      };
      const [said, plain] = [await name(shipped), await name([])];
      assert.equal(said.text, entry.written, `${entry.origin}: "${entry.written}" is not one word`);
      assert.notEqual(said.phonemes, plain.phonemes, `${entry.origin}: eSpeak already says "${entry.written}" as the entry does`);
    }
  });
});

describe('where lexicons are read from', () => {
  it("reads the working folder's lexicon.<lang>.tsv after the shipped one, for that language only", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lexicon-folder-'));
    await writeFile(path.join(folder, 'lexicon.es.tsv'), '# our names\nReuters\trróiter\n');
    const entries = defaultLexicon('es', folder);
    assert.deepEqual(entries.at(-1), {
      written: 'Reuters',
      said: { respelling: 'rróiter' },
      caseSensitive: false,
      origin: path.join(folder, 'lexicon.es.tsv:2'),
    });
    assert.ok(!defaultLexicon('fr', folder).some((entry) => entry.origin.startsWith(folder)));
  });

  it("reads the scheduler config's lexicon files from the config's folder, and refuses a bad line at load", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lexicon-config-'));
    await writeFile(path.join(folder, 'names.tsv'), 'Reuters\tróiters\n');
    await writeFile(path.join(folder, 'more.tsv'), 'Nvidia\t/ɛnbˈidja/\n');
    const config = path.join(folder, 'feeds.yaml');
    await writeFile(config, 'feeds:\n  - url: https://example.com/feed\nlexicon: [names.tsv, more.tsv]\n');
    assert.deepEqual(
      (await loadConfig(config)).lexicon.map((entry) => entry.written),
      ['Reuters', 'Nvidia'],
    );
    await writeFile(path.join(folder, 'more.tsv'), 'Nvidia\t/enbidia gpu/\n');
    await assert.rejects(loadConfig(config), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, /more\.tsv:1: the phonemes of "Nvidia" have symbols Kokoro does not know: "g"/);
      return true;
    });
  });
});
