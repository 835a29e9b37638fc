// The files of one narration, written so that a failure leaves nothing that looks finished: every file is
// produced under a temporary name first, and only when all exist are they renamed into place,
// narration.json (the file that says "done") last.
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ArticleSchema, NarrationSchema, SeedTimestampsSchema, type Article, type Narration, type SeedTimestamps } from '../contract/narration.ts';
import { encodeMp3, encodeWav } from '../audio/encode.ts';
import { toSrt, toWebVtt } from '../captions/formats.ts';
import type { NarrationAudio } from '../pipeline/narrator.ts';
import { temporaryPathFor } from './atomic.ts';

export const AUDIO_FILE = 'audio.mp3';
export const SEED_AUDIO_FILE = 'unico_directo.mp3';
export const SEED_TIMESTAMPS_FILE = 'timestamps_corregidos.json';

export interface WriteOptions {
  wav?: boolean;
  /** Also write the seed's file names, for scripts written against the original tool. */
  seedCompat?: boolean;
  /** The article record (metadata and clean paragraphs), written as article.json. */
  article?: Article;
}

export function seedTimestamps(narration: Pick<Narration, 'phrases'>): SeedTimestamps {
  return SeedTimestampsSchema.parse(
    narration.phrases.map((phrase) => ({ text: phrase.text, start_ms: Math.round(phrase.startMs), end_ms: Math.round(phrase.endMs) })),
  );
}

export async function writeNarrationFiles(outDir: string, result: NarrationAudio, options: WriteOptions = {}): Promise<Narration> {
  await mkdir(outDir, { recursive: true });
  const narration = NarrationSchema.parse({
    ...result.narration,
    audio: { ...result.narration.audio, file: AUDIO_FILE },
    ...(options.article ? { article: options.article } : {}),
  });
  const staged: Array<[temporary: string, target: string]> = [];
  const stage = async (name: string, produce: (temporary: string) => Promise<void>) => {
    const target = path.join(outDir, name);
    const temporary = temporaryPathFor(target);
    staged.push([temporary, target]);
    await produce(temporary);
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  try {
    await stage(AUDIO_FILE, (temporary) => encodeMp3(result.samples, narration.audio.sampleRate, temporary));
    if (options.wav) await stage('audio.wav', (temporary) => writeFile(temporary, encodeWav(result.samples, narration.audio.sampleRate)));
    const timestamps = json(seedTimestamps(narration));
    await stage('timestamps.json', (temporary) => writeFile(temporary, timestamps));
    if (options.seedCompat) {
      await stage(SEED_TIMESTAMPS_FILE, (temporary) => writeFile(temporary, timestamps));
      await stage(SEED_AUDIO_FILE, (temporary) => copyFile(staged[0]![0], temporary));
    }
    if (options.article) {
      const article = json(ArticleSchema.parse(options.article));
      await stage('article.json', (temporary) => writeFile(temporary, article));
    }
    await stage('captions.srt', (temporary) => writeFile(temporary, toSrt(narration.cues)));
    await stage('captions.vtt', (temporary) => writeFile(temporary, toWebVtt(narration.cues)));
    await stage('narration.json', (temporary) => writeFile(temporary, json(narration)));
  } catch (error) {
    await Promise.all(staged.map(([temporary]) => rm(temporary, { force: true })));
    throw error;
  }
  for (const [temporary, target] of staged) await rename(temporary, target);
  return narration;
}
