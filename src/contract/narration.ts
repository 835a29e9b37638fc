// The files the pipeline writes are the product's API: every stage and the Remotion composition read them
// through these schemas, so a change here is a change of contract and bumps NARRATION_VERSION.
// This module imports zod only: the Remotion bundle (a browser) imports it too.
import { z } from 'zod';
import { BREAK_STRENGTHS, breakStrengthBetween } from './break-strength.ts';
import { MAX_SPEED, MIN_SPEED } from './narration-limits.ts';
import { TIMING_METHODS } from './timing-method.ts';

export const NARRATION_VERSION = 4;

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

const index = z.number().int().nonnegative();

/**
 * A written word, with the index of the sentence, phrase, cue and section it belongs to. `startMs`/`endMs` sit
 * on the word's audible sound; `frameStartMs`/`frameEndMs` are the frame-exact span Kokoro's durations gave its
 * phonemes in the pass. A refined end never passes `frameEndMs`; a start may reach back over sound running into
 * the word's frames, never before the previous word's `frameEndMs`. `breakAfter`: how strongly the text breaks
 * after it (src/contract/break-strength.ts), where subtitles prefer to cut.
 */
export const WordSchema = TimedSpanSchema.extend({
  frameStartMs: z.number().nonnegative(),
  frameEndMs: z.number().nonnegative(),
  sentence: index,
  phrase: index,
  cue: index,
  section: index,
  breakAfter: z.enum(BREAK_STRENGTHS),
});

export const SectionKindSchema = z.enum(['title', 'paragraph']);

/**
 * The title (when the narration has one) and every paragraph, each as the time it is read. `media`: the index of
 * the picture behind it in `Narration.media`, null for the brand background.
 */
export const SectionSchema = TimedSpanSchema.extend({ kind: SectionKindSchema, media: index.nullable() });
export type Section = z.infer<typeof SectionSchema>;

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
  /** The page's Spanish regional variant (es-ES, es-MX, es-AR…) from <html lang>, og:locale or its domain; null off the web. */
  locale: z.string().nullable(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  publishedTime: z.string().nullable(),
  language: z.string(),
  leadImageUrl: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
});

/** What ingestion makes of a page or file: the metadata the video needs and the body as clean paragraphs. */
export const ArticleSchema = ArticleMetadataSchema.extend({
  excerpt: z.string().nullable(),
  /** Where the article was read from: the page's final URL after redirects, or the local file's path. */
  sourceUrl: z.string().nullable(),
  paragraphs: z.array(z.string().min(1)).min(1),
});
export type Article = z.infer<typeof ArticleSchema>;

export const ImageTypeSchema = z.enum(['jpeg', 'png', 'webp', 'gif']);
export type ImageType = z.infer<typeof ImageTypeSchema>;

/** A point of an image as fractions of its width and height (0,0 top left): what a crop keeps in view. */
export const FocusPointSchema = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) });

export const MediaOriginSchema = z.enum(['lead', 'article', 'user']);

/** A picture saved beside narration.json; `file` is relative to narration.json's folder. */
export const MediaImageSchema = z.object({
  file: z.string(),
  type: ImageTypeSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  caption: z.string().nullable(),
  /** Who took or owns it, as the page names them; shown on screen as "Foto: …". */
  credit: z.string().nullable(),
  /** Where it was downloaded from; null for a picture a user supplied. */
  sourceUrl: z.string().nullable(),
  focus: FocusPointSchema,
  /** The page's lead image, an image of the article's body, or one a user added. */
  origin: MediaOriginSchema,
});
export type MediaImage = z.infer<typeof MediaImageSchema>;

export const NarrationArticleSchema = ArticleMetadataSchema.extend({
  excerpt: z.string().nullable(),
  sourceUrl: z.string().nullable(),
});

