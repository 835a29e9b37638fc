// Two ways to say how alike two renderings of the same speech are: sample by sample (SNR) and as a listener
// hears it (correlation of log-magnitude spectrograms, which ignores phase that the ear does not follow).

/** In-place radix-2 FFT of a power-of-two length. */
function fft(real: Float64Array, imaginary: Float64Array): void {
  const size = real.length;
  for (let index = 1, reversed = 0; index < size; index++) {
    let bit = size >> 1;
    for (; reversed & bit; bit >>= 1) reversed ^= bit;
    reversed ^= bit;
    if (index < reversed) {
      [real[index], real[reversed]] = [real[reversed]!, real[index]!];
      [imaginary[index], imaginary[reversed]] = [imaginary[reversed]!, imaginary[index]!];
    }
  }
  for (let length = 2; length <= size; length <<= 1) {
    const angle = (-2 * Math.PI) / length;
    for (let start = 0; start < size; start += length) {
      for (let offset = 0; offset < length / 2; offset++) {
        const cos = Math.cos(angle * offset);
        const sin = Math.sin(angle * offset);
        const even = start + offset;
        const odd = even + length / 2;
        const oddReal = real[odd]! * cos - imaginary[odd]! * sin;
        const oddImaginary = real[odd]! * sin + imaginary[odd]! * cos;
        real[odd] = real[even]! - oddReal;
        imaginary[odd] = imaginary[even]! - oddImaginary;
        real[even] = real[even]! + oddReal;
        imaginary[even] = imaginary[even]! + oddImaginary;
      }
    }
  }
}

/** log10 of the power in each bin of each Hann-windowed frame (1,024 samples, hop 256), frames laid end to end. */
export function logSpectrogram(samples: Float32Array, frameSize = 1024, hop = 256): Float64Array {
  const frames = Math.max(0, Math.floor((samples.length - frameSize) / hop) + 1);
  const bins = frameSize / 2 + 1;
  const spectrogram = new Float64Array(frames * bins);
  const real = new Float64Array(frameSize);
  const imaginary = new Float64Array(frameSize);
  for (let frame = 0; frame < frames; frame++) {
    for (let index = 0; index < frameSize; index++) {
      const window = 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / frameSize);
      real[index] = samples[frame * hop + index]! * window;
      imaginary[index] = 0;
    }
    fft(real, imaginary);
    // The floor keeps silent frames from dominating with -inf; 1e-10 is -100 dB under a full-scale sine's power.
    for (let bin = 0; bin < bins; bin++) spectrogram[frame * bins + bin] = Math.log10(real[bin]! ** 2 + imaginary[bin]! ** 2 + 1e-10);
  }
  return spectrogram;
}

export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`cannot correlate ${a.length} values with ${b.length}`);
  let meanA = 0;
  let meanB = 0;
  for (let index = 0; index < a.length; index++) {
    meanA += a[index]!;
    meanB += b[index]!;
  }
  meanA /= a.length;
  meanB /= b.length;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let index = 0; index < a.length; index++) {
    covariance += (a[index]! - meanA) * (b[index]! - meanB);
    varianceA += (a[index]! - meanA) ** 2;
    varianceB += (b[index]! - meanB) ** 2;
  }
  return covariance / Math.sqrt(varianceA * varianceB);
}

/** Signal-to-noise ratio in dB of `test` against `reference`, the difference counted as noise. */
export function snrDb(reference: Float32Array, test: Float32Array): number {
  if (reference.length !== test.length) throw new Error(`SNR needs equal lengths, got ${reference.length} and ${test.length}`);
  let signal = 0;
  let noise = 0;
  for (let index = 0; index < reference.length; index++) {
    signal += reference[index]! ** 2;
    noise += (reference[index]! - test[index]!) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

export function logSpectrogramCorrelation(reference: Float32Array, test: Float32Array): number {
  return pearson(logSpectrogram(reference), logSpectrogram(test));
}

/**
 * The level (dB, relative to a full-scale sine) of one frequency over [startMs, endMs), by the Goertzel
 * algorithm: how a test hears a tone through a mix whose other parts have no energy at that frequency.
 */
export function toneLevelDb(samples: Float32Array, sampleRate: number, frequency: number, startMs: number, endMs: number): number {
  const start = Math.max(0, Math.round((startMs / 1000) * sampleRate));
  const end = Math.min(samples.length, Math.round((endMs / 1000) * sampleRate));
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (let index = start; index < end; index++) {
    const current = samples[index]! + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  const amplitude = (2 * Math.sqrt(power)) / Math.max(1, end - start);
  return 20 * Math.log10(amplitude);
}
