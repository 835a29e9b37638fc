// The fast render's ffmpeg side as strings (src/render/filter-graph.ts), pure: the held pictures' timing, the lead
// image's push-in against the browser's CSS transform, the progress bar, and the whole graph they make.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leadImageTransform } from '../../remotion/NewsVideo/lead-image-motion.ts';
import {
  concatScript,
  coverSize,
  distinctPicturesGraph,
  ffmpegColor,
  leadImageZoomFilter,
  pipedPicturesPts,
  progressBarFilter,
} from '../../src/render/filter-graph.ts';

describe('filter graph (pure)', () => {
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
    // ffmpeg 5 refuses a flat sum of about a hundred terms; the tree of 2,000 pictures is 12 parentheses deep.
    const long = pipedPicturesPts(Array.from({ length: 2000 }, (_, index) => ({ first: index, length: 1 })));
    let depth = 0;
    let deepest = 0;
    for (const char of long) {
      depth += char === '(' ? 1 : char === ')' ? -1 : 0;
      deepest = Math.max(deepest, depth);
    }
    assert.equal(deepest, 12);
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

  it('joins the held pictures, the opening and the bar into one graph ending at [video]', () => {
    const heldRuns = [
      { first: 91, length: 7 },
      { first: 98, length: 22 },
    ];
    const plain = distinctPicturesGraph({ held: 0, heldRuns, opening: null }, 30, null);
    assert.equal(
      plain,
      "[0:v]settb=1,setpts='(7*gte(N,1)+22*gte(N,2))',zscale=matrix=709:range=limited:primariesin=709:primaries=709:transferin=709:transfer=709,format=yuv420p,fps=1,settb=1/30,setpts=N,fps=30[timed];[timed]null[video]",
    );
    const zoom = { width: 540, height: 960, imageWidth: 1200, imageHeight: 800, titleFrames: 91 };
    const bar = progressBarFilter('timed', 'video', { width: 540, scale: 0.5, fullAtFrame: 389, color: '#E63946' })!;
    const graph = distinctPicturesGraph({ held: 2, heldRuns, opening: { pictures: 0, image: 1, zoom } }, 25, bar);
    const chains = graph.split(';');
    assert.ok(chains[0]!.startsWith('[1:v]format=gbrp'), chains[0]);
    assert.ok(chains[0]!.endsWith('[background]'));
    assert.match(chains[1]!, /^\[0:v\]zscale=.*,format=yuva420p\[card\]$/);
    assert.equal(chains[2], '[background][card]overlay=format=yuv420,trim=end_frame=91[opening]');
    assert.match(chains[3]!, /^\[2:v\]settb=1,setpts='\(7\*gte\(N,1\)\+22\*gte\(N,2\)\)',.*,fps=1\[held\]$/);
    assert.equal(chains[4], '[opening][held]concat=n=2:v=1:a=0,settb=1/25,setpts=N,fps=25[timed]');
    assert.equal(chains.slice(5).join(';'), bar);
    assert.match(graph, /\[video\]$/);
  });
});
