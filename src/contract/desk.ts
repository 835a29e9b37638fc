// The desk's HTTP API bodies beside the review edit (review.ts): what an editor submits, a job's progress and
// states as the desk shows them, the links a desk job carries and the error body. zod only: the page imports it.
import { z } from 'zod';
import { DEFAULT_MAX_CHARS, MAX_SPEED, MIN_SPEED } from './narration-limits.ts';
import { StyleEditSchema } from './review.ts';
import { VideoFormatSchema } from './video.ts';

/**
 * The version of the desk's API (OpenAPI's info.version): a change to these schemas or review.ts's is a change of
 * contract and bumps it, the minor for a field added, the major for one changed or removed. 1.1: DeskJob.style.
 * 1.2: GET /api/settings.
 */
export const DESK_API_VERSION = '1.2.0';

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** What an editor may choose per job; anything left out takes the desk's configured default. */
export const DeskJobOptionsSchema = z.strictObject({
  speed: z.number().min(MIN_SPEED).max(MAX_SPEED).optional(),
  /** The video ends at the last whole sentence within this length; the renderer refuses one shorter than the closing card. */
  maxSeconds: z.number().positive().optional(),
  /**
   * true: the config's music bed under the voice (refused where the config has none); false: none, even where it
   * has one; left out: the config's, if any. A browser never names a file on the server.
   */
  music: z.boolean().optional(),
  brand: z
    .strictObject({ brandName: z.string(), logoSrc: z.string(), accentColor: z.string().min(1) })
    .partial()
    .optional(),
});

const submissionOptions = {
  formats: z
    .array(VideoFormatSchema)
    .min(1)
    .refine((formats) => new Set(formats).size === formats.length, 'names a format twice: give each once')
    .optional(),
  voice: z.string().min(1).optional(),
  ...DeskJobOptionsSchema.shape,
  /** Off: the job renders as soon as it is narrated, as feed jobs do. */
  review: z.boolean().default(true),
};

/** A page the server reads, as a feed item's page is. */
export const UrlSubmissionSchema = z.strictObject({ url: HttpUrl, ...submissionOptions });

/** Text pasted in the desk: the title becomes the title card, the text's blank lines separate paragraphs. */
export const TextSubmissionSchema = z.strictObject({
  title: z.string().trim().min(1, 'the title is empty: write one'),
  text: z
    .string()
    .trim()
    .min(1, 'the text is empty: paste the article')
    .max(
      DEFAULT_MAX_CHARS,
      `the text is over the limit of ${DEFAULT_MAX_CHARS.toLocaleString('en')} characters: split it into parts and submit each`,
    ),
  ...submissionOptions,
});

/** POST /api/jobs: exactly one source, a URL or a title with its text (strict objects refuse both at once). */
export const DeskSubmissionSchema = z.union([UrlSubmissionSchema, TextSubmissionSchema], {
  error: 'give either { url } or { title, text }, not both',
});
export type DeskSubmission = z.infer<typeof DeskSubmissionSchema>;

/** What a desk offers a submission (GET /api/settings), so a page builds its form from the desk's own choices. */
export const DeskSettingsSchema = z.object({
  /** A submission's formats when it names none. */
  formats: z.array(VideoFormatSchema).min(1),
  /** Every Kokoro voice a submission may name (alone or in a blend "ef_dora:0.7,em_alex:0.3"). */
  voices: z.array(z.string()),
  /** Whether the config names a music bed, the one a submission's `music: true` asks for. */
  music: z.boolean(),
});
export type DeskSettings = z.infer<typeof DeskSettingsSchema>;

