// The desk's HTTP API bodies beside the review edit (review.ts): what an editor submits, a job's progress and
// states as the desk shows them, the links a desk job carries and the error body. zod only: the page imports it.
import { z } from 'zod';
import { VideoFormatSchema } from './video.ts';

/**
 * The longest text a submission may paste: the narrator's own default limit (DEFAULT_MAX_CHARS in
 * src/pipeline/request.ts, which this pure module cannot import; a unit test keeps the two equal).
 */
export const DESK_TEXT_MAX_CHARS = 50_000;

// The narration schema's speed range (MIN_SPEED/MAX_SPEED in src/pipeline/request.ts, kept equal by a unit test).
const MIN_SPEED = 0.5;
const MAX_SPEED = 2;

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** What an editor may choose per job; anything left out takes the desk's configured default. */
const submissionOptions = {
  formats: z
    .array(VideoFormatSchema)
    .min(1)
    .refine((formats) => new Set(formats).size === formats.length, 'names a format twice: give each once')
    .optional(),
  voice: z.string().min(1).optional(),
  speed: z.number().min(MIN_SPEED).max(MAX_SPEED).optional(),
  /** The video ends at the last whole sentence within this length; the renderer refuses one shorter than the closing card. */
  maxSeconds: z.number().positive().optional(),
  /** The desk's configured music bed under the voice: a browser never names a file on the server. */
  music: z.boolean().optional(),
  brand: z
    .strictObject({ brandName: z.string(), logoSrc: z.string(), accentColor: z.string().min(1) })
    .partial()
    .optional(),
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
      DESK_TEXT_MAX_CHARS,
      `the text is over the limit of ${DESK_TEXT_MAX_CHARS.toLocaleString('en')} characters: split it into parts and submit each`,
    ),
  ...submissionOptions,
});

/** POST /api/jobs: exactly one source, a URL or a title with its text (strict objects refuse both at once). */
export const DeskSubmissionSchema = z.union([UrlSubmissionSchema, TextSubmissionSchema], {
  error: 'give either { url } or { title, text }, not both',
});
export type DeskSubmission = z.infer<typeof DeskSubmissionSchema>;

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
 * The job states with review (contract B). src/schedule/job.ts's JOB_STATES gains the review ones with the store's
 * migration; until then the desk names its own list.
 */
export const DESK_JOB_STATES = ['queued', 'narrating', 'awaitingReview', 'revising', 'rendering', 'afterEach', 'done', 'failed', 'rejected'] as const;
export const DeskJobStateSchema = z.enum(DESK_JOB_STATES);
export type DeskJobState = z.infer<typeof DeskJobStateSchema>;

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

/** Every 4xx/5xx body: one line that says the problem and the fix. */
export const ApiErrorSchema = z.object({ error: z.string().min(1) });
export type ApiError = z.infer<typeof ApiErrorSchema>;
