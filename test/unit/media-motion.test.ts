// The pictures' placement and motion (remotion/NewsVideo/media-motion.ts), pure: which picture shows at each
// frame and how it fades in, where each format's frame sits on a picture (centred on its focus), and the path
// of the push-in and the pan toward the focus. Expectations come from the inputs' geometry, never from output.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  coverWindow,
  CROSSFADE_SECONDS,
  creditLine,
  cssPlacement,
  mediaSpans,
  motionPath,
  rectAt,
  visibleSpans,
} from '../../remotion/NewsVideo/media-motion.ts';
import { FRAME_SIZES } from '../../src/contract/video.ts';

const FPS = 30;
const section = (startMs: number, media: number | null) => ({ startMs, media });

describe('media spans', () => {
  // Title and first paragraph share picture 0, then 1, then no picture, then 0 again.
  const sections = [section(0, 0), section(2000, 0), section(5000, 1), section(9000, null), section(12_000, 0)];
  const total = 20 * FPS;
  const spans = mediaSpans({ sections: sections as never }, FPS, total);
  const fade = CROSSFADE_SECONDS * FPS;

  it('joins sections with the same picture and covers the video end to end', () => {
    assert.deepEqual(
      spans.map(({ media, first, frames }) => ({ media, first, frames })),
      [
        { media: 0, first: 0, frames: 150 },
        { media: 1, first: 150, frames: 120 },
        { media: null, first: 270, frames: 90 },
        { media: 0, first: 360, frames: total - 360 },
      ],
    );
    assert.deepEqual(
      spans.map((span) => span.kind),
      ['push-in', 'pan', 'push-in', 'pan'],
    );
    assert.deepEqual(
      spans.map((span) => span.fadeFrames),
      [0, fade, fade, fade],
    );
    // Each picture stays under the next one's crossfade, and its motion runs across that too.
    assert.deepEqual(
      spans.map((span) => span.visibleFrames),
      [150 + fade, 120 + fade, 90 + fade, total - 360],
    );
  });

  it('one picture everywhere is one span across the whole video; no sections is the brand background', () => {
    const one = mediaSpans({ sections: [section(0, 0), section(3000, 0), section(8000, 0)] as never }, FPS, total);
    assert.deepEqual(
      one.map(({ media, first, frames, fadeFrames }) => ({ media, first, frames, fadeFrames })),
      [{ media: 0, first: 0, frames: total, fadeFrames: 0 }],
    );
    assert.deepEqual(
      mediaSpans({ sections: [] }, FPS, total).map((span) => span.media),
      [null],
    );
  });

  it('crossfades as ffmpeg xfade mixes: old picture at the first frame, the new one alone from the last', () => {
    const start = spans[1]!.first;
    assert.deepEqual(
      visibleSpans(spans, start - 1, true).map((visible) => visible.span),
      [0],
    );
    const first = visibleSpans(spans, start, true);
    assert.deepEqual(
      first.map(({ span, opacity }) => ({ span, opacity })),
      [
        { span: 0, opacity: 1 },
        { span: 1, opacity: 0 },
      ],
    );
    const middle = visibleSpans(spans, start + fade / 2, true);
    assert.equal(middle[1]!.opacity, 0.5);
    assert.equal(visibleSpans(spans, start + fade - 2, true)[1]!.opacity, (fade - 2) / fade);
    assert.deepEqual(
      visibleSpans(spans, start + fade - 1, true).map((visible) => visible.span),
      [1],
    );
  });

  it('moves each picture from 0 to 1 across all its visible frames, and not at all with motion off', () => {
    const span = spans[1]!;
    assert.equal(visibleSpans(spans, span.first, true)[1]!.progress, 0);
    // Its last visible frame is the next fade's last but one; the last span ends at 1 on the video's last frame.
    const last = span.first + span.visibleFrames - 2;
    assert.equal(visibleSpans(spans, last, true)[0]!.progress, (span.visibleFrames - 2) / (span.visibleFrames - 1));
    assert.equal(visibleSpans(spans, total - 1, true)[0]!.progress, 1);
    const middle = visibleSpans(spans, span.first + 60, true).at(-1)!.progress;
    assert.ok(Math.abs(middle - 60 / (span.visibleFrames - 1)) < 1e-9);
    assert.ok(visibleSpans(spans, span.first + 60, false).every((visible) => visible.progress === 0));
  });
});

