// npm run bench:render: render speed of the video on the committed sample narration (made by the product), the
// plain full render (every frame by Remotion) and the product's render (each distinct picture once, held by
// ffmpeg) side by side in one run, for landscape and vertical at 1080p, vertical again with one picture (the lead
// image behind every section) and with three (one per section, crossfading), both moving all the time; then the
// product's render at 720p. For each pair: frames/s,
// render time ÷ video duration, and SSIM between the two videos at every frame (min and mean). One bundle and one
// browser serve every render, as in the product; a small warm-up render opens them before anything is timed.
// Then the product as users run it, each command its own process: `render --article` on a real-shaped news page
// with a lead image served on 127.0.0.1 (narration included), `render --from` of what it made, and `render --from`
// of the same narration with three pictures in turn, moving and held still (`motion: false`); the ratios are
// printed side by side.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_LAYOUT, videoFrames } from '../remotion/NewsVideo/screen.ts';
import { runCommand } from '../src/cli/run.ts';
import { NarrationSchema, type Narration } from '../src/contract/narration.ts';
import type { VideoFormat } from '../src/contract/video.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { pictureRuns } from '../src/render/distinct-frames.ts';
import { VideoRenderer, type RenderMode } from '../src/render/render-video.ts';
import { send, startServer } from '../test/helpers/server.ts';
import { copySampleNarration, sectionMedia, withSectionImages, writeTestPicture, writeTexturedPicture } from '../test/helpers/sample.ts';
import { ffprobe, ssimPerFrame } from '../test/helpers/video.ts';

const FPS = 30;

/** No picture (the brand background), one (the lead image behind every section), or one per section. */
type Pictures = 'none' | 'one' | 'three';

interface Case {
  format: VideoFormat;
  label: string;
  scale: number;
  pictures: Pictures;
  modes: readonly RenderMode[];
}
const CASES: readonly Case[] = [
  { format: 'vertical', label: '1080x1920', scale: 1, pictures: 'none', modes: ['full', 'distinct'] },
  { format: 'landscape', label: '1920x1080', scale: 1, pictures: 'none', modes: ['full', 'distinct'] },
  { format: 'vertical', label: '1080x1920 + 1 image', scale: 1, pictures: 'one', modes: ['full', 'distinct'] },
  { format: 'vertical', label: '1080x1920 + 3 images', scale: 1, pictures: 'three', modes: ['full', 'distinct'] },
  { format: 'vertical', label: '720x1280', scale: 2 / 3, pictures: 'none', modes: ['distinct'] },
  { format: 'landscape', label: '1280x720', scale: 2 / 3, pictures: 'none', modes: ['distinct'] },
];

/** Three textured photos of different shapes, each with its focus off-centre and a credit. */
const SECTION_PICTURES = [
  { file: 'uno.jpg', width: 1600, height: 1000, focus: { x: 0.3, y: 0.5 }, credit: 'Ana Pérez', hue: 0 },
  { file: 'dos.jpg', width: 1000, height: 1500, focus: { x: 0.5, y: 0.3 }, credit: 'EFE', hue: 120 },
  { file: 'tres.jpg', width: 1200, height: 1200, focus: { x: 0.7, y: 0.6 }, credit: 'Archivo', hue: 230 },
];

async function writeSectionPictures(folder: string): Promise<void> {
  for (const picture of SECTION_PICTURES)
    await writeTexturedPicture(path.join(folder, picture.file), picture.width, picture.height, picture.hue, picture.file.slice(0, -4).toUpperCase());
}

/** A copy of the sample narration in a folder of its own, with generated pictures when asked. */
async function narrationFolder(pictures: Pictures): Promise<{ folder: string; narration: Narration }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'bench-render-'));
  const sample = await copySampleNarration(folder, pictures === 'one');
  if (pictures !== 'three') return { folder, narration: sample };
  await writeSectionPictures(folder);
  // The sample's paragraph cut at its third sentence: title, paragraph, paragraph, each with its picture.
  const narration = withSectionImages(sample, SECTION_PICTURES, 2);
  await writeFile(path.join(folder, 'narration.json'), JSON.stringify(narration, null, 2));
  return { folder, narration };
}

