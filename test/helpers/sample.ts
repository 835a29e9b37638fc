// The committed sample narration (public/sample, made by the product) as render tests and bench:render use it:
// read, or copied into a folder of their own, with a generated lead image when the case needs one (the sample
// has none).
import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { ffmpegPath } from '../../src/media/ffmpeg.ts';
import { NarrationSchema, type Narration } from '../../src/contract/narration.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';

const SAMPLE = path.join(PROJECT_ROOT, 'public', 'sample');
const LEAD_IMAGE = { file: 'lead.jpg', width: 1600, height: 1000 };

export async function sampleNarration(): Promise<Narration> {
  return NarrationSchema.parse(JSON.parse(await readFile(path.join(SAMPLE, 'narration.json'), 'utf8')));
}

/** The narration with one picture, the lead image, behind every section. */
export function withLeadImage(narration: Narration, width: number, height: number): Narration {
  const image = {
    file: LEAD_IMAGE.file,
    type: 'jpeg',
    width,
    height,
    caption: null,
    credit: null,
    sourceUrl: null,
    focus: { x: 0.5, y: 0.5 },
  } as const;
  return { ...narration, media: [{ ...image, origin: 'lead' }], sections: narration.sections.map((section) => ({ ...section, media: 0 })) };
}

/** A sharp-edged, photo-sized JPEG (ffmpeg's testsrc2): edges and colours show any shift or blur of the picture. */
export async function writeTestPicture(file: string, width: number, height: number): Promise<void> {
  await promisify(execFile)(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=s=${width}x${height}`, '-frames:v', '1', '-q:v', '3', file]);
}

/** The sample narration copied into `folder`, with a test picture as its lead image when asked. */
export async function copySampleNarration(folder: string, leadImage: boolean): Promise<Narration> {
  await cp(SAMPLE, folder, { recursive: true });
  const narration = await sampleNarration();
  if (!leadImage) return narration;
  await writeTestPicture(path.join(folder, LEAD_IMAGE.file), LEAD_IMAGE.width, LEAD_IMAGE.height);
  const withImage = withLeadImage(narration, LEAD_IMAGE.width, LEAD_IMAGE.height);
  await writeFile(path.join(folder, 'narration.json'), JSON.stringify(withImage, null, 2));
  return withImage;
}

/**
 * A textured photo-sized picture made by sharp: stripes, rings and a label in one hue, so SSIM and colour both tell
 * pictures apart, softened by a one-pixel blur as a lens softens a photo: vector-sharp edges, which no photo has,
 * alias differently in the browser's resampling and in ffmpeg's.
 */
export async function writeTexturedPicture(file: string, width: number, height: number, hue: number, label: string): Promise<void> {
  const rings = Array.from({ length: 24 }, (_, index) => {
    const [x, y] = [((index * 0.37) % 1) * width, ((index * 0.61) % 1) * height];
    return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(0.04 + (index % 5) * 0.02) * width}" fill="none" stroke="hsl(${hue + 30},80%,75%)" stroke-width="${6 + (index % 3) * 4}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><pattern id="s" width="48" height="48" patternUnits="userSpaceOnUse" patternTransform="rotate(30)">
<rect width="48" height="48" fill="hsl(${hue},70%,38%)"/><rect width="20" height="48" fill="hsl(${hue},75%,52%)"/></pattern></defs>
<rect width="100%" height="100%" fill="url(#s)"/>${rings}
<text x="50%" y="50%" font-family="DejaVu Sans" font-weight="bold" font-size="${0.12 * Math.min(width, height)}" fill="white" text-anchor="middle">${label}</text></svg>`;
  await sharp(Buffer.from(svg)).blur(1).jpeg({ quality: 90 }).toFile(file);
}

/** One of the pictures of withSectionImages: its file's size, focus and credit; the file is made by writeTexturedPicture. */
export interface SectionPicture {
  file: string;
  width: number;
  height: number;
  focus: { x: number; y: number };
  credit: string | null;
}

/**
 * The sample narration with one picture per section: its one paragraph is cut in two at the sentence starting at
 * `cutAtSentence` (a cue starts there too), so the title and the two paragraphs show pictures 0, 1 and 2.
 */
export function withSectionImages(narration: Narration, pictures: readonly SectionPicture[], cutAtSentence: number): Narration {
  const cut = narration.sentences[cutAtSentence]!;
  const [title, paragraph] = narration.sections;
  if (!title || !paragraph || narration.sections.length !== 2) throw new Error('the sample narration has a title and one paragraph');
  const before = narration.sentences[cutAtSentence - 1]!;
  const sections = [
    { ...title, media: 0 },
    { ...paragraph, text: narration.text.slice(paragraph.charStart, before.charEnd), charEnd: before.charEnd, endMs: before.endMs, media: 1 },
    { ...paragraph, text: narration.text.slice(cut.charStart, paragraph.charEnd), charStart: cut.charStart, startMs: cut.startMs, media: 2 },
  ];
  return {
    ...narration,
    sections,
    words: narration.words.map((word) => (word.charStart >= cut.charStart ? { ...word, section: 2 } : word)),
    media: sectionMedia(pictures),
  };
}

/** The pictures as the narration's media, article pictures with their credits. */
export function sectionMedia(pictures: readonly SectionPicture[]): Narration['media'] {
  return pictures.map(({ file, width, height, focus, credit }) => ({
    file,
    type: 'jpeg' as const,
    width,
    height,
    caption: null,
    credit,
    sourceUrl: null,
    focus,
    origin: 'article' as const,
  }));
}
