// The video, end to end on real parts: the real model narrates, Remotion renders with a real Chromium (never a
// downloaded one), and the results are checked with ffprobe, by cross-correlating the audio, and by reading
// the pixels of rendered stills (the highlight box found by its colour, the word inside it read by tesseract).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { wordMidpointFrame } from '../../remotion/NewsVideo/screen.ts';
import { NarrationSchema, type Narration } from '../../src/contract/narration.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { BROWSER_DOWNLOAD_ENV } from '../../src/render/browser.ts';
import { VideoRenderer } from '../../src/render/render-video.ts';
import { decodeAudio, runCli } from '../helpers/env.ts';
import { bestLag, boxOfColor, ffprobe, mp4TopLevelBoxes, ocrRegion, rgbPixels } from '../helpers/video.ts';

process.env[BROWSER_DOWNLOAD_ENV] = 'never';
const ARTIFACTS = path.join(PROJECT_ROOT, 'out', 'test-artifacts');
const FPS = 30;
const HIGHLIGHT: [number, number, number] = [255, 210, 63];

async function readNarration(folder: string): Promise<Narration> {
  return NarrationSchema.parse(JSON.parse(await readFile(path.join(folder, 'narration.json'), 'utf8')));
}

function assertOneErrorLine(result: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(result.code, 1, result.stderr);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^error: /);
  assert.match(lines[0]!, pattern);
}

