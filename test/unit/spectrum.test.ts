// The measures test/integration/fast-model.test.ts judges the audio by (SNR, log-spectrogram correlation), on
// known signals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logSpectrogramCorrelation, snrDb } from '../helpers/spectrum.ts';

describe('spectral similarity', () => {
  const sine = (hertz: number) => Float32Array.from({ length: 24_000 }, (_, index) => Math.sin((2 * Math.PI * hertz * index) / 24_000));

  it('gives the SNR of a known added noise', () => {
    const signal = sine(440);
    const noisy = signal.map((value, index) => value + (index % 2 === 0 ? 0.01 : -0.01));
    // Signal power 1/2, noise power 1e-4: 10 log10(5,000).
    assert.ok(Math.abs(snrDb(signal, noisy) - 10 * Math.log10(5_000)) < 0.01);
  });

  it('correlates a sound with itself fully and with another pitch poorly', () => {
    assert.ok(logSpectrogramCorrelation(sine(440), sine(440)) > 0.999);
    assert.ok(logSpectrogramCorrelation(sine(440), sine(3_000)) < 0.5);
  });
});
