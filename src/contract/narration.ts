// The files the pipeline writes are the product's API: every stage and the Remotion composition read them
// through these schemas, so a change here is a change of contract and bumps NARRATION_VERSION.
import { z } from 'zod';

export const NARRATION_VERSION = 1;

/** A piece of the written text (what subtitles show) with the time its voice occupies in the final audio. */
export const TimedSpanSchema = z.object({
  text: z.string(),
  startMs: z.number().nonnegative(),
  endMs: z.number().nonnegative(),
  /** UTF-16 offsets into `Narration.text`, end exclusive. */
  charStart: z.number().int().nonnegative(),
  charEnd: z.number().int().nonnegative(),
});
export type TimedSpan = z.infer<typeof TimedSpanSchema>;

export const TimingMethodSchema = z.enum(['exact', 'calibrated']);
export type TimingMethod = z.infer<typeof TimingMethodSchema>;

export const CueSchema = z.object({
  startMs: z.number().nonnegative(),
  endMs: z.number().nonnegative(),
  /** One or two lines, each at most 42 characters where a word allows it. */
  lines: z.array(z.string()).min(1).max(2),
  charStart: z.number().int().nonnegative(),
  charEnd: z.number().int().nonnegative(),
});
export type Cue = z.infer<typeof CueSchema>;

export const ArticleMetadataSchema = z.object({
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  publishedTime: z.string().nullable(),
  language: z.string(),
  leadImageUrl: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
});
export type ArticleMetadata = z.infer<typeof ArticleMetadataSchema>;

/** What ingestion makes of a page or file: the metadata the video needs and the body as clean paragraphs. */
export const ArticleSchema = ArticleMetadataSchema.extend({
  excerpt: z.string().nullable(),
  paragraphs: z.array(z.string().min(1)).min(1),
});
export type Article = z.infer<typeof ArticleSchema>;

export const NarrationSchema = z.object({
  version: z.literal(NARRATION_VERSION),
  /** The written text that was narrated; every charStart/charEnd indexes into it. */
  text: z.string(),
  language: z.string(),
  voice: z.string(),
  speed: z.number().min(0.5).max(2),
  timing: TimingMethodSchema,
  audio: z.object({
    file: z.string(),
    sampleRate: z.number().int().positive(),
    durationMs: z.number().nonnegative(),
  }),
  words: z.array(TimedSpanSchema),
  phrases: z.array(TimedSpanSchema),
  sentences: z.array(TimedSpanSchema),
  cues: z.array(CueSchema),
  /** One entry per Kokoro pass: where it sits in the final audio and how many phoneme tokens it read. */
  chunks: z.array(
    z.object({
      startMs: z.number().nonnegative(),
      endMs: z.number().nonnegative(),
      charStart: z.number().int().nonnegative(),
      charEnd: z.number().int().nonnegative(),
      tokenCount: z.number().int().positive(),
    }),
  ),
  /** Present only with timing "calibrated": the seed's single stretch factor. */
  calibration: z
    .object({ scalingFactor: z.number().positive(), phraseSilenceMs: z.number().nonnegative() })
    .optional(),
  article: ArticleMetadataSchema.optional(),
});
export type Narration = z.infer<typeof NarrationSchema>;

/** The seed's `timestamps.json` / `timestamps_corregidos.json`: one entry per phrase. */
export const SeedTimestampsSchema = z.array(
  z.object({ text: z.string(), start_ms: z.number().nonnegative(), end_ms: z.number().nonnegative() }),
);
export type SeedTimestamps = z.infer<typeof SeedTimestampsSchema>;
