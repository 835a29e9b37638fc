// How a narration's word times are found: from the model's own durations, or by the seed's calibration. Plain
// values, no zod: the narrate command offers them as choices before it knows whether it will narrate at all, and
// the narration schema (src/contract/narration.ts) validates against the same list.
export const TIMING_METHODS = ['exact', 'calibrated'] as const;
export type TimingMethod = (typeof TIMING_METHODS)[number];
