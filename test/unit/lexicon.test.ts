// The lexicon on its own: the file format and its refusals, where entries match (case, whole words, phrases,
// overlaps, later files winning), and how a match is said while the written span stays whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UserError } from '../../src/errors.ts';
import type { LexiconEntry } from '../../src/lexicon/entry.ts';
import { Lexicon } from '../../src/lexicon/match.ts';
import { parseLexicon } from '../../src/lexicon/parse.ts';
import { voiceInput } from '../../src/pipeline/voice-input.ts';
import { spokenSpanish } from '../../src/text/es/spoken-es.ts';

const lexicon = (text: string) => parseLexicon(text, 'test.tsv');
const matched = (entries: LexiconEntry[], written: string) =>
  new Lexicon(entries).matches(written).map(({ start, end, entry }) => [written.slice(start, end), entry.origin]);

describe('lexicon files', () => {
  it('reads respellings, phonemes, the case option and comments', () => {
    const entries = lexicon(
      '# the newsroom\'s names\r\n\nReuters\tróiters\n  Meta\t\tméta\tcase  # the company, not "la meta"\nNvidia\t/enbˈidja/\nNew   York\tniu iork\t# a phrase\nC#\tce sharp\n',
    );
    assert.deepEqual(entries, [
      { written: 'Reuters', said: { respelling: 'róiters' }, caseSensitive: false, origin: 'test.tsv:3' },
      { written: 'Meta', said: { respelling: 'méta' }, caseSensitive: true, origin: 'test.tsv:4' },
      { written: 'Nvidia', said: { phonemes: 'enbˈidja' }, caseSensitive: false, origin: 'test.tsv:5' },
      { written: 'New York', said: { respelling: 'niu iork' }, caseSensitive: false, origin: 'test.tsv:6' },
      { written: 'C#', said: { respelling: 'ce sharp' }, caseSensitive: false, origin: 'test.tsv:7' },
    ]);
  });

  it("reads @ and a language as the written form read by that language's voice, bare codes folded onto Kokoro's", () => {
    assert.deepEqual(
      lexicon('Washington Post\t@en\tcase\nRenault\t@FR\nBraga\t@pt\n').map((entry) => entry.said),
      [{ language: 'en-us' }, { language: 'fr' }, { language: 'pt-br' }],
    );
  });

  const refusals: Array<[string, RegExp]> = [
    ['Reuters róiters', /^test\.tsv:2: "Reuters róiters" has no pronunciation \(no tab: columns are separated by tabs, not spaces\)\. Write/],
    ['Reuters', /^test\.tsv:2: "Reuters" has no pronunciation\. Write the written form, a tab/],
    [
      'Nvidia\t/envidia g/',
      /^test\.tsv:2: the phonemes of "Nvidia" have symbols Kokoro does not know: "g" \(U\+0067\)\. Use only the symbols of src\/phonemes\/kokoro-vocab\.json/,
    ],
    ['Nvidia\t//', /^test\.tsv:2: "Nvidia" has empty phonemes/],
    ['Meta\tméta\tCASE', /^test\.tsv:2: "Meta" has an unknown third column "CASE"\. The only option is "case"/],
    ['«Reuters»\tróiters', /^test\.tsv:2: "«Reuters»" does not start with a letter or digit\. Entries match whole words/],
    ['Reuters\t123', /^test\.tsv:2: "Reuters" is said as "123", which has no letter/],
    ['Bayern\t@de', /^test\.tsv:2: "Bayern" is to be read in "de", a language Kokoro cannot speak here\. Write @ and one of: es, en-us/],
  ];
  for (const [line, message] of refusals) {
    it(`refuses ${JSON.stringify(line)} with its file:line and the fix`, () => {
      assert.throws(
        () => lexicon(`# first line\n${line}\n`),
        (error: unknown) => error instanceof UserError && message.test(error.message),
      );
    });
  }
});

