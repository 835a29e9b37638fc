// npm run screenshots: README's pictures. One still per format from the committed sample narration, at the middle
// of a word in the body so the highlight shows; then, per format, three stills of the same narration with a
// picture per section (three textured test photos with focus points and credits): the title over the first, the
// subtitles over the second, and the crossfade into the third. Small JPEGs: they are committed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mediaSpans } from '../remotion/NewsVideo/media-motion.ts';
import { DEFAULT_LAYOUT, videoFrames, wordMidpointFrame } from '../remotion/NewsVideo/screen.ts';
import { runCommand } from '../src/cli/run.ts';
import { VIDEO_FORMATS } from '../src/contract/video.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { VideoRenderer } from '../src/render/render-video.ts';
import { copySampleNarration, withSectionImages, writeTexturedPicture } from '../test/helpers/sample.ts';

const SAMPLE = path.join(PROJECT_ROOT, 'public', 'sample');
const OUT = path.join(PROJECT_ROOT, 'docs', 'screenshots');
const FPS = 30;
const PICTURES = [
  { file: 'uno.jpg', width: 1600, height: 1000, focus: { x: 0.3, y: 0.5 }, credit: 'Ana Pérez', hue: 0, label: 'UNO' },
  { file: 'dos.jpg', width: 1000, height: 1500, focus: { x: 0.5, y: 0.3 }, credit: 'EFE', hue: 120, label: 'DOS' },
  { file: 'tres.jpg', width: 1200, height: 1200, focus: { x: 0.7, y: 0.6 }, credit: 'Archivo', hue: 230, label: 'TRES' },
];

async function main(): Promise<void> {
  const withPictures = await mkdtemp(path.join(tmpdir(), 'screenshots-'));
  const sample = await copySampleNarration(withPictures, false);
  for (const picture of PICTURES)
    await writeTexturedPicture(path.join(withPictures, picture.file), picture.width, picture.height, picture.hue, picture.label);
  // The sample's paragraph cut at its third sentence: title, paragraph, paragraph, each with its picture.
  const narration = withSectionImages(sample, PICTURES, 2);
  await writeFile(path.join(withPictures, 'narration.json'), JSON.stringify(narration, null, 2));
  const spans = mediaSpans(narration, FPS, videoFrames(narration, FPS, DEFAULT_LAYOUT));
  const stills = [
    {
      name: '',
      folder: SAMPLE,
      frame: wordMidpointFrame(
        sample,
        sample.words.findIndex((word) => word.text === 'horario'),
        FPS,
      ),
      scale: 0.3,
    },
    { name: '-pictures-1', folder: withPictures, frame: Math.floor(spans[0]!.frames / 2), scale: 0.25 },
    { name: '-pictures-2', folder: withPictures, frame: spans[1]!.first + Math.floor(spans[1]!.frames / 2), scale: 0.25 },
    { name: '-pictures-3', folder: withPictures, frame: spans[2]!.first + Math.floor(spans[2]!.fadeFrames / 2), scale: 0.25 },
  ];
  await mkdir(OUT, { recursive: true });
  const renderer = new VideoRenderer();
  try {
    for (const format of VIDEO_FORMATS) {
      for (const { name, folder, frame, scale } of stills) {
        const output = path.join(OUT, `${format}${name}.jpg`);
        await renderer.still(folder, { format, fps: FPS, frame, output, scale, imageFormat: 'jpeg' });
        process.stdout.write(`${path.relative(PROJECT_ROOT, output)}\n`);
      }
    }
  } finally {
    await renderer.close();
    await rm(withPictures, { recursive: true, force: true });
  }
}

await runCommand(main);
