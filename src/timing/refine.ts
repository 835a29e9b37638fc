// Word edges on the audible sound. Before a pause Kokoro gives a word's last phoneme many frames that the
// decoder renders largely as silence, so a frame-exact word "ends" well inside the pause (and a word after a
// pause may start before its sound does). Each edge is moved, inside the word's own frames only, to the first
// and last short window where the audio is audible. The frames stay the bounds: a refined word never leaves
// them, so words stay ordered and never overlap.
import { silenceThresholdDb, windowLevelsDb, type SilenceLevel } from '../audio/pauses.ts';

export interface SampleSpan {
  startSample: number;
  endSample: number;
}

export interface AudibleEdgeOptions extends SilenceLevel {
  /** Scan step inside a word: finer than the 25 ms frames, coarse enough to read as an energy level. */
  windowMs: number;
}

/** Audible means no more than 35 dB under the 90th-percentile 5 ms window of the whole narration. */
export const AUDIBLE_EDGE_OPTIONS: AudibleEdgeOptions = { windowMs: 5, speechPercentile: 90, belowSpeechDb: 35 };

/**
 * The audible part of each span of `samples`: from the start of its first audible window to the end of its last.
 * A span with no audible window (a word the decoder rendered as near silence) keeps its bounds.
 */
export function audibleSpans(
  samples: Float32Array,
  sampleRate: number,
  spans: readonly SampleSpan[],
  options: AudibleEdgeOptions = AUDIBLE_EDGE_OPTIONS,
): SampleSpan[] {
  const threshold = silenceThresholdDb(windowLevelsDb(samples, sampleRate, options.windowMs), options);
  const windowSamples = Math.max(1, Math.round((sampleRate * options.windowMs) / 1000));
  return spans.map((span) => {
    // Windows aligned to the word's own first sample, so an edge always falls on or inside its frames.
    const levels = windowLevelsDb(samples.subarray(span.startSample, span.endSample), sampleRate, options.windowMs);
    const first = levels.findIndex((level) => level >= threshold);
    if (first === -1) return { ...span };
    const last = levels.findLastIndex((level) => level >= threshold);
    return {
      startSample: span.startSample + first * windowSamples,
      endSample: Math.min(span.endSample, span.startSample + (last + 1) * windowSamples),
    };
  });
}
