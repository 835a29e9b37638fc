import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkWords } from '../../src/kokoro/chunks.ts';
import { packUnder, segment, splitAtBreaks } from '../../src/text/packing.ts';
import { cutPenalty } from '../../src/text/cut-points.ts';
import { phraseRuns } from '../../src/text/phrases.ts';
import { SpokenTextBuilder, verbatimSpokenText } from '../../src/text/spoken-text.ts';
import { toSpokenText } from '../../src/text/spoken-form.ts';
import { narrationText, parsePlainArticle } from '../../src/article/markdown.ts';
import { kokoroPhoneme, kokoroPunctuation, tokenIdsOf } from '../../src/phonemes/kokoro-vocab.ts';
import { findLanguage, resolveLanguage } from '../../src/phonemes/languages.ts';
import { phonemize } from '../../src/phonemes/phonemize.ts';
import { syntheticWords } from '../helpers/words.ts';

const texts = (runs: Array<Array<{ text: string }>>) => runs.map((run) => run.map((word) => word.text).join(' '));

describe('packing', () => {
  const words = syntheticWords('uno dos. tres, cuatro cinco seis. siete.');

  it('splits after breaks of at least the given strength', () => {
    assert.deepEqual(texts(splitAtBreaks(words, 'sentence')), ['uno dos', 'tres cuatro cinco seis', 'siete']);
    assert.deepEqual(texts(splitAtBreaks(words, 'clause')), ['uno dos', 'tres', 'cuatro cinco seis', 'siete']);
  });

  it('counts a paragraph end as a sentence end, and not the other way round', () => {
    const paragraphs = words.map((word) => (word.text === 'dos' ? { ...word, breakAfter: 'paragraph' as const } : word));
    assert.deepEqual(texts(splitAtBreaks(paragraphs, 'paragraph')), ['uno dos', 'tres cuatro cinco seis siete']);
    assert.deepEqual(texts(splitAtBreaks(paragraphs, 'sentence')), ['uno dos', 'tres cuatro cinco seis', 'siete']);
  });

  it('packs whole sentences, cutting a sentence only when it alone is too long', () => {
    const count = (run: readonly unknown[]) => run.length;
    assert.deepEqual(texts(packUnder(words, count, 7)), ['uno dos tres cuatro cinco seis siete']);
    assert.deepEqual(texts(packUnder(words, count, 4)), ['uno dos', 'tres cuatro cinco seis', 'siete']);
    // A sentence cut in pieces does not lend its first piece to the previous run.
    assert.deepEqual(texts(packUnder(words, count, 3)), ['uno dos', 'tres', 'cuatro cinco seis', 'siete']);
    // The last piece of a cut sentence does take the next sentences along, so runs end at a sentence end.
    assert.deepEqual(texts(packUnder(words, count, 2)), ['uno dos', 'tres', 'cuatro cinco', 'seis siete']);
  });
});

describe('segmenting', () => {
  const count = (limit: number) => (run: readonly unknown[]) => run.length / limit;
  const noPenalty = () => 0;

  it('makes the fewest runs that fit', () => {
    const plain = syntheticWords('a b c d e f g h i j');
    assert.deepEqual(
      segment(plain, count(7), noPenalty)
        .map((run) => run.length)
        .sort(),
      [3, 7].sort(),
    );
    assert.deepEqual(
      segment(plain, count(10), noPenalty).map((run) => run.length),
      [10],
    );
    assert.equal(segment(plain, count(3), noPenalty).length, 4);
  });

  it('cuts where it reads best: after punctuation, before a conjunction, never after an article', () => {
    const words = syntheticWords('el gobierno aprobó la ley, que limita los precios y protege a los inquilinos');
    const runs = segment(words, count(9), cutPenalty).map((run) => run.map((word) => word.text).join(' '));
    assert.deepEqual(runs, ['el gobierno aprobó la ley', 'que limita los precios y protege a los inquilinos']);
    const noComma = syntheticWords('el gobierno aprobó la ley que limita los precios y protege a los inquilinos');
    const cut = segment(noComma, count(9), cutPenalty).map((run) => run.map((word) => word.text).join(' '));
    assert.deepEqual(cut, ['el gobierno aprobó la ley que limita los precios', 'y protege a los inquilinos']);
    assert.ok(cutPenalty(noComma[0]!, noComma[1]!) >= 500, 'a cut after "el" must cost the most');
  });
});

