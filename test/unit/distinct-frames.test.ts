// The fast render's pure parts (which frames become distinct pictures, the ffconcat script and picture times,
// the lead image zoom and progress bar drawn by ffmpeg), checked against screenAt on the committed sample narration
// (made by the product). The renders themselves are compared in test/integration/render-speed.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LAYOUT, firstFrameAt, screenAt, screenKey, videoFrames } from '../../remotion/NewsVideo/screen.ts';
import { concatScript, pictureRuns, pipedPicturesPts, runsOfEqualKeys } from '../../src/render/distinct-frames.ts';
import { coverSize, leadImageZoomFilter } from '../../src/render/lead-image-zoom-filter.ts';
import { leadImageTransform } from '../../remotion/NewsVideo/lead-image-motion.ts';
import { ffmpegColor, progressBarFilter } from '../../src/render/progress-bar-filter.ts';
import { sampleNarration, withLeadImage } from '../helpers/sample.ts';

const FPS = 30;

describe('distinct pictures (pure)', () => {
  it('groups equal consecutive keys into runs that cover every frame in order', () => {
    const keys = ['a', 'a', 'b', 'a', 'a', 'a', 'c'];
    const runs = runsOfEqualKeys(keys.length, (frame) => keys[frame]!);
    assert.equal(
      runs.reduce((frames, run) => frames + run.length, 0),
      keys.length,
    );
    runs.forEach((run, index) => {
      const next = runs[index + 1];
      if (next) assert.equal(next.first, run.first + run.length);
      for (let frame = run.first; frame < run.first + run.length; frame++) assert.equal(keys[frame], keys[run.first]);
      if (next) assert.notEqual(keys[next.first], keys[run.first]);
    });
    assert.deepEqual(
      runsOfEqualKeys(0, () => 'x'),
      [],
    );
  });

  it('starts a run at every frame where the lit word, page or card changes, and at every fade frame', async () => {
    const narration = await sampleNarration();
    const runs = pictureRuns(narration, FPS, DEFAULT_LAYOUT);
    const frames = videoFrames(narration, FPS, DEFAULT_LAYOUT);
    assert.equal(runs.at(-1)!.first + runs.at(-1)!.length, frames);
    const starts = new Set(runs.map((run) => run.first));
    for (let frame = 1; frame < frames; frame++) {
      const [before, now] = [screenAt(frame - 1, FPS, narration, DEFAULT_LAYOUT), screenAt(frame, FPS, narration, DEFAULT_LAYOUT)];
      const changed = screenKey(before.state) !== screenKey(now.state) || before.motion.fade !== now.motion.fade;
      assert.equal(starts.has(frame), changed, `frame ${frame}`);
    }
    // Far fewer pictures than frames: the point of it. The sample has no lead image, so the title card's zoom is not drawn.
    assert.ok(runs.length < frames / 4, `${runs.length} pictures for ${frames} frames`);
  });

  it('renders every title-card frame when the browser draws the lead image zoom, only its lit words when ffmpeg does', async () => {
    const narration = withLeadImage(await sampleNarration(), 1200, 800);
    const firstBodyFrame = firstFrameAt(narration.words.find((word) => word.section !== 0)!.startMs, FPS);
    const runs = pictureRuns(narration, FPS, DEFAULT_LAYOUT);
    for (let frame = 0; frame < firstBodyFrame; frame++)
      assert.ok(
        runs.some((run) => run.first === frame && run.length === 1),
        `frame ${frame}`,
      );
    const underPictures = pictureRuns(narration, FPS, DEFAULT_LAYOUT, false);
    const titleRuns = underPictures.filter((run) => run.first < firstBodyFrame);
    // One picture before the first title word lights, then one per lit word.
    const litFrames = narration.words.filter((word) => word.section === 0).map((word) => firstFrameAt(word.startMs, FPS));
    assert.deepEqual(
      titleRuns.map((run) => run.first),
      [...new Set([0, ...litFrames])],
    );
    assert.equal(titleRuns.at(-1)!.first + titleRuns.at(-1)!.length, firstBodyFrame, 'no run crosses the end of the title card');
  });

  it("moves the image in ffmpeg as the browser's CSS transform does, to a fraction of a pixel", () => {
    const zoom = { width: 1080, height: 1920, imageWidth: 1600, imageHeight: 1000, titleFrames: 91 };
    // Cover-fit: the shorter side fills the frame, and the overhang is even so the frame stays centred on a pixel.
    const cover = coverSize(zoom);
    assert.equal(cover.height, 1920);
    assert.equal((cover.width - 1080) % 2, 0);
    assert.ok(Math.abs(cover.width - 1600 * (1920 / 1000)) <= 1, `${cover.width}`);
    const graph = leadImageZoomFilter('0:v', 'bg', zoom, 'format=yuv420p');
    assert.match(graph, /^\[0:v\]/);
    assert.match(graph, /\[bg\]$/);
    assert.match(graph, /loop=loop=90:size=1/);
    // Each corner expression, evaluated at frame n, is where CSS scale(s) translate(t) about the centre puts the
    // frame's corner in the cover-fitted image: centre + (corner - centre) / s - t.
    const corners = Object.fromEntries([...graph.matchAll(/([xy][0-3])='([^']+)'/g)].map((match) => [match[1]!, match[2]!]));
    assert.equal(Object.keys(corners).length, 8);
    for (const frame of [0, 17, 45, 90]) {
      const { scale, translateXPercent, translateYPercent } = leadImageTransform(frame / 91);
      const expected = (corner: number, size: number, percent: number) => size / 2 + (corner - size / 2) / scale - (percent / 100) * size;
      // ffmpeg's frame counter `in` is a reserved word in JavaScript.
      const at = (name: string) => Function('frame', `return ${corners[name]!.replace(/\bin\b/g, 'frame')};`)(frame) as number;
      for (const [name, want] of [
        ['x0', expected(0, 1080, translateXPercent)],
        ['x3', expected(1080, 1080, translateXPercent)],
        ['y0', expected(0, 1920, translateYPercent)],
        ['y3', expected(1920, 1920, translateYPercent)],
      ] as const) {
        assert.ok(Math.abs(at(name) - want) < 0.01, `frame ${frame} ${name}: ${at(name)} vs ${want}`);
      }
    }
  });

  it('writes an ffconcat script with one second per frame and the last picture listed twice', () => {
    const runs = [
      { first: 0, length: 7 },
      { first: 7, length: 1 },
      { first: 8, length: 22 },
    ];
    const script = concatScript(runs, ['/a/0.jpeg', "/a/it's.jpeg", '/a/8.jpeg']);
    const lines = script.trim().split('\n');
    assert.equal(lines[0], 'ffconcat version 1.0');
    assert.deepEqual(
      lines.filter((line) => line.startsWith('duration ')).map((line) => Number(line.slice(9))),
      runs.map((run) => run.length),
    );
    assert.deepEqual(
      lines.filter((line) => line.startsWith('file ')),
      ["file '/a/0.jpeg'", "file '/a/it'\\''s.jpeg'", "file '/a/8.jpeg'", "file '/a/8.jpeg'"],
    );
    assert.throws(() => concatScript(runs, ['/a/0.jpeg']), RangeError);
  });

  it("times piped picture N at its run's first frame, and the repeated last picture at the end", () => {
    const runs = [
      { first: 91, length: 7 },
      { first: 98, length: 1 },
      { first: 99, length: 22 },
    ];
    const expression = pipedPicturesPts(runs);
    // ffmpeg's gte(a,b) is 1 when a >= b; N is the picture's index in the stream.
    const at = (picture: number) => Function('N', 'gte', `return ${expression};`)(picture, (a: number, b: number) => Number(a >= b)) as number;
    assert.deepEqual([0, 1, 2, 3].map(at), [0, 7, 8, 30]);
    assert.throws(() => pipedPicturesPts([]), RangeError);
  });

  it("reads the composition's hex colours for ffmpeg and refuses the rest", () => {
    assert.equal(ffmpegColor('#E63946'), '0xE63946@1.000');
    assert.equal(ffmpegColor('#e63'), '0xEE6633@1.000');
    assert.equal(ffmpegColor('#00000080'), `0x000000@${(128 / 255).toFixed(3)}`);
    assert.equal(ffmpegColor('rgba(0, 0, 0, 0.5)'), null);
    assert.equal(progressBarFilter('in', 'out', { width: 540, scale: 0.5, fullAtFrame: 389, color: 'red' }), null);
    const graph = progressBarFilter('in', 'out', { width: 540, scale: 0.5, fullAtFrame: 389, color: '#E63946' })!;
    assert.match(graph, /^color=c=white@0\.22:s=540x5,format=rgba\[track\];\[in\]\[track\]overlay/);
    assert.match(graph, /color=c=0xE63946@1\.000:s=540x5/);
    assert.match(graph, /n\/389.*\[out\]$/);
  });
});
