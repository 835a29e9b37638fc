// Pure timing math: frames -> word spans -> timeline -> calibrated stretch. No model involved.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleChunk } from '../../src/kokoro/chunks.ts';
import type { SynthesizedChunk } from '../../src/contract/pipeline.ts';
import { frameEdges, pausesInChunk, wordFrameSpans } from '../../src/timing/word-times.ts';
import { buildTimeline, median, naturalPauseFrames } from '../../src/timing/word-times.ts';
import { audibleSpans } from '../../src/timing/word-times.ts';
import { calibratedTimes, createLayout } from '../../src/timing/calibration.ts';
import { trimmedBounds } from '../../src/audio/trim.ts';
import { windowLevelsDb } from '../../src/audio/levels.ts';
import { endOverClosingPunctuation, spanOfWords } from '../../src/narration/spans.ts';
import { narrationTimes, samplesToMs } from '../../src/timing/word-times.ts';
import { boundariesBetween } from '../helpers/pauses.ts';
import { syntheticWords } from '../helpers/words.ts';

describe('frames', () => {
  it('cumulates durations into frame edges', () => {
    assert.deepEqual(frameEdges([2, 3, 1]), [0, 2, 5, 6]);
  });

  it('places each word on the frames of its own tokens, after the leading pad', () => {
    const chunk = assembleChunk(syntheticWords('ab cd.', 2));
    // tokens: a a _ a a .  -> with pads: pad a a _ a a . pad
    assert.deepEqual(chunk.wordTokenRanges, [
      [0, 2],
      [3, 5],
    ]);
    const durations = [5, 1, 2, 3, 2, 2, 10, 4];
    assert.deepEqual(wordFrameSpans(chunk, durations), [
      [5, 8],
      [11, 15],
    ]);
  });

  it('refuses durations that do not match the tokens', () => {
    const chunk = assembleChunk(syntheticWords('ab cd.', 2));
    assert.throws(() => wordFrameSpans(chunk, [1, 2, 3]), /durations for a chunk/);
  });

  it('measures the pause after each break strength inside a pass', () => {
    const chunk = assembleChunk(syntheticWords('a. b, c d', 1));
    // tokens: a . _ b , _ c _ d -> pad a . _ b , _ c _ d pad
    const durations = [3, 2, 8, 4, 2, 5, 1, 2, 1, 2, 3];
    assert.deepEqual(pausesInChunk(chunk, durations, 'sentence'), [12]);
    assert.deepEqual(pausesInChunk(chunk, durations, 'clause'), [6]);
    assert.deepEqual(pausesInChunk(chunk, durations, 'none'), [1]);
  });
});

