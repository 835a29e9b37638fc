// Pauses found in the audio itself, independent of any timing method: stretches where the short-time energy
// stays well below the level of speech. Tests and benches check with them that sentence boundaries land in real
// silence and how far word edges sit from the audible ones; the product itself never needs them.
import type { TimedSpan } from '../../src/contract/narration.ts';
import { type SilenceLevel, silenceThresholdDb, windowLevelsDb } from '../../src/audio/levels.ts';

export interface Pause {
  startMs: number;
  endMs: number;
}

export interface PauseOptions extends SilenceLevel {
  windowMs: number;
  minPauseMs: number;
}

/** The measure issue 8 states: 10 ms windows, silent 35 dB under the 90th-percentile window, pauses of 80 ms. */
export const DEFAULT_PAUSE_OPTIONS: PauseOptions = { windowMs: 10, speechPercentile: 90, belowSpeechDb: 35, minPauseMs: 80 };

export function detectPauses(samples: Float32Array, sampleRate: number, options: PauseOptions = DEFAULT_PAUSE_OPTIONS): Pause[] {
  const levels = windowLevelsDb(samples, sampleRate, options.windowMs);
  const threshold = silenceThresholdDb(levels, options);
  const pauses: Pause[] = [];
  let runStart: number | undefined;
  levels.forEach((level, index) => {
    const silent = level < threshold;
    if (silent && runStart === undefined) runStart = index;
    if ((!silent || index === levels.length - 1) && runStart !== undefined) {
      const runEnd = silent ? index + 1 : index;
      if ((runEnd - runStart) * options.windowMs >= options.minPauseMs) {
        pauses.push({ startMs: runStart * options.windowMs, endMs: runEnd * options.windowMs });
      }
      runStart = undefined;
    }
  });
  return pauses;
}

/** Share of the boundary instants (ms) that fall inside a detected pause. */
export function shareInsidePauses(boundariesMs: readonly number[], pauses: readonly Pause[]): number {
  if (boundariesMs.length === 0) return 1;
  const inside = boundariesMs.filter((time) => pauses.some((pause) => pause.startMs <= time && time <= pause.endMs));
  return inside.length / boundariesMs.length;
}

export interface TimedEdges {
  startMs: number;
  endMs: number;
}

/**
 * How far word edges sit from the audible edges around each pause, in ms (positive: the word's edge is later):
 * `ends` for the last word starting before a pause against the pause's start (where the sound stops), `starts`
 * for the first word ending after it against the pause's end (where the sound comes back). Pauses inside one
 * word (a long stop closure) and the silence before the first and after the last word are not word edges.
 */
export function edgeOffsetsAtPauses(words: readonly TimedEdges[], pauses: readonly Pause[]): { ends: number[]; starts: number[] } {
  const ends: number[] = [];
  const starts: number[] = [];
  for (const pause of pauses) {
    const before = words.findLastIndex((word) => word.startMs < pause.startMs);
    const after = words.findIndex((word) => word.endMs > pause.endMs);
    if (before === -1 || after === -1 || before >= after) continue;
    ends.push(words[before]!.endMs - pause.startMs);
    starts.push(words[after]!.startMs - pause.endMs);
  }
  return { ends, starts };
}

/** The instant between two consecutive spans: halfway from the end of one to the start of the next. */
export function boundariesBetween(spans: readonly TimedSpan[]): number[] {
  return spans.slice(1).map((span, index) => (spans[index]!.endMs + span.startMs) / 2);
}
