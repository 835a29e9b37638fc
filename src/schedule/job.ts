// One job: one feed item or desk submission to one published folder. Both queues (SQLite, BullMQ) keep these fields. What a store
// gives back is data anyone with write access to it may have shaped (a Redis without a password, a copied
// SQLite file), so a job is validated when read, and its folder must be the one its key and title name.
import { z } from 'zod';
import { type DeskJobState, JobSpecFieldsSchema, type JobStatus } from '../contract/desk.ts';
import { UserError } from '../errors.ts';
import { itemName } from './output-layout.ts';

export type JobState = DeskJobState;

/** What a job needs to run, fixed when the item is first seen; its folder checked against its key and title. */
export const JobSpecSchema = JobSpecFieldsSchema.superRefine((spec, context) => {
  if ((spec.itemUrl === null) === (spec.text === undefined)) {
    context.addIssue({ code: 'custom', path: ['itemUrl'], message: 'must be given exactly when there is no text (one source per job)' });
  }
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

/** A job as a store gives it back: its spec and where it stands. */
export interface JobView extends JobSpec, JobStatus {}