/** Narrating: Kokoro passes done of total; rendering: frames; revising: the passes an edit made again. */
export const JobProgressSchema = z
  .object({
    stage: z.enum(['narrating', 'rendering', 'revising']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    /** null until enough is done to estimate. */
    etaMs: z.number().nonnegative().nullable(),
  })
  .refine((progress) => progress.done <= progress.total, { error: 'done must not pass total', path: ['done'] });
export type JobProgress = z.infer<typeof JobProgressSchema>;

/**
 * A job's states (contract B): awaitingReview after narration when review is on, revising while one editor's change
 * is re-synthesized, rejected for good. afterEach: the folder is published and the afterEach command runs (again,
 * after a crash); never produced again.
 */
export const JOB_STATES = ['queued', 'narrating', 'awaitingReview', 'revising', 'rendering', 'afterEach', 'done', 'failed', 'rejected'] as const;
export const DeskJobStateSchema = z.enum(JOB_STATES);
export type DeskJobState = z.infer<typeof DeskJobStateSchema>;

/** A job's spec fields (src/schedule/job.ts checks its folder on top): what it makes and from what. */
export const JobSpecFieldsSchema = z.object({
  key: z.string().min(1),
  /** null: submitted at the desk, not read from a feed. */
  feedUrl: HttpUrl.nullable(),
  /** The article's page; null for text pasted at the desk (`text`). */
  itemUrl: HttpUrl.nullable(),
  /** Text pasted at the desk, narrated under `title` (its title card) instead of a page read from `itemUrl`. */
  text: z.string().min(1).max(DEFAULT_MAX_CHARS).optional(),
  /** Stop at awaitingReview once narrated; render only once an editor approves (missing in older stores: off). */
  review: z.boolean().optional(),
  /** An editor's choices for this job over the config's (desk submissions). */
  options: DeskJobOptionsSchema.optional(),
  guid: z.string().nullable(),
  title: z.string().min(1),
  publishedAt: z.iso.datetime().nullable(),
  voice: z.string().min(1).nullable(),
  language: z.string().min(1).nullable(),
  formats: z.array(VideoFormatSchema).min(1),
  /** The item's folder relative to the output root (YYYY-MM-DD/<slug>-<hash>). */
  folder: z.string(),
});

/** Where a job stands in its store. */
export const JobStatusSchema = z.object({
  id: z.string(),
  state: DeskJobStateSchema,
  attempts: z.number().int().nonnegative(),
  /** The last failure, or why an editor rejected it. */
  lastError: z.string().nullable(),
  /** When the publish step succeeded but the afterEach command failed: its error. The video is not redone. */
  afterEachError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Queued jobs: not before this time (backoff after a transient failure). */
  nextAttemptAt: z.string().nullable(),
  /** Bumped by every change of state or content: a desk's change names the revision it saw (compare-and-set). */
  revision: z.number().int().nonnegative(),
  /** What made the latest revision (a stale change is told, e.g. "approved at a desk"); null before any. */
  lastChange: z.string().nullable(),
  progress: JobProgressSchema.nullable(),
  /** An editor approved the narration: the next attempt renders it as it is, with no new synthesis. */
  approved: z.boolean(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** Where a desk job's files are, as URLs under /api; null while the job has not made that file yet. */
export const DeskJobLinksSchema = z.object({
  narration: z.string().nullable(),
  files: z.string(),
  /** Only the formats rendered so far. */
  videos: z.partialRecord(VideoFormatSchema, z.string()),
  thumbnail: z.string().nullable(),
  jobJson: z.string().nullable(),
});
export type DeskJobLinks = z.infer<typeof DeskJobLinksSchema>;

/** A job as every endpoint returns it: spec, status, the links to its files and the style an editor saved. */
export const DeskJobSchema = JobSpecFieldsSchema.extend(JobStatusSchema.shape)
  .extend({
    links: DeskJobLinksSchema,
    /** The style props saved by the desk's edits so far ({} for none), over the composition's defaults: what renders once approved. */
    style: StyleEditSchema,
  })
  .meta({ id: 'DeskJob' });
export type DeskJob = z.infer<typeof DeskJobSchema>;

/** Every 4xx/5xx body: one line that says the problem and the fix. */
export const ApiErrorSchema = z.object({ error: z.string().min(1) });
export type ApiError = z.infer<typeof ApiErrorSchema>;
