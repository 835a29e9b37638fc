// Loudness steps, pure: what ffmpeg is told, from given measurements.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstLoudnessStep, loudnessFilter, nextLoudnessStep, parseEbur128Summary } from '../../src/platform/loudness.ts';

const EBUR128_TAIL = `[Parsed_ebur128_0 @ 0x55d1af11e380] Summary:

  Integrated loudness:
    I:         -23.8 LUFS
    Threshold: -34.0 LUFS

  Loudness range:
    LRA:         3.3 LU

  True peak:
    Peak:       -0.9 dBFS
`;

describe('loudness', () => {
  it("reads ebur128's summary", () => {
    assert.deepEqual(parseEbur128Summary(`frame lines...\n${EBUR128_TAIL}`), { integratedLufs: -23.8, truePeakDbtp: -0.9 });
    assert.throws(() => parseEbur128Summary('no summary here'), /no ebur128 summary/);
  });

  it('tries a plain gain when the peaks stay under the ceiling, and a latency-compensated limiter when they would not', () => {
    const quiet = firstLoudnessStep({ integratedLufs: -20, truePeakDbtp: -9 }, -14);
    assert.deepEqual(quiet, { filter: 'volume=6.00dB', gainDb: 6, limitDb: null, done: false });
    const kokoro = firstLoudnessStep({ integratedLufs: -23.8, truePeakDbtp: -0.9 }, -14);
    assert.equal(kokoro.filter, 'volume=9.80dB,alimiter=limit=0.7943:attack=5:release=80:level=false:latency=true');
    assert.equal(firstLoudnessStep({ integratedLufs: Number.NEGATIVE_INFINITY, truePeakDbtp: Number.NEGATIVE_INFINITY }, -14).done, true);
  });

  it('corrects the gain by what the limiter took and the limit by what the encoder added, until both are met', () => {
    const first = firstLoudnessStep({ integratedLufs: -23.8, truePeakDbtp: -0.9 }, -14);
    const second = nextLoudnessStep(first, { integratedLufs: -15.4, truePeakDbtp: -1.1 }, -14);
    assert.equal(second.gainDb.toFixed(2), '11.20');
    assert.equal(second.limitDb, -2);
    assert.equal(second.done, false);
    assert.equal(second.filter, loudnessFilter(second.gainDb, -2));
    // On target, but the encoder lifted a true peak to -0.7 dBTP: the limit comes down by that and a little more.
    const third = nextLoudnessStep(second, { integratedLufs: -14.1, truePeakDbtp: -0.7 }, -14);
    assert.equal(third.done, false);
    assert.equal(third.limitDb!.toFixed(2), '-2.50');
    assert.equal(nextLoudnessStep(third, { integratedLufs: -14.1, truePeakDbtp: -1.2 }, -14).done, true);
  });
});
