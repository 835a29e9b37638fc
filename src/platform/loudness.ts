// Platform loudness, decided from measurements: YouTube, Spotify, TikTok and Instagram play at about -14 LUFS
// and turn louder uploads down, never quieter ones up; -16 is Apple's and podcasts', -23 EBU R128 broadcast.
// Kokoro's speech peaks high for its loudness (about 23 dB over it), so reaching -14 LUFS under a -1 dBTP
// ceiling takes a gain and a look-ahead limiter; the limiter's look-ahead is compensated (latency), so not one
// sample moves and the word times stay true. Pure: the caller runs ffmpeg with these filters and feeds back
// what ebur128 measured.
export const LOUDNESS_TARGETS = [-14, -16, -23] as const;
export type LoudnessTarget = (typeof LOUDNESS_TARGETS)[number];
export const DEFAULT_LOUDNESS: LoudnessTarget = -14;
/** Every platform's ceiling: a true peak at most -1 dBTP survives their lossy re-encoding without clipping. */
export const TRUE_PEAK_CEILING_DBTP = -1;
/** The target is met within this much (the issue asks for ±1 LU). */
export const LOUDNESS_TOLERANCE_LU = 0.5;
/**
 * The limiter works on sample peaks; true peaks between samples, and the AAC and MP3 encoders after it, add up to
 * about 0.5 dB each.
 */
const LIMITER_MARGIN_DB = 1;

export interface LoudnessMeasurement {
  integratedLufs: number;
  truePeakDbtp: number;
}

/** The ebur128 filter that measures integrated loudness and true peak (its summary goes to stderr). */
export const MEASURE_FILTER = 'ebur128=peak=true';

/** Integrated loudness and true peak from the summary ffmpeg's ebur128 filter prints at the end. */
export function parseEbur128Summary(stderr: string): LoudnessMeasurement {
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const integrated = /Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1];
  const peak = /True peak:\s*\n\s*Peak:\s*(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1];
  if (integrated === undefined || peak === undefined) throw new Error(`no ebur128 summary in ffmpeg's output: ${summary.slice(0, 200)}`);
  const value = (text: string) => (text === '-inf' ? Number.NEGATIVE_INFINITY : Number(text));
  return { integratedLufs: value(integrated), truePeakDbtp: value(peak) };
}

const linear = (db: number) => 10 ** (db / 20);

/** The filter that applies `gainDb`, then holds sample peaks under `limitDb` (dBFS) when a limit is set. */
export function loudnessFilter(gainDb: number, limitDb: number | null): string {
  const gain = `volume=${gainDb.toFixed(2)}dB`;
  if (limitDb === null) return gain;
  return `${gain},alimiter=limit=${linear(limitDb).toFixed(4)}:attack=5:release=80:level=false:latency=true`;
}

export interface LoudnessStep {
  /** The filter to try next, or the one found when `done`. */
  filter: string;
  gainDb: number;
  limitDb: number | null;
  done: boolean;
}

const step = (gainDb: number, limitDb: number | null, done = false): LoudnessStep => ({
  filter: loudnessFilter(gainDb, limitDb),
  gainDb,
  limitDb,
  done,
});

/** The first filter to try, from the source's own measurement: a plain gain when its peaks allow it, else gain and limiter. */
export function firstLoudnessStep(source: LoudnessMeasurement, target: LoudnessTarget): LoudnessStep {
  if (!Number.isFinite(source.integratedLufs)) return step(0, null, true);
  const gainDb = target - source.integratedLufs;
  const limited = source.truePeakDbtp + gainDb > TRUE_PEAK_CEILING_DBTP - LIMITER_MARGIN_DB;
  return step(gainDb, limited ? TRUE_PEAK_CEILING_DBTP - LIMITER_MARGIN_DB : null);
}

/**
 * After measuring what the last step's filter made: done when on target and under the ceiling; else the gain
 * corrected by the miss (a limiter takes loudness off the peaks it holds down, so the gain before it is found by
 * measuring) and the limit lowered by any overshoot of the ceiling (true peaks between samples, the encoder).
 */
export function nextLoudnessStep(last: LoudnessStep, result: LoudnessMeasurement, target: LoudnessTarget): LoudnessStep {
  const miss = target - result.integratedLufs;
  const overshoot = result.truePeakDbtp - TRUE_PEAK_CEILING_DBTP;
  if (Math.abs(miss) <= LOUDNESS_TOLERANCE_LU / 2 && overshoot <= 0) return { ...last, done: true };
  const limitDb = overshoot > 0 ? (last.limitDb ?? TRUE_PEAK_CEILING_DBTP) - overshoot - 0.2 : last.limitDb;
  return step(last.gainDb + miss, limitDb);
}
