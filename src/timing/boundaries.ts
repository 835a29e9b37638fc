import type { TimedSpan } from '../contract/narration.ts';

/** The instant between two consecutive spans: halfway from the end of one to the start of the next. */
export function boundariesBetween(spans: readonly TimedSpan[]): number[] {
  return spans.slice(1).map((span, index) => (spans[index]!.endMs + span.startMs) / 2);
}
