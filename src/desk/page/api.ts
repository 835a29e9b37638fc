// The page's calls to the desk's HTTP API (contract C in the README): every answer is JSON, every failure a body
// { error } whose one line the page shows as it is, so the page and a script see the same words.
import type { DeskSettings, DeskSubmission } from '../../contract/desk.ts';
import type { ReviewEdit, Resynthesis } from '../../contract/review.ts';
import type { DeskJob } from '../../contract/desk.ts';

export class ApiFailure extends Error {}

async function call<Answer>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (answer as { error?: unknown } | null)?.error;
    throw new ApiFailure(typeof error === 'string' ? error : `The desk answered HTTP ${response.status}: reload the page`);
  }
  return answer as Answer;
}

export const getSettings = () => call<DeskSettings>('GET', '/api/settings');
export const listJobs = () => call<{ jobs: DeskJob[] }>('GET', '/api/jobs').then((answer) => answer.jobs);
export const getJob = (id: string) => call<{ job: DeskJob }>('GET', `/api/jobs/${encodeURIComponent(id)}`).then((answer) => answer.job);
export const createJob = (submission: DeskSubmission) => call<{ job: DeskJob }>('POST', '/api/jobs', submission).then((answer) => answer.job);

const jobAction = <Answer>(id: string, action: string, body?: unknown) =>
  call<Answer>('POST', `/api/jobs/${encodeURIComponent(id)}/${action}`, body ?? {});

export const editJob = (id: string, edit: ReviewEdit) => jobAction<{ job: DeskJob; resynthesis: Resynthesis }>(id, 'edits', edit);
export const approveJob = (id: string, revision: number) => jobAction<{ job: DeskJob }>(id, 'approve', { revision }).then((a) => a.job);
export const rejectJob = (id: string, revision: number, reason: string) =>
  jobAction<{ job: DeskJob }>(id, 'reject', { revision, ...(reason ? { reason } : {}) }).then((a) => a.job);
export const retryJob = (id: string) => jobAction<{ job: DeskJob }>(id, 'retry').then((a) => a.job);

export const listFiles = (filesUrl: string) =>
  call<{ files: Array<{ name: string; bytes: number; url: string }> }>('GET', filesUrl).then((answer) => answer.files);

/** The narration of the revision the editor sees: the revision in the URL keeps a browser cache from serving an older one. */
export const narrationUrl = (job: DeskJob): string | null => (job.links.narration ? `${job.links.narration}?revision=${job.revision}` : null);
