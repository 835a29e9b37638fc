// A paragraph full of newsreader forms narrated end to end on the real Kokoro-82M int8 model (no mocks): the
// voice reads the expansions, the subtitles show the written text, and every written token has a time.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import '../helpers/env.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import { phonemize } from '../../src/phonemes/phonemize.ts';
import { resolveLanguage } from '../../src/phonemes/languages.ts';
import { spokenSpanish } from '../../src/text/es/spoken-es.ts';
import { verbatimSpokenText } from '../../src/text/spoken-text.ts';

const PARAGRAPH =
  'El Sr. García pagó 1.250.000 € el 24/11/2026 a las 22.15 horas. ' +
  'Las CC. AA. esperan -5 °C y un 3,5 % más de lluvia; si hay avisos, llame al 112. ' +
  'El 3.er piso del art. 5 costó $ 450.000 y la ONU lo celebró en el siglo XXI, 2/5 del total.';

// Written forms that are said as several spoken words.
const EXPANDED = ['Sr.', '1.250.000 €', '24/11/2026', '22.15', 'CC. AA.', '-5 °C', '3,5 %', '112', '3.er', 'art.', '$ 450.000', 'ONU', 'XXI', '2/5'];

const SPOKEN_WORD = /[\p{L}\p{N}]+(?:[.,'’/-][\p{L}\p{N}]+)*/gu;

describe('Spanish newsreader forms narrated on the real model', () => {
  const narrator = new Narrator({ device: 'cpu' });
  after(() => narrator.release());

  it('gives the voice the expansion of every written form', async () => {
    const words = await narrator.phonemizeText(PARAGRAPH, 'es');
    for (const written of EXPANDED) {
      const start = PARAGRAPH.indexOf(written);
      const end = start + written.length;
      const parts = words.filter((part) => part.charStart < end && start < part.charEnd);
      assert.ok(start >= 0 && parts.length > 0, `no phonemized word for "${written}"`);
      // The phonemes the voice gets for the written form are those of its spoken form, phonemized on its own.
      const expansion = spokenSpanish(written);
      const alone = (await phonemize(verbatimSpokenText(expansion), resolveLanguage('es'))).words;
      const aloneLength = alone
        .map((part) => part.phonemes)
        .join(' ')
        .replace(/\s+/g, '').length;
      const said = parts
        .map((part) => part.phonemes)
        .join(' ')
        .replace(/\s+/g, '').length;
      assert.ok(said >= aloneLength * 0.8, `"${written}" gets ${said} phoneme symbols, its expansion "${expansion}" has ${aloneLength}`);
    }
  });

  it('times every written token, spans each expansion as one word and keeps the written text in the subtitles', async () => {
    const { narration } = await narrator.narrate({ text: PARAGRAPH, language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' });
    const { words } = narration;
    for (const match of PARAGRAPH.matchAll(SPOKEN_WORD)) {
      const covered = words.some((word) => word.charStart <= match.index && match.index + match[0].length <= word.charEnd);
      assert.ok(covered, `"${match[0]}" at ${match.index} has no time`);
    }
    words.forEach((word, index) => {
      assert.equal(word.text, PARAGRAPH.slice(word.charStart, word.charEnd));
      if (index > 0) assert.ok(words[index - 1]!.endMs <= word.startMs, `"${word.text}" overlaps the word before`);
    });
    for (const written of ['1.250.000 €', '$ 450.000', 'CC. AA.']) {
      const word = words.find((candidate) => candidate.text.includes(written));
      assert.ok(word, `"${written}" is not one timed word: ${words.map((candidate) => candidate.text).join(' | ')}`);
      // Kokoro says about 15 to 20 characters a second at speed 1: 35 ms a character is a floor that only the
      // whole expansion reaches ("un millón doscientos cincuenta mil euros" is 40 characters, "1.250.000 €" 11).
      const minimumMs = 35 * spokenSpanish(written).length;
      assert.ok(
        word.endMs - word.startMs >= minimumMs,
        `"${written}" lasts ${word.endMs - word.startMs} ms, its expansion needs at least ${minimumMs} ms`,
      );
    }
    const captions = narration.cues.flatMap((cue) => cue.lines).join(' ');
    for (const written of ['Sr. García', '1.250.000 €', 'CC. AA.', '-5 °C', '$ 450.000', 'siglo XXI'])
      assert.ok(captions.includes(written), `subtitles lack "${written}"`);
    assert.doesNotMatch(captions, /millón|comunidades autónomas/, 'subtitles show the spoken form');
  });
});
