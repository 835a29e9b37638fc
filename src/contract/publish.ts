// publish.json: what an upload needs beside the video files (title, description, chapters, covers, the
// synthetic-voice disclosure), so a person, the desk or afterEach can publish without reading narration.json.
// zod only, like the rest of the contract.
import { z } from 'zod';
import { VideoFormatSchema } from './video.ts';

export const PUBLISH_VERSION = 1;

export const ChapterSchema = z.object({
  /** Where the chapter starts in the video. */
  startMs: z.number().nonnegative(),
  /** As YouTube's description shows it: m:ss, or h:mm:ss past an hour. */
  timestamp: z.string(),
  title: z.string().min(1),
});
export type Chapter = z.infer<typeof ChapterSchema>;

export const PublishRecordSchema = z.object({
  version: z.literal(PUBLISH_VERSION),
  title: z.string().min(1),
  /** The same text as description.txt. */
  description: z.string(),
  /** The narration's language (Kokoro's code: es, en-us, fr…) and, for Spanish, its regional variant. */
  language: z.string(),
  locale: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  /** Every platform's terms ask for it: the voice is synthetic. */
  syntheticVoice: z.object({ disclosure: z.string(), model: z.string(), voice: z.string() }),
  durationSeconds: z.number().positive(),
  /** YouTube chapters; empty when the video has fewer than 3 sections of 10 s or more. */
  chapters: z.array(ChapterSchema),
  /** Per rendered format: the video and its cover (the title card), relative to publish.json's folder. */
  videos: z.array(z.object({ format: VideoFormatSchema, file: z.string(), cover: z.string() })),
  descriptionFile: z.string(),
});
export type PublishRecord = z.infer<typeof PublishRecordSchema>;