describe('timeline', () => {
  const pass = (text: string, durations: number[]): SynthesizedChunk => ({
    chunk: assembleChunk(syntheticWords(text, 1)),
    durations,
    samples: new Float32Array(durations.reduce((a, b) => a + b, 0) * 10),
  });

  it('computes a median', () => {
    assert.equal(median([]), undefined);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
  });

  it('tops the silence at a join up to the pause Kokoro makes inside a pass', () => {
    // chunk 1 "a. b." : pad a . _ b . pad ; inner sentence pause = 6 + 4 = 10 frames
    const first = pass('a. b.', [1, 2, 6, 4, 2, 1, 1]);
    // chunk 2 "c." : pad c . pad
    const second = pass('c.', [2, 3, 1, 1]);
    assert.equal(naturalPauseFrames([first, second]).sentence, 10);
    const timeline = buildTimeline([first, second], 10);
    // silence at the join: after "b" (1 + 1 frames) + before "c" (2 frames) = 4 -> gap of 6 frames
    assert.deepEqual(timeline.gapsBefore, [0, 60]);
    assert.deepEqual(timeline.chunkOffsets, [0, 170 + 60]);
    assert.deepEqual(timeline.chunkEnds, [170, 170 + 60 + 70]);
    assert.equal(timeline.totalSamples, 170 + 60 + 70);
    assert.deepEqual(
      timeline.words.map((word) => [word.startSample, word.endSample]),
      [
        [10, 30],
        [130, 150],
        [230 + 20, 230 + 50],
      ],
    );
  });

  it('never shortens a join that is already longer than the natural pause', () => {
    const first = pass('a. b.', [1, 2, 1, 1, 2, 20, 20]);
    const second = pass('c.', [2, 3, 1, 1]);
    assert.deepEqual(buildTimeline([first, second], 10).gapsBefore, [0, 0]);
  });

  it('tops a join up by the strength of the break the pass was cut at', () => {
    // "a, b. c," : clause pause inside = 3 + 1 = 4 frames; sentence pause = 6 + 4 = 10 frames
    const first = pass('a, b. c,', [1, 2, 3, 1, 2, 6, 4, 2, 1, 1]);
    const afterClause = pass('d e', [1, 2, 1, 2, 1]);
    const afterNothing = pass('f.', [1, 2, 1, 1]);
    const natural = naturalPauseFrames([first, afterClause, afterNothing]);
    assert.equal(natural.clause, 4);
    assert.equal(natural.sentence, 10);
    assert.equal(natural.paragraph, 10, 'a paragraph end stands in for a sentence end and back');
    assert.equal(natural.none, 0);
    const timeline = buildTimeline([first, afterClause, afterNothing], 10);
    // join 1 (clause): silence 1 + 1 after "c" + 1 before "d" = 3 -> 1 frame; join 2 (between words): none
    assert.deepEqual(timeline.gapsBefore, [0, 10, 0]);
  });

  it('inserts nothing when no pass holds two sentences to measure', () => {
    const timeline = buildTimeline([pass('a.', [1, 2, 3, 1]), pass('b.', [1, 2, 3, 1])], 10);
    assert.deepEqual(timeline.gapsBefore, [0, 0]);
    assert.deepEqual(timeline.chunkOffsets, [0, 70]);
  });
});

describe('audible word edges', () => {
  // 1 kHz sample rate, 5 ms windows of 5 samples: silence, a loud burst, silence, one faint blip.
  const samples = new Float32Array(200);
  samples.fill(0.5, 40, 120);
  samples[170] = 1e-4;
  const refine = (...spans: Array<[number, number]>) =>
    audibleSpans(
      windowLevelsDb(samples, 1000, 5),
      5,
      spans.map(([startSample, endSample]) => ({ startSample, endSample })),
    ).map((span) => [span.startSample, span.endSample]);

  it("moves each edge inside the word's own span to its first and last audible window", () => {
    assert.deepEqual(refine([20, 150]), [[40, 120]]);
  });

  it("moves a start back over sound running on into the word, never past the previous word's frames", () => {
    assert.deepEqual(refine([0, 10], [60, 100]), [
      [0, 10],
      [40, 100],
    ]);
    assert.deepEqual(refine([0, 50], [60, 100]), [
      [40, 50],
      [50, 100],
    ]);
  });

  it("never moves an end past the word's own frames", () => {
    assert.deepEqual(refine([50, 90]), [[40, 90]]);
  });

  it('keeps the bounds of a word with nothing audible in it', () => {
    assert.deepEqual(refine([150, 200]), [[150, 200]]);
  });
});

describe('the whole path: narrationTimes', () => {
  it('times each word on its audible sound inside its frames, in ms, with its frame-exact span beside it', () => {
    const chunk = assembleChunk(syntheticWords('ab cd.', 2));
    const durations = [5, 1, 2, 3, 2, 2, 10, 4]; // 29 frames: words on frames [5, 8) and [11, 15)
    // 5 windows of 5 ms a frame; audible: windows 27-39 (inside word 1), 52-70 (running into word 2 from 52).
    const levels = Array.from({ length: 29 * 5 }, (_, window) => ((window >= 27 && window <= 39) || (window >= 52 && window <= 70) ? 0 : -100));
    const times = narrationTimes([{ chunk, durations, levels }]);
    assert.deepEqual(times.words, [
      { startMs: 135, endMs: 200, frameStartMs: 125, frameEndMs: 200 },
      { startMs: 260, endMs: 355, frameStartMs: 275, frameEndMs: 375 },
    ]);
    assert.deepEqual(times.passes, [{ startMs: 0, endMs: 725 }]);
    assert.equal(times.durationMs, 725);
    assert.deepEqual(times.passOffsets, [0]);
    assert.equal(times.totalSamples, 29 * 600);
  });
});

