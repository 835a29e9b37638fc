// Word edges on the audible sound. Before a pause Kokoro gives a word's last phoneme many frames that the
// decoder renders largely as silence, so a frame-exact word "ends" well inside the pause; after a pause the
// decoder's sound of a word's first phoneme begins up to about 90 ms before that phoneme's frames. Each edge is
// moved to where the audio is audible: an end only inside the word's own frames, a start inside them or back
// over the sound that runs on, unbroken, into them from the frames of the space and punctuation before it
// (frames no word owns). Bounds: [end of the previous word's frames, end of the word's own frames], so words
// stay ordered and never overlap, and the frame-exact spans stay what the refinement is bounded by.
import { SILENCE_LEVEL_DB, silenceThresholdDb, type SilenceLevel } from '../audio/pauses.ts';

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
 * The audible part of each span (spans ordered, not overlapping, as frame-exact words are), read from `levels`:
 * the level in dB of every `windowSamples`-sample window of the whole narration, from its first sample (see
 * windowLevelsDb). Every span edge falls on a window edge (a frame is a whole number of windows), so the
 * levels are gathered pass by pass as passes are synthesized and the narration never has to be in memory whole.
 * A span with nothing audible in it (a word the decoder rendered as near silence) keeps its bounds.
 */
export function audibleSpans(
  levels: readonly number[],
  windowSamples: number,
  spans: readonly SampleSpan[],
  options: SilenceLevel = AUDIBLE_EDGE_OPTIONS,
): SampleSpan[] {
  const threshold = silenceThresholdDb(levels, options);
  const windowAt = (sample: number) => {
    if (sample % windowSamples !== 0) throw new Error(`span edge ${sample} is not on a ${windowSamples}-sample window edge`);
    return sample / windowSamples;
  };
  return spans.map((span, index) => {
    const firstWindow = windowAt(span.startSample);
    const own = levels.slice(firstWindow, windowAt(span.endSample));
    const first = own.findIndex((level) => level >= threshold);
    if (first === -1) return { ...span };
    const last = own.findLastIndex((level) => level >= threshold);
    let startWindow = firstWindow + first;
    if (first === 0) {
      const earliest = windowAt(spans[index - 1]?.endSample ?? 0);
      while (startWindow - 1 >= earliest && levels[startWindow - 1]! >= threshold) startWindow--;
    }
    return { startSample: startWindow * windowSamples, endSample: Math.min(span.endSample, span.startSample + (last + 1) * windowSamples) };
  });
}

/**
 * The window levels of the whole narration, from each pass's own (windowLevelsDb of its samples) and the
 * silence the timeline puts before it (`gapsBefore`, in samples, a whole number of windows).
 */
export function narrationLevels(passLevels: ReadonlyArray<readonly number[]>, gapsBefore: readonly number[], windowSamples: number): number[] {
  const levels: number[] = [];
  passLevels.forEach((own, index) => {
    for (let window = 0; window < gapsBefore[index]! / windowSamples; window++) levels.push(SILENCE_LEVEL_DB);
    for (const level of own) levels.push(level);
  });
  return levels;
}
