// Every job with its state and live progress, filtered by feed and state; a failed job can be tried again.
import { useState } from 'react';
import { type DeskJob, type DeskJobState, JOB_STATES } from '../../contract/desk.ts';
import { retryJob } from './api.ts';
import { elapsedText, opensReview, progressText, STATE_LABELS } from './job-text.ts';
import { StateBadge } from './JobStatus.tsx';
import { hrefOf } from './route.ts';
import { useLiveJobs } from './use-jobs.ts';

// Desk submissions have no feed; the filter names them as the desk's own.
const DESK_FEED = 'desk';
const feedOf = (job: DeskJob) => job.feedUrl ?? DESK_FEED;

export const JobsPage: React.FC = () => {
  const { jobs, error } = useLiveJobs();
  const [feed, setFeed] = useState('');
  const [state, setState] = useState<DeskJobState | ''>('');
  const feeds = [...new Set(jobs.map(feedOf))].sort();
  const shown = jobs.filter((job) => (feed === '' || feedOf(job) === feed) && (state === '' || job.state === state));
  return (
    <section>
      <h1>Jobs</h1>
      <div className="filters">
        <label>
          Feed{' '}
          <select value={feed} onChange={(event) => setFeed(event.target.value)} data-testid="feed-filter">
            <option value="">all</option>
            {feeds.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          State{' '}
          <select value={state} onChange={(event) => setState(event.target.value as DeskJobState | '')} data-testid="state-filter">
            <option value="">all</option>
            {JOB_STATES.map((name) => (
              <option key={name} value={name}>
                {STATE_LABELS[name]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      {shown.length === 0 && !error ? <p className="empty">No jobs yet: make a new video or start the scheduler.</p> : null}
      <table className="jobs">
        <tbody>
          {shown.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </tbody>
      </table>
    </section>
  );
};

const JobRow: React.FC<{ job: DeskJob }> = ({ job }) => {
  const [retryError, setRetryError] = useState<string | null>(null);
  const target = hrefOf({ page: opensReview(job) ? 'review' : 'video', id: job.id });
  return (
    <tr data-testid={`job-${job.id}`} data-state={job.state}>
      <td className="thumb">{job.links.thumbnail ? <img src={job.links.thumbnail} alt="" /> : <div className="no-thumb" />}</td>
      <td>
        <a href={target}>{job.title}</a>
        <div className="muted">{feedOf(job)}</div>
      </td>
      <td>
        <StateBadge job={job} />
        {job.progress && (
          <div className="progress" data-testid="job-progress">
            <progress max={job.progress.total} value={job.progress.done} /> {progressText(job.progress)}
          </div>
        )}
      </td>
      <td className="muted">{elapsedText(job, Date.now())}</td>
      <td>
        {job.lastError && <div className="error">{job.lastError}</div>}
        {job.state === 'failed' && (
          <button
            type="button"
            onClick={() =>
              retryJob(job.id).then(
                () => setRetryError(null),
                (failure: Error) => setRetryError(failure.message),
              )
            }
          >
            Retry
          </button>
        )}
        {retryError && <div className="error">{retryError}</div>}
      </td>
    </tr>
  );
};