describe('lexicon matches', () => {
  const entries = lexicon(
    [
      'Reuters\tróiters',
      'Meta\tméta\tcase',
      'Rock\trok',
      'New York\tniu iork',
      'New York Times\tniu iork táims',
      'Times\ttáims',
      'Coca-Cola\tcóca cóla',
      'Sr.\tseñorito',
    ].join('\n'),
  );

  it('matches in any case unless the entry says case', () => {
    assert.deepEqual(matched(entries, 'REUTERS y reuters; Meta, no la meta ni META'), [
      ['REUTERS', 'test.tsv:1'],
      ['reuters', 'test.tsv:1'],
      ['Meta', 'test.tsv:2'],
    ]);
  });

  it('matches whole words only', () => {
    assert.deepEqual(matched(entries, 'Rockefeller, Metaverso, Reuters2, el Rock.'), [['Rock', 'test.tsv:3']]);
    assert.deepEqual(matched(entries, 'Coca-Cola y Coca-Colas; el Sr. Pérez'), [
      ['Coca-Cola', 'test.tsv:7'],
      ['Sr.', 'test.tsv:8'],
    ]);
  });

  it('matches a phrase across any white space, the longest entry at a place winning', () => {
    assert.deepEqual(matched(entries, 'The New\nYork  Times y New York, Times'), [
      ['New\nYork  Times', 'test.tsv:5'],
      ['New York', 'test.tsv:4'],
      ['Times', 'test.tsv:6'],
    ]);
  });

  it('lets a later entry for the same words win (a user file over the shipped one)', () => {
    const later = [...entries, ...parseLexicon('reuters\trróiter', 'lexicon.es.tsv')];
    assert.deepEqual(matched(later, 'Según Reuters'), [['Reuters', 'lexicon.es.tsv:1']]);
    assert.deepEqual(matched([...later, ...entries], 'Según Reuters'), [['Reuters', 'test.tsv:1']]);
  });
});

describe('a lexicon entry said', () => {
  const entries = lexicon('Reuters\tróiters\nNew York\tniu iork\nNvidia\t/ɛnbˈidja/\nG7\tgrupo de los siete');

  it('gives the voice the respelling or the phonemes, and the subtitles the written span, one word for the entry', async () => {
    const text = 'Reuters informa: Nvidia cae en New York y el G7 se reúne.';
    const { spoken, words } = await voiceInput(text, 'es', undefined, entries);
    assert.equal(spoken.spoken, 'róiters informa: Nvidia cae en niu iork y el grupo de los siete se reúne.');
    assert.deepEqual(
      words.map((word) => word.text),
      ['Reuters', 'informa', 'Nvidia', 'cae', 'en', 'New York', 'y', 'el', 'G7', 'se', 'reúne'],
    );
    for (const word of words) assert.equal(word.text, text.slice(word.charStart, word.charEnd));
    assert.equal(words[2]!.phonemes, 'ɛnbˈidja');
    const plain = await voiceInput(text, 'es');
    assert.notEqual(plain.words[0]!.phonemes, words[0]!.phonemes, 'the respelling changes what the voice hears');
    assert.equal(words[0]!.phonemes, (await voiceInput('róiters', 'es')).words[0]!.phonemes);
  });

  it("gives the voice the English voice's phonemes for an @en entry, the subtitles its written words", async () => {
    const text = 'Según el Washington Post, Trump habló.';
    const { words } = await voiceInput(text, 'es', undefined, lexicon('Washington Post\t@en\tcase'));
    const plain = await voiceInput(text, 'es');
    assert.deepEqual(
      words.map((word) => word.text),
      ['Según', 'el', 'Washington Post', 'Trump', 'habló'],
    );
    const english = (await voiceInput('Washington Post', 'en-us')).words.map((word) => word.phonemes).join(' ');
    assert.equal(words[2]!.phonemes, english);
    assert.notEqual(
      english,
      plain.words
        .slice(2, 4)
        .map((word) => word.phonemes)
        .join(' '),
      'the English voice reads it otherwise',
    );
    // Around the entry the Spanish voice reads as it does without it, and goes on in Spanish after it.
    assert.deepEqual(
      words.filter((word) => word.text !== 'Washington Post'),
      plain.words.filter((word) => !['Washington', 'Post'].includes(word.text)),
    );
  });

  it('wins over a built-in Spanish rule, which still reads everything around it', async () => {
    assert.match(spokenSpanish('el G7'), /ge siete/);
    const { spoken } = await voiceInput('El G7 pagó 1.250 € el 24/11/2026.', 'es', undefined, entries);
    assert.equal(spoken.spoken, 'El grupo de los siete pagó mil doscientos cincuenta euros el veinticuatro de noviembre de dos mil veintiséis.');
  });
});