describe('calibration (the seed method)', () => {
  it('lays whole phrase durations end to end with the silence, then stretches by duration(single pass) / duration(baseline)', () => {
    const layouts = [
      { durationMs: 1000, words: [{ startMs: 100, endMs: 900 }] },
      {
        durationMs: 2000,
        words: [
          { startMs: 0, endMs: 500 },
          { startMs: 600, endMs: 1900 },
        ],
      },
    ];
    const { scalingFactor, phrases, words } = calibratedTimes(layouts, 3150, 500);
    assert.equal(scalingFactor, 3150 / 3500);
    const rounded = (spans: Array<{ startMs: number; endMs: number }>) =>
      spans.map((span) => [span.startMs, span.endMs].map((ms) => Math.round(ms * 1000) / 1000));
    assert.deepEqual(rounded(phrases), [
      [0, 900],
      [1350, 3150],
    ]);
    assert.deepEqual(rounded(words), [
      [90, 810],
      [1350, 1800],
      [1890, 3060],
    ]);
  });

  it('measures a phrase as create() returns it: each pass trimmed, 250 ms after a pass ending a sentence', () => {
    // 10 frames of 600 samples: silence, 5 loud frames, silence; the word spans frames 1-8.
    const passOf = (text: string) => {
      const samples = new Float32Array(6000);
      samples.fill(0.3, 1800, 4800);
      return { chunk: assembleChunk(syntheticWords(text, 1)), durations: [1, 7, 1, 1], samples };
    };
    const [start, end] = trimmedBounds(passOf('a.').samples);
    // librosa's frames are 2048 wide every 512: sound is seen from 1024 samples before it starts, to the end.
    assert.deepEqual([start, end], [1024, 6000]);
    const layout = createLayout([passOf('a.'), passOf('b.')]);
    assert.equal(layout.durationMs, samplesToMs(2 * (end - start) + 6000, 24_000));
    assert.deepEqual(layout.words[0], { startMs: 0, endMs: samplesToMs(4800 - start, 24_000) });
    assert.equal(layout.words[1]!.startMs, samplesToMs(end - start + 6000, 24_000));
  });
});

describe('spans', () => {
  it('converts samples to milliseconds at 24 kHz', () => {
    assert.equal(samplesToMs(600, 24_000), 25);
    assert.equal(samplesToMs(1, 24_000), 0.042);
  });

  it('includes opening and closing punctuation in phrase spans but not in word spans', () => {
    const text = '¿Qué tal? «Bien».';
    const words = [
      { charStart: 1, charEnd: 4, startMs: 0, endMs: 1 },
      { charStart: 5, charEnd: 8, startMs: 2, endMs: 3 },
      { charStart: 11, charEnd: 15, startMs: 4, endMs: 5 },
    ];
    assert.equal(spanOfWords(text, words.slice(0, 2)).text, '¿Qué tal?');
    assert.equal(spanOfWords(text, words.slice(2)).text, '«Bien».');
    assert.equal(spanOfWords(text, words.slice(2), false).text, 'Bien');
    assert.equal(endOverClosingPunctuation(text, 15), 17);
  });

  it('puts a boundary halfway between consecutive spans', () => {
    const span = (startMs: number, endMs: number) => ({ text: '', startMs, endMs, charStart: 0, charEnd: 0 });
    assert.deepEqual(boundariesBetween([span(0, 100), span(300, 400), span(500, 600)]), [200, 450]);
  });
});
