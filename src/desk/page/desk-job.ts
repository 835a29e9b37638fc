// A job as the desk's API gives it (contract C): the store's view of the job plus where its files are.
import type { DeskJobLinks, DeskJobState, JobProgress } from '../../contract/desk.ts';
import type { JobView } from '../../schedule/job.ts';

export type DeskJob = Omit<JobView, 'state'> & {
  state: DeskJobState;
  revision: number;
  progress: JobProgress | null;
  links: DeskJobLinks;
};
