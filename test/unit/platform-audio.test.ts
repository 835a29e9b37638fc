// Loudness steps and the music's ducking envelope, pure: what ffmpeg is told, from given measurements and times.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DUCKING, duckingCommands, duckingEnvelope, speechSpans } from '../../src/platform/ducking.ts';
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

describe('ducking', () => {
  const words = [
    { startMs: 500, endMs: 900 },
    { startMs: 1000, endMs: 1400 },
    { startMs: 1900, endMs: 2500 }, // 500 ms after the last: still one stretch of speech
    { startMs: 5000, endMs: 5600 }, // 2.5 s of silence before it: the music comes up
  ];

  it('joins words across gaps too short for the music to rise', () => {
    assert.deepEqual(speechSpans(words), [
      { startMs: 500, endMs: 2500 },
      { startMs: 5000, endMs: 5600 },
    ]);
  });

  it('is at full level before the voice, 18 dB down while it speaks, up again in a long pause', () => {
    const ducked = 10 ** (-18 / 20);
    const envelope = duckingEnvelope(speechSpans(words));
    const gainAt = (ms: number) => {
      const after = envelope.findIndex(([time]) => time > ms);
      if (after === -1) return envelope.at(-1)![1];
      const [t0, g0] = envelope[after - 1]!;
      const [t1, g1] = envelope[after]!;
      return g0 + ((g1 - g0) * (ms - t0)) / (t1 - t0);
    };
    assert.equal(gainAt(100), 1);
    for (const ms of [450, 700, 1700, 2500, 4950, 5300]) assert.ok(Math.abs(gainAt(ms) - ducked) < 1e-9, `at ${ms} ms: ${gainAt(ms)}`);
    assert.equal(gainAt(3500), 1);
    assert.equal(gainAt(7000), 1);
  });

  it('sends the ramps as small steps to the named volume filter', () => {
    const commands = duckingCommands(duckingEnvelope([{ startMs: 1000, endMs: 2000 }]), 'bed')
      .trim()
      .split('\n');
    assert.equal(commands[0], '0.000 volume@bed volume 1.00000;');
    // The fall: 250 ms in 20 ms steps, ending 60 ms before the voice at 18 dB down.
    assert.equal(
      commands.filter((line) => Number(line.split(' ')[0]) <= 0.94).length,
      1 + Math.round(DEFAULT_DUCKING.fallMs / DEFAULT_DUCKING.stepMs),
    );
    assert.ok(commands.includes('0.940 volume@bed volume 0.12589;'), commands.join('\n'));
    assert.equal(commands.at(-1), '2.660 volume@bed volume 1.00000;');
    const gains = commands.map((line) => Number(line.split(' ')[3]!.replace(';', '')));
    for (let index = 1; index < gains.length; index++) assert.ok(Math.abs(gains[index]! - gains[index - 1]!) < 0.08, `a step at line ${index}`);
  });

  it('ducks from the first instant when the voice starts at once', () => {
    const commands = duckingCommands(duckingEnvelope([{ startMs: 0, endMs: 3000 }]), 'bed');
    assert.match(commands, /^0\.000 volume@bed volume 1\.00000;\n0\.000 volume@bed volume 0\.12589;/);
  });
});