/**
 * A copy of the narration folder `from` at `to` whose sections show SECTION_PICTURES in turn (title included):
 * the same article and length as the single-picture render, so the two ratios differ only by the pictures.
 */
async function withPicturesInTurn(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
  await writeSectionPictures(to);
  const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(to, 'narration.json'), 'utf8')));
  const media = sectionMedia(SECTION_PICTURES);
  const sections = narration.sections.map((section, index) => ({ ...section, media: index % media.length }));
  await writeFile(path.join(to, 'narration.json'), JSON.stringify({ ...narration, media, sections }, null, 2));
}

/** Wall time of `npm run render -- ...args` as a process, and the duration of the video it made. */
async function timedRender(args: readonly string[], out: string): Promise<{ seconds: number; videoSeconds: number }> {
  const start = performance.now();
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'cli', 'render.ts'), ...args, '--format', 'vertical', '--out', out],
    { cwd: PROJECT_ROOT },
  );
  const seconds = (performance.now() - start) / 1000;
  return { seconds, videoSeconds: Number((await ffprobe(path.join(out, 'video.mp4'))).format.duration) };
}

/**
 * `render --article` of test/fixtures/noticia-es.html (its lead image generated) served on 127.0.0.1, then
 * `render --from` of the result and of the three-picture narration, moving and held still. Also the three
 * `render --from` ratios.
 */
