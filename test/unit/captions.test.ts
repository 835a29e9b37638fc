import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { breakLines, buildCues, DEFAULT_CUE_RULES, type CueWord } from '../../src/narration/cues.ts';
import { toSrt, toWebVtt } from '../../src/captions/formats.ts';
import { spanOfWords } from '../../src/narration/spans.ts';
import { phraseRuns } from '../../src/text/phrases.ts';
import { syntheticWords } from '../helpers/words.ts';

/** Words of `text` spoken one after another, `msPerChar` each character, `gapMs` between words. */
function timedWords(text: string, msPerChar = 60, gapMs = 40): CueWord[] {
  let clock = 0;
  return syntheticWords(text).map((word) => {
    const startMs = clock;
    clock += word.text.length * msPerChar;
    const timed = { ...word, startMs, endMs: clock };
    clock += gapMs + (word.breakAfter === 'sentence' ? 400 : 0);
    return timed;
  });
}

const TEXT =
  'El gobierno aprobó ayer una reforma de la ley de vivienda que limita los precios del alquiler en las zonas tensionadas. ' +
  'Los inquilinos celebran la medida. Los propietarios, en cambio, anuncian recursos ante los tribunales y piden más ayudas.';

describe('line breaking', () => {
  it('keeps a short cue on one line', () => {
    const words = timedWords('Hola a todos.');
    assert.deepEqual(breakLines('Hola a todos.', words), ['Hola a todos.']);
  });

  it('breaks after punctuation or before a preposition, never after an article', () => {
    const text = 'Los propietarios, en cambio, anuncian recursos ante los tribunales.';
    const lines = breakLines(text, timedWords(text));
    assert.equal(lines.length, 2);
    assert.ok(
      lines.every((line) => line.length <= 42),
      JSON.stringify(lines),
    );
    assert.ok(/[,.]$/.test(lines[0]!) || /^(ante|en|de|y)\b/.test(lines[1]!), JSON.stringify(lines));
    const articleText = 'Mañana llegará a la ciudad el nuevo tren de alta velocidad del norte.';
    const articleLines = breakLines(articleText, timedWords(articleText));
    assert.ok(!/\b(el|la|los|las|un|una|del)$/i.test(articleLines[0]!), JSON.stringify(articleLines));
  });
});

describe('cues', () => {
  const words = timedWords(TEXT);
  const phrases = phraseRuns(words, { minChars: 25, maxChars: 120 }).map((run) => spanOfWords(TEXT, run));
  const cues = buildCues(TEXT, phrases, words);

  it('follows the timed-text rules', () => {
    const gapMs = (DEFAULT_CUE_RULES.minGapFrames * 1000) / DEFAULT_CUE_RULES.fps;
    assert.ok(cues.length >= 3);
    cues.forEach((cue, index) => {
      assert.ok(cue.lines.length <= 2 && cue.lines.every((line) => line.length <= 42), JSON.stringify(cue.lines));
      const duration = cue.endMs - cue.startMs;
      assert.ok(duration >= DEFAULT_CUE_RULES.minDurationMs - 1e-6, `cue ${index} lasts ${duration} ms`);
      assert.ok(duration <= DEFAULT_CUE_RULES.maxDurationMs, `cue ${index} lasts ${duration} ms`);
      const next = cues[index + 1];
      if (next) assert.ok(next.startMs - cue.endMs >= gapMs - 1e-6, `gap after cue ${index}`);
    });
  });

  it('keeps every line within 42 characters and cuts a long sentence into even cues', () => {
    const text =
      'La medida responde a la petición de cientos de estudiantes que buscaban un lugar tranquilo para preparar sus pruebas de acceso a la universidad.';
    const sentence = timedWords(text, 40);
    const long = buildCues(text, [spanOfWords(text, sentence)], sentence);
    assert.ok(long.length >= 2);
    for (const cue of long)
      assert.ok(
        cue.lines.every((line) => line.length <= 42),
        JSON.stringify(cue.lines),
      );
    const sizes = long.map((cue) => cue.lines.join(' ').length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) < 30, `uneven cues: ${sizes.join(', ')}`);
  });

  it('covers every word, in order, starting on the first word of each cue', () => {
    const covered = cues.flatMap((cue) => words.filter((word) => word.charStart >= cue.charStart && word.charEnd <= cue.charEnd));
    assert.deepEqual(
      covered.map((word) => word.charStart),
      words.map((word) => word.charStart),
    );
    for (const cue of cues) assert.ok(words.some((word) => word.startMs === cue.startMs));
  });

  it('holds fast speech on screen long enough to read (17 characters per second) when there is room', () => {
    const fast = timedWords('Una frase bastante larga dicha muy deprisa por la locutora.', 10, 5);
    const [cue] = buildCues(
      'Una frase bastante larga dicha muy deprisa por la locutora.',
      [spanOfWords('Una frase bastante larga dicha muy deprisa por la locutora.', fast)],
      fast,
    );
    const chars = cue!.lines.join(' ').length;
    assert.ok(cue!.endMs - cue!.startMs >= (chars * 1000) / 17 - 0.001); // times are kept to the microsecond
  });

  it('writes SRT and WebVTT', () => {
    const cue = { startMs: 3_723_004.4, endMs: 3_724_500, lines: ['Hola', 'mundo'], charStart: 0, charEnd: 10 };
    assert.equal(toSrt([cue]), '1\n01:02:03,004 --> 01:02:04,500\nHola\nmundo\n');
    assert.equal(toWebVtt([cue]), 'WEBVTT\n\n01:02:03.004 --> 01:02:04.500\nHola\nmundo\n');
  });
});
