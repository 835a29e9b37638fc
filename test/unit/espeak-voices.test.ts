// eSpeak NG loads only the voice files of the languages Kokoro reads (src/phonemes/espeak.ts): each of those
// languages must still be read with its own voice, on the real eSpeak WASM module.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { espeakWords } from '../../src/phonemes/espeak.ts';
import { espeakVoices, resolveLanguage } from '../../src/phonemes/languages.ts';

const phonemesOf = async (text: string, voice: string) => (await espeakWords(text, voice)).map((word) => word.phonemes.join('')).join(' ');

describe('eSpeak voices kept', () => {
  it('reads a word with every voice Kokoro uses', async () => {
    for (const voice of espeakVoices()) {
      const words = await espeakWords('hola mundo', voice);
      assert.equal(words.length, 2, voice);
      assert.ok(
        words.every((word) => word.phonemes.length > 0),
        voice,
      );
    }
  });

  it('keeps the variants apart: British and American English, Brazilian Portuguese and Spanish', async () => {
    // "tomato" and "water" are said differently in the two Englishes.
    const british = resolveLanguage('en-gb').espeakVoice;
    assert.notEqual(await phonemesOf('water tomato', british), await phonemesOf('water tomato', 'en-us'));
    assert.notEqual(await phonemesOf('cidade', 'pt-br'), await phonemesOf('cidade', 'es'));
  });

  it('refuses a voice whose files were not kept', async () => {
    await assert.rejects(espeakWords('hallo', 'de'), /no voice "de"/);
  });
});
