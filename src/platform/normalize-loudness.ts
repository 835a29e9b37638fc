// Finds the filter that brings an audio source to the platform loudness, by measuring with ffmpeg's ebur128:
// the source as it is, then each candidate filter, until the result is on target (src/platform/loudness.ts says
// how the next candidate follows from the last measurement).
import {
  firstLoudnessStep,
  type LoudnessMeasurement,
  type LoudnessTarget,
  MEASURE_FILTER,
  nextLoudnessStep,
  parseEbur128Summary,
} from './loudness.ts';

/** A limiter's loss and an encoder's overshoot are found in two or three corrections; past that they do not converge. */
const MAX_MEASUREMENTS = 5;

/** Runs ffmpeg over the source with `filter` before the measuring filter (null: the source as it is) and returns its stderr. */
export type MeasureRun = (filterBeforeMeasure: string | null) => Promise<string>;

export async function loudnessFilterFor(
  measure: MeasureRun,
  target: LoudnessTarget,
): Promise<{ filter: string; source: LoudnessMeasurement; result: LoudnessMeasurement }> {
  const source = parseEbur128Summary(await measure(null));
  let step = firstLoudnessStep(source, target);
  let result = source;
  for (let measured = 1; measured < MAX_MEASUREMENTS; measured++) {
    result = parseEbur128Summary(await measure(step.filter));
    step = nextLoudnessStep(step, result, target);
    if (step.done) break;
  }
  return { filter: step.filter, source, result };
}

/** The audio filter chain that measures after `filter`. */
export function measuringChain(filter: string | null): string {
  return filter ? `${filter},${MEASURE_FILTER}` : MEASURE_FILTER;
}
