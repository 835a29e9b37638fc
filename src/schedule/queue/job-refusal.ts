// A change the store refuses because of the job's state, not its input: there is no such job (404), or the job
// moved on since the caller looked (409: another desk approved it first, a worker took it). The desk's API
// answers with the status; the CLI prints it as any UserError. Both stores refuse in these same words.
import { UserError } from '../../errors.ts';
import type { JobState } from '../job.ts';

export class JobRefusal extends UserError {
  constructor(
    readonly status: 404 | 409,
    problem: string,
    fix: string,
  ) {
    super(problem, fix);
  }
}

export const noSuchJob = (id: string) =>
  new JobRefusal(404, `There is no job ${id}`, 'List the jobs (npm run jobs, or GET /api/jobs) to see their ids');

/** What an editor saw is no longer the job: someone else changed it first. */
export const staleRevision = (id: string, seen: number, now: { revision: number; lastChange: string | null; state: JobState }) =>
  new JobRefusal(
    409,
    `Job ${id} changed since revision ${seen}: it is at revision ${now.revision} (${now.lastChange ?? 'changed'}), now ${now.state}`,
    'Reload the job and make your change again',
  );

export const notAwaitingReview = (id: string, state: JobState) =>
  new JobRefusal(409, `Job ${id} is ${state}, not awaiting review`, 'Only a narrated job awaiting review can be changed');

export const notRetryable = (id: string, state: JobState) =>
  new JobRefusal(409, `Job ${id} is ${state}, not failed or done`, 'Only a failed or done job can be requeued');