export const SourceKindSchema = z.enum(['article', 'text', 'file', 'stdin', 'sample']);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** Who made this narration, from what, with which model: enough to tell two runs apart and to reproduce one. */
export const RunRecordSchema = z.object({
  id: z.string().min(1),
  createdAt: z.iso.datetime(),
  source: z.object({ kind: SourceKindSchema, location: z.string().nullable() }),
  model: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  productVersion: z.string(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

/** The other files of a narration, each relative to narration.json's folder. */
export const NarrationFilesSchema = z.object({
  captions: z.string(),
  srt: z.string(),
  vtt: z.string(),
  timestamps: z.string(),
});

export const NarrationSchema = z.object({
  version: z.literal(NARRATION_VERSION),
  /** The written text that was narrated; every charStart/charEnd indexes into it. */
  text: z.string(),
  language: z.string(),
  /** The regional variant the spoken forms followed (es-ES, es-MX…); null for languages without regional rules. */
  locale: z.string().nullable(),
  voice: z.string(),
  speed: z.number().min(MIN_SPEED).max(MAX_SPEED),
  timing: z.enum(TIMING_METHODS),
  audio: z.object({
    /** Relative to narration.json's folder. */
    file: z.string(),
    sampleRate: z.number().int().positive(),
    durationMs: z.number().nonnegative(),
  }),
  files: NarrationFilesSchema,
  words: z.array(WordSchema),
  phrases: z.array(TimedSpanSchema),
  sentences: z.array(TimedSpanSchema),
  sections: z.array(SectionSchema),
  cues: z.array(CueSchema),
  /** The pictures the sections show (each section names its own by index); empty when there are none. */
  media: z.array(MediaImageSchema),
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
  calibration: z.object({ scalingFactor: z.number().positive(), phraseSilenceMs: z.number().nonnegative() }).optional(),
  /**
   * Present when the narration was cut to a length (--max-seconds): it ends at that sentence end, before the
   * article does, and the closing card says where the full story is. `fullTextChars`: the length of the whole text.
   */
  shortened: z.object({ maxSeconds: z.number().positive(), fullTextChars: z.number().int().positive() }).optional(),
  article: NarrationArticleSchema.optional(),
  run: RunRecordSchema,
});
export type Narration = z.infer<typeof NarrationSchema>;

type OlderNarration = Record<string, unknown> & { version: number };

/** Version 2 had no `breakAfter` on its words: derived from the text between them, by the rule that makes it. */
function fromVersion2(json: OlderNarration & { text: string; words: Array<{ charEnd: number }> }): OlderNarration {
  const words = json.words.map((word, index, all) => {
    const next = all[index + 1] as { charStart: number } | undefined;
    return { ...word, breakAfter: breakStrengthBetween(json.text.slice(word.charEnd, next?.charStart ?? json.text.length), !next) };
  });
  return { ...json, version: 3, words };
}

interface Version3Article extends Record<string, unknown> {
  leadImageUrl?: string | null;
  leadImage?: { file: string; type: ImageType; width: number; height: number } | null;
}

/**
 * Version 3 had one picture, the lead image in `article.leadImage`, behind every section: it becomes media[0],
 * centred, and every section shows it.
 */
function fromVersion3(json: OlderNarration & { article?: Version3Article; sections?: unknown }): OlderNarration {
  const { leadImage, ...article } = json.article ?? {};
  const media: MediaImage[] = leadImage
    ? [
        {
          ...leadImage,
          caption: null,
          credit: null,
          sourceUrl: article.leadImageUrl ?? null,
          focus: { x: 0.5, y: 0.5 },
          origin: 'lead',
        },
      ]
    : [];
  const sections = Array.isArray(json.sections)
    ? json.sections.map((section: Record<string, unknown>) => ({ ...section, media: media.length > 0 ? 0 : null }))
    : json.sections;
  return { ...json, version: NARRATION_VERSION, ...(json.article ? { article } : {}), sections, media };
}

function upgraded(json: OlderNarration): unknown {
  const looksLikeVersion2 = json.version === 2 && typeof json.text === 'string' && Array.isArray(json.words);
  const version3 = looksLikeVersion2 ? fromVersion2(json as Parameters<typeof fromVersion2>[0]) : json;
  return version3.version === 3 ? fromVersion3(version3) : version3;
}

/**
 * A narration.json as this version reads it (versions 2 and 3 are brought up to it), or the problem with it in
 * words, for the one line that tells the user.
 */
export function readNarration(json: unknown): { narration: Narration; problem: null } | { narration: null; problem: string } {
  const version = typeof json === 'object' && json !== null && 'version' in json ? (json as { version: unknown }).version : undefined;
  if (typeof version === 'number' && version !== NARRATION_VERSION && version !== 2 && version !== 3) {
    return {
      narration: null,
      problem: `it is narration version ${version}, and this version of the product reads versions 2 to ${NARRATION_VERSION}; narrate the article again`,
    };
  }
  const result = NarrationSchema.safeParse(typeof version === 'number' ? upgraded(json as OlderNarration) : json);
  if (result.success) return { narration: result.data, problem: null };
  const issue = result.error.issues[0]!;
  return { narration: null, problem: `it does not match the narration schema (${issue.path.join('.') || 'the top level'}: ${issue.message})` };
}

/** The seed's `timestamps.json` / `timestamps_corregidos.json`: one entry per phrase. */
export const SeedTimestampsSchema = z.array(z.object({ text: z.string(), start_ms: z.number().nonnegative(), end_ms: z.number().nonnegative() }));
export type SeedTimestamps = z.infer<typeof SeedTimestampsSchema>;
