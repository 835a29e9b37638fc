// Pauses found in the audio itself, independent of any timing method: stretches where the short-time energy
// stays well below the level of speech. Used to check that sentence boundaries land in real silence.
export interface Pause {
  startMs: number;
  endMs: number;
}

export interface PauseOptions {
  windowMs: number;
  /** Silent means this many dB below the loud (95th percentile) windows of the same audio. */
  belowSpeechDb: number;
  minPauseMs: number;
}

export const DEFAULT_PAUSE_OPTIONS: PauseOptions = { windowMs: 10, belowSpeechDb: 30, minPauseMs: 80 };

export function windowLevelsDb(samples: Float32Array, sampleRate: number, windowMs: number): number[] {
  const size = Math.max(1, Math.round((sampleRate * windowMs) / 1000));
  const levels: number[] = [];
  for (let start = 0; start < samples.length; start += size) {
    const end = Math.min(samples.length, start + size);
    let energy = 0;
    for (let index = start; index < end; index++) energy += samples[index]! * samples[index]!;
    levels.push(10 * Math.log10(energy / (end - start) + 1e-12));
  }
  return levels;
}

export function detectPauses(samples: Float32Array, sampleRate: number, options: PauseOptions = DEFAULT_PAUSE_OPTIONS): Pause[] {
  const levels = windowLevelsDb(samples, sampleRate, options.windowMs);
  const sorted = [...levels].sort((a, b) => a - b);
  const speechLevel = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  const threshold = speechLevel - options.belowSpeechDb;
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
