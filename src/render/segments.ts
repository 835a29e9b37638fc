// The fast render in parts encoded side by side (fast-render.ts): ffmpeg's filtergraph runs on one thread and
// was the render's slowest step, so on a machine with two cores or more the video is cut into consecutive
// segments, each drawn, moved and encoded by its own browser tab and ffmpeg, then joined without re-encoding.
// This cuts one plan into the segments' plans. Pure.
import type { DistinctRenderPlan, PlannedSpan } from './distinct-plan.ts';

/** Shorter segments would spend more on their own start (a tab and an ffmpeg) than they save (5 s at 30 fps). */
export const MIN_SEGMENT_FRAMES = 150;

/** Frames [first, first + frames) of the video, and the plan that draws them alone. */
export interface PlanSegment {
  first: number;
  frames: number;
  plan: DistinctRenderPlan;
}

/**
 * Where the video is cut for `wanted` segments: near equal parts, none shorter than MIN_SEGMENT_FRAMES, and never
 * inside a crossfade (both of its pictures would have to be in both segments), so a cut inside one moves to its end.
 */
export function segmentCuts(plan: DistinctRenderPlan, totalFrames: number, wanted: number): number[] {
  const count = Math.max(1, Math.min(wanted, Math.floor(totalFrames / MIN_SEGMENT_FRAMES)));
  const cuts: number[] = [];
  for (let index = 1; index < count; index++) {
    let cut = Math.round((index * totalFrames) / count);
    for (const span of plan.background ?? []) if (cut >= span.first && cut < span.first + span.fadeFrames) cut = span.first + span.fadeFrames;
    if (cut > (cuts.at(-1) ?? 0) && cut < totalFrames) cuts.push(cut);
  }
  return cuts;
}

/** The span as a segment of [first, end) shows it, or null when it is not on screen there. */
function spanInSegment(span: PlannedSpan, first: number, end: number): PlannedSpan | null {
  const { picture } = span;
  const from = Math.max(span.first, first);
  const to = Math.min(span.first + picture.drawnFrames, end);
  if (to <= from) return null;
  return {
    ...span,
    first: from - first,
    // A span that began before the segment shows in it past its crossfade (no cut lies inside one).
    fadeFrames: from === span.first ? span.fadeFrames : 0,
    picture: { ...picture, skipFrames: picture.skipFrames + from - span.first, drawnFrames: to - from },
  };
}

/**
 * The plan cut at `cuts` (segmentCuts) into plans of consecutive segments. Each keeps the runs (a run cut in two
 * shows its picture in both: frame `first` of the later part shows the same picture), the spans and their motion
 * where the whole video has them, and the bar where it stands at the segment's first frame.
 */
export function splitPlan(plan: DistinctRenderPlan, totalFrames: number, cuts: readonly number[]): PlanSegment[] {
  const bounds = [0, ...cuts, totalFrames];
  return bounds.slice(0, -1).map((first, index) => {
    const end = bounds[index + 1]!;
    const runs = plan.runs
      .filter((run) => run.first < end && run.first + run.length > first)
      .map((run) => {
        const from = Math.max(run.first, first);
        return { first: from, length: Math.min(run.first + run.length, end) - from };
      });
    const background = plan.background && plan.background.flatMap((span) => spanInSegment(span, first, end) ?? []);
    const bar = plan.bar && { ...plan.bar, firstFrame: plan.bar.firstFrame + first };
    return { first, frames: end - first, plan: { runs, background, bar } };
  });
}
