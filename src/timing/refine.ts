// Word edges on the audible sound. Before a pause Kokoro gives a word's last phoneme many frames that the
// decoder renders largely as silence, so a frame-exact word "ends" well inside the pause; after a pause the
// decoder's sound of a word's first phoneme begins up to about 90 ms before that phoneme's frames. Each edge is
// moved to where the audio is audible: an end only inside the word's own frames, a start inside them or back
// over the sound that runs on, unbroken, into them from the frames of the space and punctuation before it
// (frames no word owns). Bounds: [end of the previous word's frames, end of the word's own frames], so words
// stay ordered and never overlap, and the frame-exact spans stay what the refinement is bounded by.
import { silenceThresholdDb, windowLevelsDb, type SilenceLevel } from '../audio/pauses.ts';

export interface SampleSpan {
  startSample: number;
  endSample: number;
}

export interface AudibleEdgeOptions extends SilenceLevel {
  /** Scan step: finer than the 25 ms frames, coarse enough to read as an energy level. */
  windowMs: number;
}

/** Audible means no more than 35 dB under the 90th-percentile 5 ms window of the whole narration. */
export const AUDIBLE_EDGE_OPTIONS: AudibleEdgeOptions = { windowMs: 5, speechPercentile: 90, belowSpeechDb: 35 };

/**
 * The audible part of each span of `samples` (spans ordered, not overlapping, as frame-exact words are). A span
 * with nothing audible in it (a word the decoder rendered as near silence) keeps its bounds.
 */
export function audibleSpans(
  samples: Float32Array,
  sampleRate: number,
  spans: readonly SampleSpan[],
  options: AudibleEdgeOptions = AUDIBLE_EDGE_OPTIONS,
): SampleSpan[] {
  const threshold = silenceThresholdDb(windowLevelsDb(samples, sampleRate, options.windowMs), options);
  const windowSamples = Math.max(1, Math.round((sampleRate * options.windowMs) / 1000));
  const audible = (from: number, to: number) => windowLevelsDb(samples.subarray(from, to), sampleRate, options.windowMs)[0]! >= threshold;
  return spans.map((span, index) => {
    // Windows aligned to the word's own first sample, so an end always falls on or inside its frames.
    const levels = windowLevelsDb(samples.subarray(span.startSample, span.endSample), sampleRate, options.windowMs);
    const first = levels.findIndex((level) => level >= threshold);
    if (first === -1) return { ...span };
    const last = levels.findLastIndex((level) => level >= threshold);
    let startSample = span.startSample + first * windowSamples;
    if (first === 0) {
      const earliest = spans[index - 1]?.endSample ?? 0;
      while (startSample - windowSamples >= earliest && audible(startSample - windowSamples, startSample)) startSample -= windowSamples;
    }
    return { startSample, endSample: Math.min(span.endSample, span.startSample + (last + 1) * windowSamples) };
  });
}