describe('Kokoro chunks', () => {
  it('keeps every chunk within 510 tokens and cuts at sentence ends first', () => {
    const sentence = 'palabra '.repeat(20).trim();
    const words = syntheticWords(Array.from({ length: 30 }, () => `${sentence}.`).join(' '), 5);
    const chunks = chunkWords(words);
    assert.ok(chunks.length > 1);
    for (const chunk of chunks) {
      assert.ok(chunk.tokenIds.length <= 510, `${chunk.tokenIds.length} tokens`);
      assert.equal(chunk.words.at(-1)!.breakAfter, 'sentence');
    }
    assert.equal(chunks.flatMap((chunk) => chunk.words).length, words.length);
  });

  it('cuts a sentence longer than 510 tokens at clause punctuation, then between words', () => {
    const clause = 'palabra '.repeat(40).trim();
    const words = syntheticWords(`${clause}, ${clause}, ${clause}.`, 5);
    const chunks = chunkWords(words);
    // Each clause is 239 tokens: two fit in one pass, the third goes to the next.
    assert.deepEqual(
      chunks.map((chunk) => chunk.words.length),
      [80, 40],
    );
    assert.ok(chunks.every((chunk) => chunk.words.at(-1)!.breakAfter !== 'none'));
    const giant = syntheticWords(`${'palabra '.repeat(300).trim()}.`, 5);
    const pieces = chunkWords(giant);
    assert.ok(pieces.every((chunk) => chunk.tokenIds.length <= 510));
    assert.equal(pieces.flatMap((chunk) => chunk.words).length, 300);
  });

  it('puts opening punctuation before the next word and closing punctuation after its word', () => {
    const words = syntheticWords('dijo abc', 1);
    words[0]!.punctuationAfter = ',“';
    const chunk = chunkWords(words)[0]!;
    assert.deepEqual(chunk.tokenIds, tokenIdsOf('a, “a'));
    assert.deepEqual(chunk.wordTokenRanges, [
      [0, 1],
      [4, 5],
    ]);
  });
});

describe('phrases (seed rules)', () => {
  it('makes one phrase per sentence, joins short ones and cuts long ones at commas', () => {
    const words = syntheticWords('Hola. Esta es una frase bastante larga, con una coma en medio. Fin.');
    assert.deepEqual(texts(phraseRuns(words, { minChars: 10, maxChars: 40 })), [
      'Hola Esta es una frase bastante larga',
      'con una coma en medio',
      'Fin',
    ]);
    assert.deepEqual(texts(phraseRuns(words, { minChars: 0, maxChars: 200 })), [
      'Hola',
      'Esta es una frase bastante larga con una coma en medio',
      'Fin',
    ]);
    assert.throws(() => phraseRuns(words, { minChars: 50, maxChars: 10 }), /--min-phrase-chars 50 and --max-phrase-chars 10/);
    assert.throws(() => phraseRuns(words, { minChars: 2.5, maxChars: 10 }), /not whole numbers/);
  });
});

