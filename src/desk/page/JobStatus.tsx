// A job's state as a badge, and the line the review and video pages put under their title: the badge with the
// progress of the stage it is in.
import type { DeskJob } from '../../contract/desk.ts';
import { progressText, STATE_LABELS } from './job-text.ts';

export const StateBadge: React.FC<{ job: DeskJob }> = ({ job }) => (
  <span className={`state state-${job.state}`} data-testid="job-state">
    {STATE_LABELS[job.state]}
  </span>
);

export const JobStatusLine: React.FC<{ job: DeskJob }> = ({ job }) => (
  <p>
    <StateBadge job={job} /> {job.progress && <span data-testid="job-progress">{progressText(job.progress)}</span>}
  </p>
);