async function endToEnd(): Promise<{ rows: string[]; single: number; multi: number; still: number }> {
  const work = await mkdtemp(path.join(tmpdir(), 'bench-render-article-'));
  const image = path.join(work, 'lead.jpg');
  await writeTestPicture(image, 1200, 800);
  const server = await startServer({
    '/noticia': send(readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'noticia-es.html'), 'utf8'), 'text/html; charset=utf-8'),
    '/img/biblioteca-grande.jpg': send(readFileSync(image), 'image/jpeg'),
  });
  try {
    const rows: string[] = [];
    const row = (command: string, { seconds, videoSeconds }: { seconds: number; videoSeconds: number }) =>
      `| \`${command}\` | ${videoSeconds.toFixed(1)} | ${seconds.toFixed(1)} | ${(seconds / videoSeconds).toFixed(2)} | ${loadavg()[0]!.toFixed(1)} |`;
    process.stderr.write('bench:render: render --article (narration included)...\n');
    rows.push(row('render --article URL --format vertical', await timedRender(['--article', server.url('/noticia')], path.join(work, 'article'))));
    process.stderr.write('bench:render: render --from...\n');
    const single = await timedRender(['--from', path.join(work, 'article')], path.join(work, 'again'));
    rows.push(row('render --from DIR --format vertical', single));
    process.stderr.write('bench:render: render --from, three pictures...\n');
    const threePictures = path.join(work, 'article-three-pictures');
    await withPicturesInTurn(path.join(work, 'article'), threePictures);
    const multi = await timedRender(['--from', threePictures], path.join(work, 'three'));
    rows.push(row('render --from DIR --format vertical (the same article, 3 images in turn)', multi));
    // The props' way out of the per-frame cost: the pictures held still, so the browser's pictures are held too.
    process.stderr.write('bench:render: render --from, three pictures held still...\n');
    const still = await timedRender(['--from', threePictures, '--props', JSON.stringify({ motion: false })], path.join(work, 'three-still'));
    rows.push(row('render --from DIR --format vertical --props {"motion":false} (3 images in turn, held still)', still));
    const ratioOf = (timed: { seconds: number; videoSeconds: number }) => timed.seconds / timed.videoSeconds;
    return { rows, single: ratioOf(single), multi: ratioOf(multi), still: ratioOf(still) };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const renderer = new VideoRenderer();
  const settings = (format: VideoFormat, scale: number, mode: RenderMode) => ({
    formats: [format],
    fps: FPS as 30,
    scale,
    concurrency: null,
    props: {},
    mode,
    // Render speed alone: the loudness step is timed on its own below.
    loudness: null,
  });
  const load = () => loadavg()[0]!.toFixed(1);
  try {
    const warmUp = await narrationFolder('none');
    process.stderr.write('bench:render: warm-up (bundle, browser)...\n');
    await renderer.render(warmUp.folder, warmUp.narration, settings('square', 0.1, 'full'));
    const rows: string[] = [];
    const ratios: Partial<Record<Pictures, number>> = {};
    for (const { format, label, scale, pictures: shown, modes } of CASES) {
      const videos: Partial<Record<RenderMode, { file: string; seconds: number }>> = {};
      for (const mode of modes) {
        const { folder, narration } = await narrationFolder(shown);
        process.stderr.write(`bench:render: ${format} ${label} ${mode} (load average ${load()})...\n`);
        const start = performance.now();
        const rendered = await renderer.render(folder, narration, settings(format, scale, mode));
        videos[mode] = { file: rendered.videos[format]!, seconds: (performance.now() - start) / 1000 };
        const frames = videoFrames(narration, FPS, DEFAULT_LAYOUT);
        // ffmpeg moves the pictures (and the brand background): the browser's pictures change only with their text.
        const pictures = mode === 'full' ? frames : pictureRuns(narration, FPS, DEFAULT_LAYOUT, false).length;
        const { seconds } = videos[mode];
        if (mode === 'distinct' && scale === 1 && format === 'vertical') ratios[shown] = seconds / (frames / FPS);
        let similarity = '';
        if (mode === 'distinct' && videos.full) {
          const ssim = await ssimPerFrame(videos.full.file, videos.distinct!.file);
          similarity = `${Math.min(...ssim).toFixed(4)} / ${(ssim.reduce((sum, value) => sum + value, 0) / ssim.length).toFixed(4)} (${ssim.length} frames)`;
        }
        const speedUp = mode === 'distinct' && videos.full ? `${(videos.full.seconds / seconds).toFixed(2)}×` : '';
        const kbits = (Number((await ffprobe(videos[mode].file)).format.bit_rate) / 1000).toFixed(0);
        rows.push(
          `| ${format} | ${label} | ${mode} | ${frames} | ${pictures} | ${seconds.toFixed(1)} | ${(frames / seconds).toFixed(2)} | ${(seconds / (frames / FPS)).toFixed(2)} | ${speedUp} | ${similarity} | ${kbits} | ${load()} |`,
        );
      }
    }
    const products = await endToEnd();
    const ratio = (value: number | undefined) => (value === undefined ? '-' : `${value.toFixed(2)}×`);
    process.stdout.write(
      [
        `Sample narration (public/sample): ${(warmUp.narration.audio.durationMs / 1000).toFixed(1)} s of audio plus the ${DEFAULT_LAYOUT.closingSeconds} s closing card; ${FPS} fps, x264 veryfast (full) and superfast (distinct), Remotion's default concurrency, ${cpus().length} CPU cores.`,
        'Render time covers the whole VideoRenderer.render call: composition, thumbnail, pictures, encoding and the narration muxed in.',
        '',
        '| format | size | mode | frames | pictures rendered | render (s) | frames/s | render time ÷ video duration | full ÷ distinct time | SSIM full vs distinct: min / mean | video kbit/s | load average (1 min) |',
        '|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
        ...rows,
        '',
        'The product as users run it, each command a process of its own (start-up included), on test/fixtures/noticia-es.html with a 1200x800 lead image, served on 127.0.0.1:',
        '',
        '| command | video (s) | wall time (s) | wall time ÷ video duration | load average (1 min) |',
        '|---|---:|---:|---:|---:|',
        ...products.rows,
        '',
        'Render time ÷ video duration, vertical 1080x1920, side by side:',
        '',
        '| pictures | VideoRenderer.render (sample) | `render --from` (a process) |',
        '|---|---:|---:|',
        `| none (brand background) | ${ratio(ratios.none)} | |`,
        `| 1 image (every section) | ${ratio(ratios.one)} | ${ratio(products.single)} (noticia-es.html) |`,
        `| 3 images (one per section) | ${ratio(ratios.three)} | ${ratio(products.multi)} (noticia-es.html, 3 images in turn) |`,
        `| 3 images, held still (motion: false) | | ${ratio(products.still)} (noticia-es.html, 3 images in turn) |`,
        '',
      ].join('\n'),
    );
  } finally {
    await renderer.close();
  }
}

await runCommand(main);
