// npm run bench:render: render speed of the video on the committed sample narration (made by the product), the
// plain full render (every frame by Remotion) and the product's render (each distinct picture once, held by
// ffmpeg) side by side in one run, for landscape and vertical at 1080p, and vertical again with a lead image (its
// title card zooms, so every title frame is drawn); then the product's render at 720p. For each pair: frames/s,
// render time ÷ video duration, and SSIM between the two videos at every frame (min and mean). One bundle and one
// browser serve every render, as in the product; a small warm-up render opens them before anything is timed.
// Then the product as users run it, each command its own process: `render --article` on a real-shaped news page
// with a lead image served on 127.0.0.1 (narration included), and `render --from` of what it made.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_LAYOUT, videoFrames } from '../remotion/NewsVideo/screen.ts';
import { runCommand } from '../src/cli/run.ts';
import type { Narration } from '../src/contract/narration.ts';
import type { VideoFormat } from '../src/contract/video.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { pictureRuns } from '../src/render/distinct-frames.ts';
import { VideoRenderer, type RenderMode } from '../src/render/render-video.ts';
import { send, startServer } from '../test/helpers/server.ts';
import { copySampleNarration, writeTestPicture } from '../test/helpers/sample.ts';
import { ffprobe, ssimPerFrame } from '../test/helpers/video.ts';

const FPS = 30;

interface Case {
  format: VideoFormat;
  label: string;
  scale: number;
  leadImage: boolean;
  modes: readonly RenderMode[];
}
const CASES: readonly Case[] = [
  { format: 'vertical', label: '1080x1920', scale: 1, leadImage: false, modes: ['full', 'distinct'] },
  { format: 'landscape', label: '1920x1080', scale: 1, leadImage: false, modes: ['full', 'distinct'] },
  { format: 'vertical', label: '1080x1920 + lead image', scale: 1, leadImage: true, modes: ['full', 'distinct'] },
  { format: 'vertical', label: '720x1280', scale: 2 / 3, leadImage: false, modes: ['distinct'] },
  { format: 'landscape', label: '1280x720', scale: 2 / 3, leadImage: false, modes: ['distinct'] },
];

/** A copy of the sample narration in a folder of its own, with a generated lead image when asked. */
async function narrationFolder(leadImage: boolean): Promise<{ folder: string; narration: Narration }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'bench-render-'));
  return { folder, narration: await copySampleNarration(folder, leadImage) };
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

/** `render --article` of test/fixtures/noticia-es.html (its lead image generated) served on 127.0.0.1, then `render --from` of the result. */
async function endToEnd(): Promise<string[]> {
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
    rows.push(row('render --from DIR --format vertical', await timedRender(['--from', path.join(work, 'article')], path.join(work, 'again'))));
    return rows;
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
    const warmUp = await narrationFolder(false);
    process.stderr.write('bench:render: warm-up (bundle, browser)...\n');
    await renderer.render(warmUp.folder, warmUp.narration, settings('square', 0.1, 'full'));
    const rows: string[] = [];
    for (const { format, label, scale, leadImage, modes } of CASES) {
      const videos: Partial<Record<RenderMode, { file: string; seconds: number }>> = {};
      for (const mode of modes) {
        const { folder, narration } = await narrationFolder(leadImage);
        process.stderr.write(`bench:render: ${format} ${label} ${mode} (load average ${load()})...\n`);
        const start = performance.now();
        const rendered = await renderer.render(folder, narration, settings(format, scale, mode));
        videos[mode] = { file: rendered.videos[format]!, seconds: (performance.now() - start) / 1000 };
        const frames = videoFrames(narration, FPS, DEFAULT_LAYOUT);
        // With a JPEG lead image, ffmpeg moves it: the title card's pictures change only with its lit word.
        const pictures = mode === 'full' ? frames : pictureRuns(narration, FPS, DEFAULT_LAYOUT, !leadImage).length;
        const { seconds } = videos[mode];
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
        ...(await endToEnd()),
        '',
      ].join('\n'),
    );
  } finally {
    await renderer.close();
  }
}

await runCommand(main);
