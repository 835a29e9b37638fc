// The fast render's pure parts (which frames become distinct pictures when ffmpeg moves the pictures behind
// them, and when the browser does), checked against screenAt on the committed sample narration
// (made by the product). The renders themselves are compared in test/integration/render-speed.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LAYOUT, firstFrameAt, screenAt, screenKey, videoFrames } from '../../remotion/NewsVideo/screen.ts';
import { pictureRuns, runsOfEqualKeys } from '../../src/render/distinct-frames.ts';
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
    // ffmpeg moves the brand background behind the pictures.
    const runs = pictureRuns(narration, FPS, DEFAULT_LAYOUT, false);
    const frames = videoFrames(narration, FPS, DEFAULT_LAYOUT);
    assert.equal(runs.at(-1)!.first + runs.at(-1)!.length, frames);
    const starts = new Set(runs.map((run) => run.first));
    for (let frame = 1; frame < frames; frame++) {
      const [before, now] = [screenAt(frame - 1, FPS, narration, DEFAULT_LAYOUT), screenAt(frame, FPS, narration, DEFAULT_LAYOUT)];
      const changed = screenKey(before.state) !== screenKey(now.state) || before.motion.fade !== now.motion.fade;
      assert.equal(starts.has(frame), changed, `frame ${frame}`);
    }
    // Far fewer pictures than frames: the point of it.
    assert.ok(runs.length < frames / 4, `${runs.length} pictures for ${frames} frames`);
  });

  it('renders every frame when the browser draws the moving pictures, only the text and credit changes when ffmpeg does', async () => {
    const plain = await sampleNarration();
    const narration = withLeadImage(plain, 1200, 800);
    const frames = videoFrames(narration, FPS, DEFAULT_LAYOUT);
    assert.equal(pictureRuns(narration, FPS, DEFAULT_LAYOUT).length, frames);
    const underPictures = pictureRuns(narration, FPS, DEFAULT_LAYOUT, false);
    // One picture across the whole video: its motion adds no picture; the brand background's does not either.
    assert.deepEqual(underPictures, pictureRuns(plain, FPS, DEFAULT_LAYOUT, false));
    const firstBodyFrame = firstFrameAt(narration.words.find((word) => word.section !== 0)!.startMs, FPS);
    const titleRuns = underPictures.filter((run) => run.first < firstBodyFrame);
    // One picture before the first title word lights, then one per lit word.
    const litFrames = narration.words.filter((word) => word.section === 0).map((word) => firstFrameAt(word.startMs, FPS));
    assert.deepEqual(
      titleRuns.map((run) => run.first),
      [...new Set([0, ...litFrames])],
    );
    // Motion off: the browser draws still pictures, as few as ffmpeg would have.
    assert.deepEqual(pictureRuns(narration, FPS, { ...DEFAULT_LAYOUT, motion: false }), underPictures);
  });
});
