// The fast render's ffmpeg side as strings (src/render/filter-graph.ts), pure: the pictures' timing, the moving
// pictures against the browser's CSS placement (media-motion.ts), the crossfades, the progress bar, and the
// whole graph they make.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverWindow, cssPlacement, motionPath, rectAt } from '../../remotion/NewsVideo/media-motion.ts';
import {
  distinctPicturesGraph,
  ffmpegColor,
  movingBackgroundFilter,
  movingPictureFilter,
  pipedPicturesPts,
  progressBarFilter,
  type MovingPicture,
} from '../../src/render/filter-graph.ts';

/** An ffmpeg expression of zoompan's output frame counter `on` (0 at the first frame), at frame `frame`. */
const evaluate = (expression: string, frame: number) => Function('on', `return ${expression};`)(frame) as number;

describe('filter graph (pure)', () => {
  for (const [kind, scale, focus] of [
    ['push-in', 1, { x: 0.3, y: 0.6 }],
    ['pan', 0.5, { x: 0.8, y: 0.2 }],
  ] as const) {
    it(`moves a picture in ffmpeg as the browser's CSS placement does, to a fraction of a pixel (${kind}, scale ${scale})`, () => {
      const frame = { width: 1080, height: 1920 };
      const picture: MovingPicture = {
        frame,
        scale,
        size: { width: 1600, height: 1000 },
        focus,
        kind,
        visibleFrames: 91,
        skipFrames: 0,
        drawnFrames: 91,
      };
      const graph = movingPictureFilter('0:v', 'bg', picture, 'format=yuv420p');
      assert.match(graph, /^\[0:v\]/);
      assert.match(graph, /\[bg\]$/);
      assert.match(graph, /loop=loop=90:size=1/);
      // The picture is scaled and cropped at a multiple of the frame's size, and zoompan's crop scaled down onto it.
      const [, coverWidth, coverHeight, cropWidth, , cropX, cropY] = /scale=(\d+):(\d+).*crop=(\d+):(\d+):(\d+):(\d+)/.exec(graph)!.map(Number);
      const [frameWidth, frameHeight] = [1080 * scale, 1920 * scale];
      // Twice the frame's size or more, at least 2160 pixels wide: a half-size render is supersampled four times.
      const supersampled = cropWidth! / frameWidth;
      assert.equal(supersampled, scale === 1 ? 2 : 4);
      assert.match(graph, new RegExp(`:s=${frameWidth}x${frameHeight}:`));
      // Each plane is moved by a zoompan of its own; the luma's is the first, at the frame's size.
      const zoompans = graph.split(';').filter((chain) => chain.includes('zoompan='));
      assert.equal(zoompans.length, 3);
      const zoompan = Object.fromEntries([...zoompans[0]!.matchAll(/\b([zxy])='([^']+)'/g)].map((match) => [match[1]!, match[2]!]));
      assert.deepEqual(Object.keys(zoompan).sort(), ['x', 'y', 'z']);
      const window = coverWindow(picture.size, focus, frame);
      for (const at of [0, 17, 45, 90]) {
        const progress = at / 90;
        // Where the browser shows the frame's corners: the motion's rectangle, in the cover-fitted picture.
        const rect = rectAt(motionPath(kind, window.focus, frame), progress);
        const placed = cssPlacement(picture.size, focus, kind, frame, progress);
        assert.equal(placed.image.left, -window.left);
        // The same points in the pixels of ffmpeg's scaled and cropped (supersampled) picture.
        const toX = (x: number) => ((window.left + x) * coverWidth!) / placed.image.width - cropX!;
        const toY = (y: number) => ((window.top + y) * coverHeight!) / placed.image.height - cropY!;
        const zoom = evaluate(zoompan.z!, at);
        // zoompan crops the input's width over the zoom, from (x, y) truncated (the expressions add 0.5 to round).
        const [left, top] = [evaluate(zoompan.x!, at) - 0.5, evaluate(zoompan.y!, at) - 0.5];
        for (const [name, got, want] of [
          ['left', left, toX(rect.left)],
          ['top', top, toY(rect.top)],
          ['width', cropWidth! / zoom, toX(rect.left + rect.width) - toX(rect.left)],
        ] as const) {
          assert.ok(Math.abs(got - want) < 0.01, `frame ${at} ${name}: ${got} vs ${want}`);
        }
        // zoompan clamps a crop past the picture's edge; none goes past it by more than rounding (half a frame
        // pixel).
        const right = left + cropWidth! / zoom;
        assert.ok(
          zoom >= 1 && left > -supersampled / 2 - 0.01 && right < cropWidth! + supersampled / 2 + 0.01,
          `frame ${at}: zoom ${zoom}, ${left} to ${right}`,
        );
      }
    });
  }

  it('crossfades each span in over the last at its first frame, for its fade frames, mixing only those frames', () => {
    const picture = (visibleFrames: number): MovingPicture => ({
      frame: { width: 1080, height: 1080 },
      scale: 1,
      size: { width: 800, height: 600 },
      focus: { x: 0.5, y: 0.5 },
      kind: 'pan',
      visibleFrames,
      skipFrames: 0,
      drawnFrames: visibleFrames,
    });
    // Spans of 25, 35 and 40 frames of their own; each is visible for the next one's fade too.
    const graph = movingBackgroundFilter(
      [
        { input: 0, picture: picture(40), first: 0, fadeFrames: 0 },
        { input: 1, picture: picture(50), first: 25, fadeFrames: 15 },
        { input: 2, picture: picture(40), first: 60, fadeFrames: 15 },
      ],
      'out',
      'format=yuv420p',
    );
    // Each span's picture is eight chains (its planes cut out, each repeated, each moved, merged), then its pieces.
    const chains = graph.split(';');
    assert.match(chains[8]!, /^\[1:v\]/);
    assert.match(chains[15]!, /\[span1\]$/);
    const pieces = chains.slice(24);
    assert.deepEqual(pieces, [
      '[span0]split=2[span0OwnIn][span0TailIn]',
      '[span0OwnIn]trim=start_frame=0:end_frame=25,setpts=N[span0Own]',
      '[span0TailIn]trim=start_frame=25:end_frame=39,setpts=N[span0Tail]',
      '[span1]split=3[span1HeadIn][span1OwnIn][span1TailIn]',
      '[span1HeadIn]trim=start_frame=0:end_frame=15,setpts=N[span1Head]',
      '[span1OwnIn]trim=start_frame=15:end_frame=35,setpts=N[span1Own]',
      '[span1TailIn]trim=start_frame=35:end_frame=49,setpts=N[span1Tail]',
      '[span0Tail][span1Head]xfade=transition=fade:duration=15:offset=0,format=yuv420p,setpts=N[fade1]',
      '[span2]split=2[span2HeadIn][span2OwnIn]',
      '[span2HeadIn]trim=start_frame=0:end_frame=15,setpts=N[span2Head]',
      '[span2OwnIn]trim=start_frame=15:end_frame=40,setpts=N[span2Own]',
      '[span1Tail][span2Head]xfade=transition=fade:duration=15:offset=0,format=yuv420p,setpts=N[fade2]',
      '[span0Own][fade1][span1Own][fade2][span2Own]concat=n=5:v=1:a=0,settb=1,setpts=N[out]',
    ]);
    // The pieces joined are the video's 100 frames, each once: 25 + 15 + 20 + 15 + 25 (a fade as long as its head).
    // Each tail is a frame shorter than its fade: the fade's last frame is the new picture alone, as in visibleSpans.
    const lengths = Object.fromEntries(
      pieces.flatMap((chain) => {
        const cut = /trim=start_frame=(\d+):end_frame=(\d+),setpts=N\[(\w+)\]$/.exec(chain);
        return cut ? [[cut[3]!, Number(cut[2]) - Number(cut[1])]] : [];
      }),
    );
    assert.equal(lengths.span0Own! + lengths.span1Head! + lengths.span1Own! + lengths.span2Head! + lengths.span2Own!, 100);
    assert.deepEqual([lengths.span0Tail, lengths.span1Tail], [lengths.span1Head! - 1, lengths.span2Head! - 1]);
    assert.equal(
      movingBackgroundFilter([{ input: 3, picture: picture(40), first: 0, fadeFrames: 0 }], 'out', 'format=yuv420p')
        .split(';')
        .at(-1),
      '[span0]null[out]',
    );
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
    assert.equal(progressBarFilter('in', 'out', { width: 540, scale: 0.5, fullAtFrame: 389, firstFrame: 0, color: 'red' }), null);
    const graph = progressBarFilter('in', 'out', { width: 540, scale: 0.5, fullAtFrame: 389, firstFrame: 0, color: '#E63946' })!;
    assert.match(graph, /^color=c=white@0\.22:s=540x5,format=rgba\[track\];\[in\]\[track\]overlay/);
    assert.match(graph, /color=c=0xE63946@1\.000:s=540x5/);
    assert.match(graph, /n\/389.*\[out\]$/);
  });

  it('joins the pictures, the moving background and the bar into one graph ending at [video]', () => {
    const runs = [
      { first: 0, length: 7 },
      { first: 7, length: 22 },
    ];
    const plain = distinctPicturesGraph({ pictures: 0, runs, background: null }, 30, null);
    assert.equal(
      plain,
      "[0:v]settb=1,setpts='(7*gte(N,1)+22*gte(N,2))',zscale=matrix=709:range=limited:primariesin=709:primaries=709:transferin=709:transfer=709,format=yuv420p,fps=1,settb=1/30,setpts=N,fps=30[timed];[timed]null[video]",
    );
    const picture: MovingPicture = {
      frame: { width: 1080, height: 1920 },
      scale: 0.5,
      size: { width: 1200, height: 800 },
      focus: { x: 0.5, y: 0.5 },
      kind: 'push-in',
      visibleFrames: 29,
      skipFrames: 0,
      drawnFrames: 29,
    };
    const bar = progressBarFilter('timed', 'video', { width: 540, scale: 0.5, fullAtFrame: 20, firstFrame: 0, color: '#E63946' })!;
    const graph = distinctPicturesGraph({ pictures: 1, runs, background: [{ input: 0, picture, first: 0, fadeFrames: 0 }] }, 25, bar);
    const [flags, ...chains] = graph.split(';');
    assert.equal(flags, 'sws_flags=bilinear');
    assert.ok(chains[0]!.startsWith('[0:v]format=gbrp'), chains[0]);
    assert.match(chains[7]!, /\[span0\]$/);
    assert.equal(chains[8], '[span0]null[background]');
    assert.match(chains[9]!, /^\[1:v\]settb=1,setpts='\(7\*gte\(N,1\)\+22\*gte\(N,2\)\)',zscale=.*,format=yuva420p,split\[colour\]\[alpha\]$/);
    assert.equal(chains[10], '[colour]format=yuv420p,fps=1[pictures]');
    assert.match(chains[13]!, /mergeplanes=0x001020:yuv420p,fps=1\[mask\]$/);
    assert.equal(chains[14], '[background][pictures][mask]maskedmerge,settb=1/25,setpts=N,fps=25[timed]');
    assert.equal(chains.slice(15).join(';'), bar);
    assert.match(graph, /\[video\]$/);
  });
});
