// The committed sample narration (public/sample, made by the product) as render tests and bench:render use it:
// read, or copied into a folder of their own, with a generated lead image when the case needs one (the sample
// has none).
import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
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
