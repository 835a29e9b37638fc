// A narration held to a length, pure: which words are planned for synthesis, where the cut falls on the passes'
// own times, and a pass cut after a sentence keeping its durations and samples exact.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLES_PER_FRAME } from '../../src/contract/audio-format.ts';
import type { BreakStrength } from '../../src/contract/pipeline.ts';
import { assembleChunk } from '../../src/kokoro/chunks.ts';
import { passPrefix } from '../../src/kokoro/pass-prefix.ts';
import { ESTIMATED_MS_PER_TOKEN, keptWordCount, plannedWordCount } from '../../src/narration/target-length.ts';
import { syntheticWords } from '../helpers/words.ts';

describe('planning', () => {
  // 40 sentences of 5 words of 3 tokens: (3 + 1) tokens a word at 50 ms is 200 ms a word, 1 s a sentence.
  const words = syntheticWords(Array.from({ length: 40 }, () => 'uno dos tres cuatro cinco.').join(' '), 3);

  it('plans the words the estimate fits, a quarter more, to the end of their sentence', () => {
    assert.equal(ESTIMATED_MS_PER_TOKEN, 50);
    const planned = plannedWordCount(words, 10_000, 1);
    assert.equal(planned, 65, '12.5 s of estimated speech, to the end of the 13th sentence');
    assert.equal(words[planned - 1]!.breakAfter, 'sentence');
    assert.equal(plannedWordCount(words, 10_000, 2), 130, 'twice as fast, twice the words');
    assert.equal(plannedWordCount(words, 1e9, 1), words.length);
  });
});

describe('the cut', () => {
  const timed = (breaks: BreakStrength[], stepMs = 1000) => breaks.map((breakAfter, index) => ({ breakAfter, endMs: (index + 1) * stepMs }));
  // word:      0      1        2       3           4       5          6       7
  const breaks: BreakStrength[] = ['paragraph', 'none', 'sentence', 'paragraph', 'none', 'sentence', 'none', 'sentence'];

  it('keeps up to the last sentence end within the length', () => {
    assert.equal(keptWordCount(timed(breaks), 6500, 1), 6);
    assert.equal(keptWordCount(timed(breaks), 7999, 1), 6);
    assert.equal(keptWordCount(timed(breaks), 8000, 1), 8);
  });

  it('prefers a paragraph end close before the last sentence end', () => {
    // The sentence end at 6 s and the paragraph end at 4 s: 4 >= 0.85 x 6 is false, so the sentence wins; at 4.5 s it is the paragraph.
    assert.equal(keptWordCount(timed(breaks), 6500, 1), 6);
    const close = timed(breaks).map((word, index) => (index === 3 ? { ...word, endMs: 5200 } : index === 4 ? { ...word, endMs: 5500 } : word));
    assert.equal(keptWordCount(close, 6500, 1), 4);
  });

  it('refuses a length the title does not fit in, saying how long the title reads', () => {
    assert.throws(() => keptWordCount(timed(breaks), 900, 1), /The title alone reads for 1\.0 s, longer than the 0\.9 s/);
    assert.throws(() => keptWordCount(timed(['none', 'sentence']), 1500, 0), /Not one sentence fits in 1\.5 s/);
  });
});

describe('a pass cut after a sentence', () => {
  const chunk = assembleChunk(syntheticWords('ab cd. ef gh.', 2));
  // pad, a a, _, a a . , _, a a, _, a a . , pad  -> 1 + 14 + 1 durations
  const durations = [4, 2, 2, 1, 2, 2, 3, 6, 2, 2, 1, 2, 2, 3, 1, 5];
  const frames = durations.reduce((sum, count) => sum + count, 0);
  const samples = new Float32Array(frames * SAMPLES_PER_FRAME).fill(0.5);

  it('keeps the tokens of the kept words, the space after the full stop as the closing pad, and the samples they take', () => {
    const prefix = passPrefix({ chunk, durations, samples }, 2);
    assert.deepEqual(prefix.chunk.tokenIds, chunk.tokenIds.slice(0, 6));
    assert.deepEqual(prefix.chunk.wordTokenRanges, chunk.wordTokenRanges.slice(0, 2));
    assert.deepEqual(prefix.durations, [4, 2, 2, 1, 2, 2, 3, 6]);
    assert.equal(prefix.samples.length, 22 * SAMPLES_PER_FRAME);
    assert.equal(prefix.samples[0], 0.5);
    assert.equal(prefix.samples.at(-1), 0, 'faded out at its very end');
    assert.equal(samples.at(-1), 0.5, 'the pass it was cut from is left as it was');
  });

  it('leaves a pass whole when all its words are kept', () => {
    const pass = { chunk, durations, samples };
    assert.equal(passPrefix(pass, 4), pass);
  });
});