describe('placement on the focus point', () => {
  const photo = { width: 1600, height: 1000 };

  it('a vertical or square crop of a wide photo keeps the focus in the frame, as central as the photo allows', () => {
    for (const format of ['vertical', 'square'] as const) {
      const frame = FRAME_SIZES[format];
      const scale = Math.max(frame.width / photo.width, frame.height / photo.height);
      for (const focus of [
        { x: 0.4, y: 0.4 },
        { x: 0.6, y: 0.5 },
      ]) {
        const window = coverWindow(photo, focus, frame);
        assert.equal(window.scale, scale);
        // Far enough from the edges: the focus sits exactly at the frame's centre.
        assert.ok(Math.abs(window.focus.x - frame.width / 2) < 1e-6, `${format} ${focus.x}: ${window.focus.x}`);
        assert.ok(window.left > 0 && window.left + frame.width < photo.width * scale);
      }
      // A focus at the edge: the window stops at the photo's edge, the focus still in view.
      const edge = coverWindow(photo, { x: 0.02, y: 0.5 }, frame);
      assert.equal(edge.left, 0);
      assert.ok(edge.focus.x >= 0 && edge.focus.x < frame.width / 2);
    }
  });

  it('push-in ends on the focus, pan travels toward it; both stay inside the picture', () => {
    const frame = FRAME_SIZES.vertical;
    const focus = { x: 300, y: 700 };
    for (const kind of ['push-in', 'pan'] as const) {
      const path = motionPath(kind, focus, frame);
      for (const rect of [path.from, path.to, rectAt(path, 0.5)]) {
        assert.ok(rect.left >= 0 && rect.top >= 0 && rect.left + rect.width <= frame.width + 1e-9 && rect.top + rect.height <= frame.height + 1e-9);
        assert.ok(Math.abs(rect.width / rect.height - frame.width / frame.height) < 1e-9, 'the frame aspect is kept');
      }
      const centre = (rect: typeof path.to) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      const distance = (rect: typeof path.to) => Math.hypot(centre(rect).x - focus.x, centre(rect).y - focus.y);
      assert.ok(distance(path.to) < distance(path.from), `${kind} moves toward the focus`);
    }
    const push = motionPath('push-in', focus, frame);
    assert.deepEqual(push.from, { left: 0, top: 0, ...frame });
    assert.ok(push.to.width < frame.width);
    const pan = motionPath('pan', focus, frame);
    assert.equal(pan.from.width, pan.to.width);
    // A centred focus leaves no side to come from: the pan crosses the frame.
    const centred = motionPath('pan', { x: frame.width / 2, y: frame.height / 2 }, frame);
    assert.equal(centred.from.left, 0);
    assert.ok(Math.abs(centred.to.left + centred.to.width - frame.width) < 1e-9);
  });

  it("the browser's placement puts the motion's rectangle exactly on the frame", () => {
    const frame = FRAME_SIZES.square;
    const focus = { x: 0.25, y: 0.5 };
    for (const progress of [0, 0.4, 1]) {
      const placed = cssPlacement(photo, focus, 'pan', frame, progress);
      const window = coverWindow(photo, focus, frame);
      const rect = rectAt(motionPath('pan', window.focus, frame), progress);
      const match = /^scale\(([\d.e-]+)\) translate\((-?[\d.e-]+)px, (-?[\d.e-]+)px\)$/.exec(placed.transform);
      assert.ok(match, placed.transform);
      const [scale, x, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
      // CSS applies the translate first, then the scale about the top-left corner.
      const toFrame = (point: { x: number; y: number }) => ({ x: scale * (point.x + x), y: scale * (point.y + y) });
      const topLeft = toFrame({ x: rect.left, y: rect.top });
      const bottomRight = toFrame({ x: rect.left + rect.width, y: rect.top + rect.height });
      for (const [got, want] of [
        [topLeft.x, 0],
        [topLeft.y, 0],
        [bottomRight.x, frame.width],
        [bottomRight.y, frame.height],
      ] as const)
        assert.ok(Math.abs(got - want) < 1e-6, `${progress}: ${got} vs ${want}`);
      assert.equal(placed.image.left, -window.left);
      assert.equal(placed.image.width, photo.width * window.scale);
    }
  });
});

describe('credit line', () => {
  it('says "Foto:" once before the name, and nothing without one', () => {
    assert.equal(creditLine('Ana Pérez / EFE'), 'Foto: Ana Pérez / EFE');
    assert.equal(creditLine('Foto: Ana Pérez'), 'Foto: Ana Pérez');
    assert.equal(creditLine('  '), null);
    assert.equal(creditLine(null), null);
  });
});
