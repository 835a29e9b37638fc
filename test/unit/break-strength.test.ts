// Break strength decided once: the rule from the text between two words, its reading as a subtitle cut, and a
// version 2 narration.json (words without breakAfter) read as version 3.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { breakStrengthBetween, cutStrength } from '../../src/contract/break-strength.ts';
import { NARRATION_VERSION, readNarration } from '../../src/contract/narration.ts';
import { phonemize } from '../../src/phonemes/phonemize.ts';
import { resolveLanguage } from '../../src/phonemes/languages.ts';
import { toSpokenText } from '../../src/text/spoken-form.ts';

describe('break strength', () => {
  it('reads the text between two words', () => {
    assert.equal(breakStrengthBetween(' ', false), 'none');
    assert.equal(breakStrengthBetween(', ', false), 'clause');
    assert.equal(breakStrengthBetween(' – ', false), 'clause');
    assert.equal(breakStrengthBetween('] ', false), 'clause');
    assert.equal(breakStrengthBetween('. ', false), 'sentence');
    assert.equal(breakStrengthBetween('... ', false), 'sentence');
    assert.equal(breakStrengthBetween('\n', false), 'sentence', 'a line break ends a byline or a list item');
    assert.equal(breakStrengthBetween('\n\n', false), 'paragraph');
    assert.equal(breakStrengthBetween('', true), 'sentence', 'the last word ends the text');
  });

  it('is what phonemize gives the words, so the pipeline and the subtitles read one rule', async () => {
    const text = 'Titular sin punto\n\nDijo: «basta», y se fue. ¿Vuelve? Quizá – dicen [hoy]\nFoto: Agencia';
    const words = (await phonemize(toSpokenText(text), resolveLanguage('es'))).words;
    words.forEach((word, index) => {
      const next = words[index + 1];
      assert.equal(word.breakAfter, breakStrengthBetween(text.slice(word.charEnd, next?.charStart ?? text.length), !next), word.text);
    });
    assert.deepEqual(
      words.filter((word) => word.breakAfter !== 'none').map((word) => `${word.text}:${word.breakAfter}`),
      [
        'punto:paragraph',
        'Dijo:clause',
        'basta:clause',
        'fue:sentence',
        'Vuelve:sentence',
        'Quizá:clause',
        'dicen:clause',
        'hoy:sentence',
        'Foto:clause',
        'Agencia:sentence',
      ],
    );
  });

  it('reads a cut after a paragraph as after a sentence', () => {
    assert.deepEqual((['none', 'clause', 'sentence', 'paragraph'] as const).map(cutStrength), ['plain', 'clause', 'sentence', 'sentence']);
  });
});

describe('a version 2 narration.json', () => {
  const current = JSON.parse(readFileSync(new URL('../../public/sample/narration.json', import.meta.url), 'utf8'));
  const v2 = { ...current, version: 2, words: current.words.map(({ breakAfter: _breakAfter, ...word }: Record<string, unknown>) => word) };

  it('is read as this version, each word given the break the text shows', () => {
    assert.equal(NARRATION_VERSION, 4);
    const { narration, problem } = readNarration(v2);
    assert.equal(problem, null);
    assert.deepEqual(narration, readNarration(current).narration);
    const titleEnd = narration!.words.findLastIndex((word) => word.section === 0);
    assert.equal(narration!.words[titleEnd]!.breakAfter, 'paragraph', 'the title ends at a blank line');
    assert.equal(narration!.words.at(-1)!.breakAfter, 'sentence');
  });
});