describe('line breaks', () => {
  it('gives Kokoro a pause after every line without changing the written words', async () => {
    const written = 'Titular sin punto\n\nPor Ana Gil\n\nEl texto sigue: esto es todo.\nPrimer punto\nSegundo punto:\nFin';
    const { text, words } = await phonemize(verbatimSpokenText(written), resolveLanguage('es'));
    assert.equal(text, written);
    for (const word of words) assert.equal(word.text, written.slice(word.charStart, word.charEnd));
    const after = (wordText: string) => words.find((word) => word.text === wordText)!;
    // A blank line: a full stop, a paragraph break.
    assert.deepEqual([after('punto').punctuationAfter, after('punto').breakAfter], ['.', 'paragraph']);
    assert.deepEqual([after('Gil').punctuationAfter, after('Gil').breakAfter], ['.', 'paragraph']);
    // A single line break (a list item): a colon, a sentence break; a line that has its own colon keeps it.
    const items = words.filter((word) => word.text === 'punto');
    assert.deepEqual([items[1]!.punctuationAfter, items[1]!.breakAfter], [':', 'sentence']);
    assert.deepEqual([items[2]!.punctuationAfter, items[2]!.breakAfter], [':', 'sentence']);
    assert.deepEqual([after('todo').punctuationAfter, after('todo').breakAfter], ['.', 'sentence']);
    assert.deepEqual([after('sigue').punctuationAfter, after('sigue').breakAfter], [':', 'clause']);
    assert.deepEqual([after('Fin').punctuationAfter, after('Fin').breakAfter], ['.', 'sentence']);
  });
});

describe('spoken text map', () => {
  it('maps spoken spans back to the written text they say', () => {
    const written = 'Pagó 1.250 € ayer.';
    const spoken = new SpokenTextBuilder(written)
      .keep(0, 5)
      .replace(5, 10, 'mil doscientos cincuenta')
      .keep(10, 11)
      .replace(11, 12, 'euros')
      .keep(12, written.length)
      .build();
    assert.equal(spoken.spoken, 'Pagó mil doscientos cincuenta euros ayer.');
    assert.deepEqual(spoken.writtenSpan(0, 4), [0, 4]);
    assert.deepEqual(spoken.writtenSpan(9, 19), [5, 10]);
    assert.deepEqual(spoken.writtenSpan(30, 35), [11, 12]);
    assert.deepEqual(spoken.writtenSpan(36, 40), [13, 17]);
    assert.deepEqual(verbatimSpokenText('abc').writtenSpan(1, 2), [1, 2]);
  });

  it('does not read emoji aloud', () => {
    const spoken = toSpokenText('Hola 😀👍🏽 mundo');
    assert.equal(spoken.spoken.replace(/\s+/g, ' '), 'Hola mundo');
    assert.deepEqual(spoken.writtenSpan(spoken.spoken.indexOf('mundo'), spoken.spoken.length), [12, 17]);
  });
});

describe('phoneme mapping', () => {
  it('joins diphthongs and affricates as misaki does and drops unknown symbols', () => {
    assert.equal(kokoroPhoneme('ˈeɪ'), 'ˈA');
    assert.equal(kokoroPhoneme('tʃ'), 'ʧ');
    assert.equal(kokoroPhoneme('a'), 'a');
    assert.equal(kokoroPhoneme('ʔ̞'), 'ʔ');
  });

  it('maps written punctuation onto Kokoro punctuation', () => {
    assert.equal(kokoroPunctuation('?» ¿'), '?”');
    assert.equal(kokoroPunctuation('... –'), '…—');
  });

  it('resolves languages and their aliases', () => {
    assert.equal(resolveLanguage('es').defaultVoice, 'ef_dora');
    assert.equal(findLanguage('pt')?.code, 'pt-br');
    assert.equal(findLanguage('es-MX')?.code, 'es');
    assert.equal(findLanguage('en')?.code, 'en-us');
    assert.equal(findLanguage('ja'), undefined);
    assert.throws(() => resolveLanguage('xx'), /not one Kokoro can speak.*--lang/);
  });
});

describe('plain articles', () => {
  it('takes the Markdown heading as title and strips markup', () => {
    const article = parsePlainArticle('# Título\n\nUn **párrafo** con [enlace](http://x).\n\n- punto', true);
    assert.deepEqual(article, { title: 'Título', paragraphs: ['Un párrafo con enlace.', 'punto'] });
    assert.equal(narrationText(article), 'Título\n\nUn párrafo con enlace.\n\npunto');
  });

  it('takes the first paragraph of a text file as title', () => {
    assert.deepEqual(parsePlainArticle('Titular\n\nCuerpo del\ntexto.', false), { title: 'Titular', paragraphs: ['Cuerpo del texto.'] });
  });
});
