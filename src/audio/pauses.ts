// Pauses found in the audio itself, independent of any timing method: stretches where the short-time energy
// stays well below the level of speech. Used to check that sentence boundaries land in real silence, and to
// find where a word is audible inside its frames (src/timing/refine.ts).
export interface Pause {
  startMs: number;
  endMs: number;
}

export interface SilenceLevel {
  /** Which window level (percentile of all windows) stands for speech. */
  speechPercentile: number;
  /** Silent means this many dB below that level. */
  belowSpeechDb: number;
}

export interface PauseOptions extends SilenceLevel {
  windowMs: number;
  minPauseMs: number;
}

/** The measure issue 8 states: 10 ms windows, silent 35 dB under the 90th-percentile window, pauses of 80 ms. */
export const DEFAULT_PAUSE_OPTIONS: PauseOptions = { windowMs: 10, speechPercentile: 90, belowSpeechDb: 35, minPauseMs: 80 };

/** Added to every window's mean power so that digital silence has a finite level. */
const POWER_FLOOR = 1e-12;
/** The level windowLevelsDb gives a window of digital silence. */
export const SILENCE_LEVEL_DB = 10 * Math.log10(POWER_FLOOR);

export function windowLevelsDb(samples: Float32Array, sampleRate: number, windowMs: number): number[] {
  const size = Math.max(1, Math.round((sampleRate * windowMs) / 1000));
  const levels: number[] = [];
  for (let start = 0; start < samples.length; start += size) {
    const end = Math.min(samples.length, start + size);
    let energy = 0;
    for (let index = start; index < end; index++) energy += samples[index]! * samples[index]!;
    levels.push(10 * Math.log10(energy / (end - start) + POWER_FLOOR));
  }
  return levels;
}

/** The level (dB) under which a window of this audio counts as silent. */
export function silenceThresholdDb(levels: readonly number[], level: SilenceLevel): number {
  const sorted = [...levels].sort((a, b) => a - b);
  const speechLevel = sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * level.speechPercentile) / 100))] ?? 0;
  return speechLevel - level.belowSpeechDb;
}

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
