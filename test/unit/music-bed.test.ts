// The music bed's envelope from word times: which silences bring the music up, and the gain the ffmpeg
// expression gives at chosen instants (evaluated here with clip and pow as ffmpeg defines them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bedBaseGainDb,
  DUCK_ATTACK_MS,
  duckingExpression,
  LONG_PAUSE_MS,
  musicGainExpression,
  RELEASE_HOLD_MS,
  RELEASE_MS,
  speechStretches,
} from '../../src/platform/music-bed.ts';

function evaluate(expression: string, seconds: number): number {
  const clip = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  return new Function('t', 'clip', 'pow', `return ${expression};`)(seconds, clip, Math.pow) as number;
}

function assertClose(actual: number, expected: number, what: string) {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}, not ${expected}`);
}

const words = [
  { startMs: 300, endMs: 700 },
  { startMs: 900, endMs: 1500 }, // 200 ms after the last: one stretch
  { startMs: 1500 + LONG_PAUSE_MS + 500, endMs: 4000 }, // after a long pause: a new stretch
];

describe('music bed envelope', () => {
  it('bridges short silences and keeps long pauses open', () => {
    assert.deepEqual(speechStretches(words), [
      { startMs: 300, endMs: 1500 },
      { startMs: 3000, endMs: 4000 },
    ]);
    assert.deepEqual(speechStretches([]), []);
  });

  it('holds the music down through speech and up in a long pause, with ramps around each stretch', () => {
    const duck = duckingExpression(speechStretches(words));
    assertClose(evaluate(duck, 0.0), 0, 'before the first ramp');
    assertClose(evaluate(duck, 0.3), 1, 'at the first word');
    assertClose(evaluate(duck, 0.8), 1, 'in the short silence between words');
    assertClose(evaluate(duck, (1500 + RELEASE_HOLD_MS) / 1000), 1, 'through the hold');
    assertClose(evaluate(duck, (1500 + RELEASE_HOLD_MS + RELEASE_MS / 2) / 1000), 0.5, 'half way up');
    assertClose(evaluate(duck, (1500 + RELEASE_HOLD_MS + RELEASE_MS) / 1000), 0, 'up in the long pause');
    assertClose(evaluate(duck, (3000 - DUCK_ATTACK_MS / 2) / 1000), 0.5, 'half way down before the next stretch');
    assertClose(evaluate(duck, 3.5), 1, 'inside the second stretch');
    assertClose(evaluate(duckingExpression([]), 1), 0, 'no words: never ducked');
  });

  it('turns the envelope into a linear gain: the base level up, the duck depth further down under speech', () => {
    const gain = musicGainExpression(-6, 18, speechStretches(words));
    assert.ok(Math.abs(20 * Math.log10(evaluate(gain, 0)) + 6) < 1e-6);
    assert.ok(Math.abs(20 * Math.log10(evaluate(gain, 3.5)) + 24) < 1e-6);
  });

  it('sets the bed relative to the voice, whatever the music was mastered at', () => {
    assert.equal(bedBaseGainDb(-24, -10, -10), -24);
    assert.equal(bedBaseGainDb(-24, -30, -10), -4);
  });
});
