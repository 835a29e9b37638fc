// npm run screenshots: README's pictures, one still per format from the committed sample narration, at the
// middle of a word in the body so the highlight shows. Small JPEGs: they are committed.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { wordMidpointFrame } from '../remotion/NewsVideo/screen.ts';
import { runCommand } from '../src/cli/run.ts';
import { NarrationSchema } from '../src/contract/narration.ts';
import { VIDEO_FORMATS } from '../src/contract/video.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { VideoRenderer } from '../src/render/render-video.ts';

const SAMPLE = path.join(PROJECT_ROOT, 'public', 'sample');
const OUT = path.join(PROJECT_ROOT, 'docs', 'screenshots');
const FPS = 30;

async function main(): Promise<void> {
  const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(SAMPLE, 'narration.json'), 'utf8')));
  const wordIndex = narration.words.findIndex((word) => word.text === 'horario');
  await mkdir(OUT, { recursive: true });
  const renderer = new VideoRenderer();
  try {
    for (const format of VIDEO_FORMATS) {
      const output = path.join(OUT, `${format}.jpg`);
      await renderer.still(SAMPLE, {
        format,
        fps: FPS,
        frame: wordMidpointFrame(narration, wordIndex, FPS),
        output,
        scale: 0.3,
        imageFormat: 'jpeg',
      });
      process.stdout.write(`${path.relative(PROJECT_ROOT, output)}\n`);
    }
  } finally {
    await renderer.close();
  }
}

await runCommand(main);
