// How a job's state, progress and times read on the page.
import type { DeskJobState, JobProgress } from '../../contract/desk.ts';
import type { DeskJob } from '../../contract/desk.ts';

export const STATE_LABELS: Record<DeskJobState, string> = {
  queued: 'queued',
  narrating: 'narrating',
  awaitingReview: 'awaiting review',
  revising: 'revising',
  rendering: 'rendering',
  afterEach: 'publishing',
  done: 'done',
  failed: 'failed',
  rejected: 'rejected',
};

const seconds = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

export function progressText(progress: JobProgress): string {
  const unit = progress.stage === 'rendering' ? 'frame' : 'pass';
  const eta = progress.etaMs === null ? '' : `, ${seconds(progress.etaMs)} left`;
  return `${progress.stage} ${unit} ${progress.done} of ${progress.total}${eta}`;
}

/** How long the job took (or has taken so far), from its first start. */
export function elapsedText(job: DeskJob, now: number): string {
  if (job.startedAt === null) return '';
  const end = job.finishedAt === null ? now : Date.parse(job.finishedAt);
  return seconds(end - Date.parse(job.startedAt));
}

/** Where the job's title leads: its review while an editor may change it, its video (or its state) otherwise. */
export const opensReview = (job: DeskJob) => job.state === 'awaitingReview' || job.state === 'revising';
