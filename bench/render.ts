// npm run bench:render: render speed of the video, for landscape and vertical at 1080p and 720p, on the
// committed sample narration (made by the product). One bundle and one browser serve every render, as in the
// product; a small warm-up render opens them before anything is timed.
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '../src/cli/run.ts';
import { NarrationSchema } from '../src/contract/narration.ts';
import type { VideoFormat } from '../src/contract/video.ts';
import { PROJECT_ROOT } from '../src/kokoro/model-files.ts';
import { VideoRenderer } from '../src/render/render-video.ts';

const SAMPLE = path.join(PROJECT_ROOT, 'public', 'sample');
const FPS = 30;
const CASES: ReadonlyArray<{ format: VideoFormat; label: string; scale: number }> = [
  { format: 'landscape', label: '1920x1080', scale: 1 },
  { format: 'landscape', label: '1280x720', scale: 2 / 3 },
  { format: 'vertical', label: '1080x1920', scale: 1 },
  { format: 'vertical', label: '720x1280', scale: 2 / 3 },
];

async function main(): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'bench-render-'));
  await cp(SAMPLE, folder, { recursive: true });
  const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(folder, 'narration.json'), 'utf8')));
  const renderer = new VideoRenderer();
  const settings = (format: VideoFormat, scale: number) => ({ formats: [format], fps: FPS as 30, scale, concurrency: null, props: {} });
  try {
    process.stderr.write('bench:render: warm-up (bundle, browser)...\n');
    await renderer.render(folder, narration, settings('square', 0.1));
    const rows: string[] = [];
    for (const { format, label, scale } of CASES) {
      process.stderr.write(`bench:render: ${format} ${label}...\n`);
      let frames = 0;
      const start = performance.now();
      await renderer.render(folder, narration, settings(format, scale), (progress) => (frames = progress.total));
      const seconds = (performance.now() - start) / 1000;
      const videoSeconds = frames / FPS;
      rows.push(`| ${format} | ${label} | ${frames} | ${seconds.toFixed(1)} | ${(frames / seconds).toFixed(2)} | ${(seconds / videoSeconds).toFixed(2)} |`);
    }
    process.stdout.write(
      [
        `Sample narration: ${(narration.audio.durationMs / 1000).toFixed(1)} s of audio; the video adds the closing card. ${FPS} fps, x264 veryfast, Remotion's default concurrency.`,
        '',
        '| format | size | frames | render (s) | frames/s | render time ÷ video duration |',
        '|---|---|---:|---:|---:|---:|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await renderer.close();
  }
}

await runCommand(main);
