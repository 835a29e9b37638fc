import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LAYOUT, videoFrames } from '../../remotion/NewsVideo/screen.ts';
import { planDistinctRender, type DistinctRenderPlan, type PlannedSpan } from '../../src/render/distinct-plan.ts';
import { movingBackgroundFilter } from '../../src/render/filter-graph.ts';
import { MIN_SEGMENT_FRAMES, segmentCuts, splitPlan } from '../../src/render/segments.ts';
import { sampleNarration, withLeadImage } from '../helpers/sample.ts';

/** A span of the whole video: visible from `first` over `visibleFrames`, fading in over `fadeFrames`. */
const span = (first: number, visibleFrames: number, fadeFrames: number): PlannedSpan => ({
  file: `${first}.jpg`,
  picture: {
    frame: { width: 1080, height: 1920 },
    scale: 1,
    size: { width: 1600, height: 1000 },
    focus: { x: 0.5, y: 0.5 },
    kind: 'push-in',
    visibleFrames,
    skipFrames: 0,
    drawnFrames: visibleFrames,
  },
  first,
  fadeFrames,
});

// 1000 frames: spans own [0, 500) and [500, 1000), the second fading in over frames 500 to 514.
const plan: DistinctRenderPlan = {
  runs: [
    { first: 0, length: 480 },
    { first: 480, length: 40 },
    { first: 520, length: 480 },
  ],
  background: [span(0, 515, 0), span(500, 500, 15)],
  bar: { width: 1080, scale: 1, fullAtFrame: 900, firstFrame: 0, color: '#E63946' },
};

describe('render segments (pure)', () => {
  it('cuts near equal parts, never inside a crossfade, none shorter than the minimum', () => {
    assert.deepEqual(segmentCuts(plan, 1000, 2), [515]);
    assert.deepEqual(segmentCuts({ ...plan, background: null }, 1000, 2), [500]);
    assert.deepEqual(segmentCuts(plan, 1000, 1), []);
    // Three cores but room for three segments of the minimum only.
    assert.deepEqual(segmentCuts({ ...plan, background: null }, 3 * MIN_SEGMENT_FRAMES, 8), [MIN_SEGMENT_FRAMES, 2 * MIN_SEGMENT_FRAMES]);
    assert.deepEqual(segmentCuts(plan, MIN_SEGMENT_FRAMES * 2 - 1, 2), []);
  });

  it('gives each segment its runs, its spans with their motion where the whole video has it, and the bar from its first frame', () => {
    const [first, second] = splitPlan(plan, 1000, [515]);
    assert.deepEqual([first!.first, first!.frames, second!.first, second!.frames], [0, 515, 515, 485]);
    // The run across the cut shows its picture in both; the frames add up to each segment's.
    assert.deepEqual(first!.plan.runs, [
      { first: 0, length: 480 },
      { first: 480, length: 35 },
    ]);
    assert.deepEqual(second!.plan.runs, [
      { first: 515, length: 5 },
      { first: 520, length: 480 },
    ]);
    // The first segment holds both spans and the whole crossfade; the second, the later span past its fade.
    assert.deepEqual(
      first!.plan.background!.map((each) => [each.first, each.fadeFrames, each.picture.skipFrames, each.picture.drawnFrames]),
      [
        [0, 0, 0, 515],
        [500, 15, 0, 15],
      ],
    );
    assert.deepEqual(
      second!.plan.background!.map((each) => [
        each.first,
        each.fadeFrames,
        each.picture.skipFrames,
        each.picture.drawnFrames,
        each.picture.visibleFrames,
      ]),
      [[0, 0, 15, 485, 500]],
    );
    assert.equal(second!.plan.bar!.firstFrame, 515);
    assert.equal(second!.plan.bar!.fullAtFrame, 900);
  });

  it('draws a segment of a span from the frame of the motion it starts at', () => {
    const [, second] = splitPlan(plan, 1000, [515]);
    const [only] = second!.plan.background!;
    const graph = movingBackgroundFilter(
      [{ input: 0, picture: only!.picture, first: only!.first, fadeFrames: only!.fadeFrames }],
      'out',
      'format=yuv420p',
    );
    // 485 frames drawn (the picture repeated 484 more times), the motion at (frame + 15) of its 500.
    assert.match(graph, /loop=loop=484:size=1/);
    assert.match(graph, /\(\(on\+15\)\/499\)/);
  });

  // The renders of the sample in render-speed.test.ts and media-render.test.ts are compared frame by frame with a
  // plain full render: on a machine with two cores they go through the cut and the join.
  it('cuts the sample narration in two on two cores', async () => {
    const narration = withLeadImage(await sampleNarration(), 1200, 800);
    const durationInFrames = videoFrames(narration, 30, DEFAULT_LAYOUT);
    const sample = planDistinctRender({
      narration,
      fps: 30,
      width: 1080,
      height: 1920,
      durationInFrames,
      scale: 0.5,
      layout: DEFAULT_LAYOUT,
      mediaFiles: { media: ['lead.jpg'], brand: 'brand.png' },
      progressBarColor: '#E63946',
    });
    const cuts = segmentCuts(sample, durationInFrames, 2);
    assert.equal(cuts.length, 1);
    const segments = splitPlan(sample, durationInFrames, cuts);
    assert.equal(
      segments.reduce((frames, segment) => frames + segment.frames, 0),
      durationInFrames,
    );
    for (const segment of segments)
      assert.equal(
        segment.plan.runs.reduce((frames, run) => frames + run.length, 0),
        segment.frames,
      );
  });
});