describe('render', () => {
  let work: string;
  let folder: string;
  let narration: Narration;

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'render-'));
    folder = path.join(work, 'video');
    const result = await runCli('src/cli/render.ts', [
      '--title',
      'Presupuesto aprobado',
      '--text',
      'El ayuntamiento aprobó ayer el presupuesto municipal para el próximo año.',
      '--format',
      'vertical',
      '--scale',
      '0.5',
      '--out',
      folder,
    ]);
    assert.equal(result.code, 0, result.stderr);
    narration = await readNarration(folder);
  });

  it('writes H.264 yuv420p + AAC with the index first (faststart), not cut short', async () => {
    const probe = await ffprobe(path.join(folder, 'video.mp4'));
    const video = probe.streams.find((stream) => stream.codec_type === 'video')!;
    const audio = probe.streams.find((stream) => stream.codec_type === 'audio')!;
    assert.equal(video.codec_name, 'h264');
    assert.equal(video.pix_fmt, 'yuv420p');
    assert.equal(audio.codec_name, 'aac');
    assert.deepEqual([video.width, video.height], [540, 960]);
    assert.ok(
      Number(probe.format.duration) * 1000 >= narration.audio.durationMs - 1000 / FPS,
      `${probe.format.duration} s < ${narration.audio.durationMs} ms`,
    );
    const boxes = await mp4TopLevelBoxes(path.join(folder, 'video.mp4'));
    assert.ok(boxes.indexOf('moov') < boxes.indexOf('mdat'), boxes.join(','));
  });

  it("lines the video's audio up with audio.mp3 within one frame (cross-correlation)", async () => {
    const rate = 8000;
    const [narrated, inVideo] = await Promise.all([
      decodeAudio(path.join(folder, 'audio.mp3'), rate),
      decodeAudio(path.join(folder, 'video.mp4'), rate),
    ]);
    const { lag, correlation } = bestLag(narrated, inVideo, rate / 5);
    assert.ok(correlation > 0.9, `correlation ${correlation}`);
    assert.ok(Math.abs(lag) <= rate / FPS, `lag ${((1000 * lag) / rate).toFixed(1)} ms`);
  });

  it('writes the thumbnail, captions.json and every narration file, and nothing else', async () => {
    assert.deepEqual((await readdir(folder)).sort(), [
      'article.json',
      'audio.mp3',
      'captions.json',
      'captions.srt',
      'captions.vtt',
      'description.txt',
      'narration.json',
      'publish.json',
      'thumbnail.jpg',
      'timestamps.json',
      'video.mp4',
    ]);
    const thumbnail = await ffprobe(path.join(folder, 'thumbnail.jpg'));
    assert.deepEqual([thumbnail.streams[0]!.width, thumbnail.streams[0]!.height], [540, 960]);
    const captions = JSON.parse(await readFile(path.join(folder, 'captions.json'), 'utf8')) as Array<{ text: string; startMs: number }>;
    assert.deepEqual(
      captions.map((caption) => caption.text.trim()),
      narration.words.map((word) => word.text),
    );
    assert.equal(narration.sections[0]!.kind, 'title');
    assert.equal(narration.sections[0]!.text, 'Presupuesto aprobado');
    // A refined end never leaves the word's frames; a start may reach back over sound running into its frames,
    // never into the previous word's frames.
    narration.words.forEach((word, index) => {
      const previousFrameEnd = narration.words[index - 1]?.frameEndMs ?? 0;
      assert.ok(
        word.startMs >= previousFrameEnd && word.startMs < word.endMs && word.endMs <= word.frameEndMs,
        `${word.text}: refined time outside its bounds`,
      );
    });
  });

  it('renders again --from the folder in another format and style, with no synthesis', async () => {
    const again = path.join(work, 'square');
    const result = await runCli('src/cli/render.ts', [
      '--from',
      folder,
      '--format',
      'square',
      '--scale',
      '0.25',
      '--props',
      '{"highlightStyle":"underline"}',
      '--out',
      again,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const copied = await readNarration(again);
    assert.equal(copied.run.id, narration.run.id, 'the narration is the same run, not a new synthesis');
    const video = (await ffprobe(path.join(again, 'video.mp4'))).streams.find((stream) => stream.codec_type === 'video')!;
    assert.deepEqual([video.width, video.height], [270, 270]);
  });

  it('shows the spoken word highlighted at the midpoints of three words, read from the pixels', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const renderer = new VideoRenderer();
    try {
      for (const wanted of ['ayuntamiento', 'presupuesto', 'municipal']) {
        const index = narration.words.findIndex((word) => word.text === wanted);
        assert.ok(index >= 0, wanted);
        const still = path.join(ARTIFACTS, `still-${wanted}.png`);
        const frame = wordMidpointFrame(narration, index, FPS);
        await renderer.still(folder, {
          format: 'landscape',
          fps: FPS,
          frame,
          output: still,
          props: { highlightStyle: 'box', highlightColor: '#FFD23F' },
        });
        const box = boxOfColor(await rgbPixels(still), HIGHLIGHT);
        assert.ok(box && box.pixels > 500, `no highlight box in ${still}`);
        const read = await ocrRegion(still, box, path.join(work, `ocr-${wanted}.png`));
        assert.equal(read.toLowerCase().replace(/[^\p{L}]/gu, ''), wanted, `${still}: the box holds "${read}"`);
      }
    } finally {
      await renderer.close();
    }
  });

  it('stops on Ctrl-C during rendering and leaves nothing behind', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'interrupt-'));
    const out = path.join(parent, 'video');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/render.ts'), '--from', folder, '--out', out, '--scale', '0.5', '--verbose'],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (data: Buffer) => {
        stderr += data.toString();
        if (/render landscape [1-9]\d*\/\d+/.test(stderr)) resolve();
      });
      void exit.then(() => resolve());
    });
    child.kill('SIGINT');
    assert.equal(await exit, 130, stderr);
    assert.equal(stderr.split('\n').filter((line) => line.startsWith('error: ')).length, 1, stderr);
    assert.match(stderr, /error: Interrupted: the unfinished output is removed and nothing was written to/);
    assert.deepEqual(await readdir(parent), []);
  });

  describe('bad input: one error line, exit 1, no output folder', () => {
    let parent: string;
    before(async () => {
      parent = await mkdtemp(path.join(tmpdir(), 'render-bad-'));
    });

    const cases: Array<[string, () => string[], RegExp]> = [
      ['a missing narration folder', () => ['--from', path.join(parent, 'nowhere')], /holds no narration\.json.*--from the folder of a finished/],
      ['an unknown format', () => ['--from', folder, '--format', 'wide'], /Unknown format "wide"/],
      ['an unsupported frame rate', () => ['--from', folder, '--fps', '24'], /--fps 24 is not supported/],
      ['a video over --max-minutes', () => ['--from', folder, '--max-minutes', '0.01'], /over --max-minutes 0\.01.*--force/],
      ['a browser that does not exist', () => ['--from', folder, '--browser', path.join(parent, 'no-chrome')], /does not exist/],
      ['a browser that does not start', () => ['--from', folder, '--browser', '/bin/false'], /could not be started/],
      // A file where a folder should be: no permission bit stops root, this does.
      ['an out folder that cannot be written', () => ['--from', folder, '--out', path.join(folder, 'video.mp4', 'out')], /cannot be created/],
    ];
    for (const [name, args, pattern] of cases) {
      it(name, async () => {
        const out = path.join(parent, name.replace(/\W+/g, '-'));
        const argv = args();
        const result = await runCli('src/cli/render.ts', argv.includes('--out') ? argv : [...argv, '--out', out]);
        assertOneErrorLine(result, pattern);
        assert.equal(existsSync(out), false);
      });
    }

    it('a narration.json of version 1', async () => {
      const old = path.join(parent, 'v1');
      await mkdir(old);
      await writeFile(path.join(old, 'narration.json'), JSON.stringify({ version: 1, text: 'Hola.', words: [] }));
      const result = await runCli('src/cli/render.ts', ['--from', old, '--out', path.join(parent, 'from-v1')]);
      assertOneErrorLine(result, /narration version 1.*narrate the article again/);
    });
  });
});
