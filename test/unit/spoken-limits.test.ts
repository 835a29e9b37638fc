// Limits that hold before the expensive work: the Spanish rules read long runs of digits, and a text whose spoken
// form is far longer than the longest video is refused before any model session is made. What both cost (the rules
// were once quadratic on such runs) is measured by bench/dry-run.ts, not timed here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSpokenLength, checkTokenLength } from '../../src/narration/length-limit.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import { spokenSpanish } from '../../src/text/es/spoken-es.ts';

const FIFTEEN_MINUTES = 15 * 60_000;
const OVER_THE_CAP = /would last at least [\d,.]+ minutes .* over --max-minutes 15\. .*--force/;

describe('Spanish normalization of long digit runs', () => {
  // Each of these took 1.5-9.6 s for 50,000 characters, from a scan of the rest of the run at each of its numbers
  // (grouped numbers, a decimal lookahead, arithmetic, addresses) or a splice per token (bench/dry-run.ts times them).
  for (const unit of ['111 ', '1 ', '11 ', '111.', '111,', '1-', '1/', '1']) {
    it(`reads 50,000 characters of ${JSON.stringify(unit)} as words`, () => {
      const text = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
      assert.doesNotMatch(spokenSpanish(text), /\d/);
    });
  }

  it('still reads grouped numbers, decimals and ordinals as numbers', () => {
    assert.equal(spokenSpanish('1 000 000 personas'), 'un millón de personas');
    assert.equal(spokenSpanish('3 200,5 km'), 'tres mil doscientos coma cinco kilómetros');
    assert.equal(spokenSpanish('el 2.º piso'), 'el segundo piso');
    assert.equal(spokenSpanish('2 + 2 = 4'), 'dos más dos es igual a cuatro');
  });
});

describe('the longest narration, before synthesis', () => {
  it('refuses a spoken form that cannot fit, and lets one that may fit through', () => {
    assert.throws(() => checkSpokenLength(375_000, { maxMs: FIFTEEN_MINUTES, speed: 1 }), OVER_THE_CAP);
    assert.doesNotThrow(() => checkSpokenLength(20_000, { maxMs: FIFTEEN_MINUTES, speed: 1 }));
    // Read twice as fast, twice the text fits.
    assert.doesNotThrow(() => checkSpokenLength(40_000, { maxMs: FIFTEEN_MINUTES, speed: 2 }));
    const words = Array.from({ length: 3_000 }, () => ({ tokenIds: [1, 2, 3, 4] }));
    assert.throws(() => checkTokenLength(words, { maxMs: 60_000, speed: 1 }), /15,000 phoneme tokens/);
    assert.doesNotThrow(() => checkTokenLength(words, { maxMs: FIFTEEN_MINUTES, speed: 1 }));
  });

  it('refuses 50,000 characters of "1%" at once, before the model is loaded', async () => {
    // No model file: loading one would fail with another message, and take seconds.
    const narrator = new Narrator({ device: 'cpu', model: '/nonexistent/kokoro.onnx' });
    await assert.rejects(
      narrator.narrate({
        text: '1% '.repeat(16_667),
        language: 'es',
        voice: 'ef_dora',
        speed: 1,
        timing: 'exact',
        maxDurationMs: FIFTEEN_MINUTES,
      }),
      OVER_THE_CAP,
    );
    await narrator.release();
  });
});
