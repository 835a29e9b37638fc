// npm run bench:focus: how much of a photo's subject the vertical (9:16) and square (1:1) crops keep, centred on
// the middle of the picture versus on the focus point that src/media/focus-point.ts takes from smartcrop (sharp
// adapter). The photos are real ones that ship inside scikit-image's wheel (skimage/data, public domain or
// CC0); each subject box below was marked by hand. Get them with
//   pip download --no-deps --only-binary=:all: scikit-image -d /tmp/sk
//   unzip -j /tmp/sk/scikit_image-*.whl 'skimage/data/*' -d bench/photos
// (or FOCUS_PHOTOS=<folder>). Without them the bench says so and skips. Results: bench/results/focus-crop.txt.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { focusPoint } from '../src/media/focus-point.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';

type Box = { x0: number; y0: number; x1: number; y1: number };

/** The subject a crop must keep, as fractions of the picture, marked by hand over a 10% grid. */
const SUBJECTS: Record<string, { what: string; box: Box }> = {
  'astronaut.png': { what: 'the astronaut’s head', box: { x0: 0.3, y0: 0.03, x1: 0.59, y1: 0.33 } },
  'camera.png': { what: 'the cameraman’s head and camera', box: { x0: 0.31, y0: 0.12, x1: 0.64, y1: 0.42 } },
  'chelsea.png': { what: 'the cat’s eyes and nose', box: { x0: 0.28, y0: 0.22, x1: 0.78, y1: 0.9 } },
  'coffee.png': { what: 'the cup', box: { x0: 0.29, y0: 0.04, x1: 0.69, y1: 0.55 } },
  'rocket.jpg': { what: 'the rocket', box: { x0: 0.47, y0: 0.3, x1: 0.53, y1: 0.95 } },
  'motorcycle_left.png': { what: 'the motorcycle', box: { x0: 0.16, y0: 0.18, x1: 0.93, y1: 0.9 } },
};
const ASPECTS: Array<[string, number]> = [
  ['9:16', 9 / 16],
  ['1:1', 1],
];

/** The largest window of `aspect` (width/height) in a width x height picture, centred on `focus`, kept inside it. */
function cropWindow(width: number, height: number, aspect: number, focus: { x: number; y: number }): Box {
  const w = Math.min(width, height * aspect);
  const h = w / aspect;
  const x0 = Math.min(Math.max(focus.x * width - w / 2, 0), width - w);
  const y0 = Math.min(Math.max(focus.y * height - h / 2, 0), height - h);
  return { x0: x0 / width, y0: y0 / height, x1: (x0 + w) / width, y1: (y0 + h) / height };
}

/** The fraction of the subject box's area inside the crop. */
function kept(subject: Box, crop: Box): number {
  const overlap =
    Math.max(0, Math.min(subject.x1, crop.x1) - Math.max(subject.x0, crop.x0)) *
    Math.max(0, Math.min(subject.y1, crop.y1) - Math.max(subject.y0, crop.y0));
  return overlap / ((subject.x1 - subject.x0) * (subject.y1 - subject.y0));
}

const folder = process.env.FOCUS_PHOTOS ?? path.join(PROJECT_ROOT, 'bench/photos');
const present = Object.keys(SUBJECTS).filter((name) => existsSync(path.join(folder, name)));
if (present.length === 0) {
  process.stdout.write(
    `focus-crop: skipped, none of the photos (${Object.keys(SUBJECTS).join(', ')}) is in ${folder}; see the header of bench/focus-crop.ts\n`,
  );
  process.exit(0);
}

const lines = ['photo (subject)                              crop   centre  smartcrop  (share of the subject box kept)'];
const totals = new Map<string, { centre: number; smart: number; count: number }>();
for (const name of present) {
  const file = path.join(folder, name);
  const { width, height } = await sharp(file).metadata();
  const focus = await focusPoint(file, width, height);
  const { what, box } = SUBJECTS[name]!;
  for (const [label, aspect] of ASPECTS) {
    // A crop of the picture's own shape (or wider) keeps everything: nothing to compare.
    if (aspect < width / height) {
      const centre = kept(box, cropWindow(width, height, aspect, { x: 0.5, y: 0.5 }));
      const smart = kept(box, cropWindow(width, height, aspect, focus));
      const total = totals.get(label) ?? { centre: 0, smart: 0, count: 0 };
      totals.set(label, { centre: total.centre + centre, smart: total.smart + smart, count: total.count + 1 });
      lines.push(`${`${name} (${what})`.padEnd(44)} ${label.padEnd(5)}  ${centre.toFixed(2).padStart(6)}  ${smart.toFixed(2).padStart(9)}`);
    }
  }
  lines.push(`${''.padEnd(44)} focus  x ${focus.x.toFixed(2)}, y ${focus.y.toFixed(2)} (${width}x${height})`);
}
for (const [label, total] of totals) {
  lines.push(
    `mean ${label.padEnd(5)} over ${total.count} photos: centre ${(total.centre / total.count).toFixed(2)}, smartcrop ${(total.smart / total.count).toFixed(2)}`,
  );
}
const report = `${lines.join('\n')}\n`;
process.stdout.write(report);
await writeFile(path.join(PROJECT_ROOT, 'bench/results/focus-crop.txt'), report);
