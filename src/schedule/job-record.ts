// job.json: what a published folder is, where it came from and how long it took, written last into the
// folder before it is published, so a folder with a job.json for its key is a finished job.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { VideoFormatSchema } from '../contract/video.ts';

export const JOB_RECORD_FILE = 'job.json';

export const JobRecordSchema = z.object({
  version: z.literal(1),
  key: z.string(),
  source: z.object({
    feed: z.string().nullable(),
    item: z.string().nullable(),
    guid: z.string().nullable(),
    title: z.string(),
    publishedAt: z.string().nullable(),
  }),
  times: z.object({ firstSeenAt: z.string(), startedAt: z.string(), narratedAt: z.string(), finishedAt: z.string() }),
  durations: z.object({
    narrationMs: z.number(),
    renderMs: z.number(),
    /** From the item being first seen in its feed to its folder being complete. */
    itemToVideoMs: z.number(),
    audioMs: z.number(),
  }),
  attempt: z.int().min(1),
  videos: z.partialRecord(VideoFormatSchema, z.string()),
  model: z.object({ file: z.string(), sha256: z.string() }),
  productVersion: z.string(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

/** The job record in `folder` when it is a finished job for `key`, else null. */
export async function readFinishedJob(folder: string, key: string): Promise<JobRecord | null> {
  const text = await readFile(path.join(folder, JOB_RECORD_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = JobRecordSchema.safeParse(json);
  return parsed.success && parsed.data.key === key ? parsed.data : null;
}
