// The files of one narration, written into a folder that `publishFolder` puts in place only when all of them
// are complete. Every path narration.json names is relative to its own folder.
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ArticleSchema,
  NarrationSchema,
  SeedTimestampsSchema,
  type Article,
  type MediaImage,
  type Narration,
  type RunRecord,
  type SeedTimestamps,
} from '../contract/narration.ts';
import type { LoudnessTarget } from '../platform/loudness.ts';
import { encodeMp3, writeWav } from '../audio/encode.ts';
import { toSrt, toWebVtt } from '../captions/formats.ts';
import { toRemotionCaptions } from '../captions/remotion-captions.ts';
import type { NarrationAudio } from '../contract/pipeline.ts';

export const NARRATION_FILE = 'narration.json';
export const AUDIO_FILE = 'audio.mp3';
export const SEED_AUDIO_FILE = 'unico_directo.mp3';
export const SEED_TIMESTAMPS_FILE = 'timestamps_corregidos.json';
export const NARRATION_FILES: Narration['files'] = {
  captions: 'captions.json',
  srt: 'captions.srt',
  vtt: 'captions.vtt',
  timestamps: 'timestamps.json',
};

export interface WriteOptions {
  wav?: boolean;
  /** Also write the seed's file names, for scripts written against the original tool. */
  seedCompat?: boolean;
  /** The article record (metadata and clean paragraphs), written as article.json and summarized in narration.json. */
  article?: Article;
  /** The pictures, already saved in the folder, and the index of the one each section shows (null: the brand background). */
  media?: { images: MediaImage[]; sections: Array<number | null> };
  run: RunRecord;
  /** audio.mp3's integrated loudness, LUFS; null keeps the voice's own level (audio.wav always does). */
  loudness: LoudnessTarget | null;
}

export function seedTimestamps(narration: Pick<Narration, 'phrases'>): SeedTimestamps {
  return SeedTimestampsSchema.parse(
    narration.phrases.map((phrase) => ({ text: phrase.text, start_ms: Math.round(phrase.startMs), end_ms: Math.round(phrase.endMs) })),
  );
}

function narrationArticle(article: Article): NonNullable<Narration['article']> {
  const { paragraphs: _paragraphs, ...metadata } = article;
  return metadata;
}

export async function writeNarrationFiles(folder: string, result: NarrationAudio, options: WriteOptions): Promise<Narration> {
  const media = options.media ?? { images: [], sections: [] };
  const narration = NarrationSchema.parse({
    ...result.narration,
    audio: { ...result.narration.audio, file: AUDIO_FILE },
    files: NARRATION_FILES,
    sections: result.narration.sections.map((section, index) => ({ ...section, media: media.sections[index] ?? null })),
    media: media.images,
    ...(options.article ? { article: narrationArticle(options.article) } : {}),
    run: options.run,
  });
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const write = (name: string, data: string | Uint8Array) => writeFile(path.join(folder, name), data);
  await encodeMp3(result.track, path.join(folder, AUDIO_FILE), options.loudness);
  if (options.wav) await writeWav(result.track, path.join(folder, 'audio.wav'));
  const timestamps = json(seedTimestamps(narration));
  await write(NARRATION_FILES.timestamps, timestamps);
  if (options.seedCompat) {
    await write(SEED_TIMESTAMPS_FILE, timestamps);
    await copyFile(path.join(folder, AUDIO_FILE), path.join(folder, SEED_AUDIO_FILE));
  }
  if (options.article) await write('article.json', json(ArticleSchema.parse(options.article)));
  await write(NARRATION_FILES.captions, json(toRemotionCaptions(narration.words)));
  await write(NARRATION_FILES.srt, toSrt(narration.cues));
  await write(NARRATION_FILES.vtt, toWebVtt(narration.cues));
  await write(NARRATION_FILE, json(narration));
  return narration;
}
