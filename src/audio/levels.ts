// Window levels of audio: the short-time energy in dB that tells speech from silence. Word edges are moved
// onto the audible sound with them (src/timing/refine.ts).

export interface SilenceLevel {
  /** Which window level (percentile of all windows) stands for speech. */
  speechPercentile: number;
  /** Silent means this many dB below that level. */
  belowSpeechDb: number;
}

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
