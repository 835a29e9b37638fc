// One job: one feed item to one published folder. Both queues (SQLite, BullMQ) keep these fields. What a store
// gives back is data anyone with write access to it may have shaped (a Redis without a password, a copied
// SQLite file), so a job is validated when read, and its folder must be the one its key and title name.
import { z } from 'zod';
import { VideoFormatSchema } from '../contract/video.ts';
import { UserError } from '../errors.ts';
import { itemName } from './output-layout.ts';

/** afterEach: the folder is published and the afterEach command runs (again, after a crash); never produced again. */
export const JOB_STATES = ['queued', 'narrating', 'rendering', 'afterEach', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** What a job needs to run, fixed when the item is first seen. */
export const JobSpecSchema = z
  .object({
    key: z.string().min(1),
    feedUrl: HttpUrl,
    itemUrl: HttpUrl,
    guid: z.string().nullable(),
    title: z.string().min(1),
    publishedAt: z.iso.datetime().nullable(),
    voice: z.string().min(1).nullable(),
    language: z.string().min(1).nullable(),
    formats: z.array(VideoFormatSchema).min(1),
    /** The item's folder relative to the output root (YYYY-MM-DD/<slug>-<hash>). */
    folder: z.string(),
  })
  .superRefine((spec, context) => {
    const [day, name, ...rest] = spec.folder.split('/');
    if (rest.length > 0 || !z.iso.date().safeParse(day).success || name !== itemName(spec)) {
      context.addIssue({
        code: 'custom',
        path: ['folder'],
        message: `must be YYYY-MM-DD/${itemName(spec)} (the day and the name its key and title give), not ${JSON.stringify(spec.folder)}`,
      });
    }
  });
export type JobSpec = z.infer<typeof JobSpecSchema>;

/** `raw` as a job's spec, or a permanent error that says what is wrong with it: never worth another attempt. */
export function parseJobSpec(raw: unknown, id: string): JobSpec {
  const result = JobSpecSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'the job'} ${issue.message}`).join('; ');
  throw new UserError(
    `Job ${id} in the store is not a valid job (${problems}); it was refused and nothing was written`,
    'Something other than this scheduler wrote to the job store: secure it (a Redis password, file permissions)',
  );
}

export interface JobView extends JobSpec {
  id: string;
  state: JobState;
  attempts: number;
  lastError: string | null;
  /** When the publish step succeeded but the afterEach command failed: its error. The video is not redone. */
  afterEachError: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Queued jobs: not before this time (backoff after a transient failure). */
  nextAttemptAt: string | null;
}
