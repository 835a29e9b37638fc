// Jobs as they change: an answer from the API, then every `job` event of /api/events replaces its job, so two
// editors (or a worker and an editor) see the same states without reloading.
import { useEffect, useState } from 'react';
import { getJob, listJobs } from './api.ts';
import type { DeskJob } from '../../contract/desk.ts';

function onJobEvents(onJob: (job: DeskJob) => void): () => void {
  const events = new EventSource('/api/events');
  events.addEventListener('job', (event) => onJob(JSON.parse((event as MessageEvent<string>).data) as DeskJob));
  return () => events.close();
}

// An event may arrive before the answer to the page's own request, or the other way round: keep the later revision.
const later = (known: DeskJob | undefined, changed: DeskJob) => (known && known.revision > changed.revision ? known : changed);

function upsert(jobs: DeskJob[], changed: DeskJob): DeskJob[] {
  const at = jobs.findIndex((job) => job.id === changed.id);
  if (at === -1) return [changed, ...jobs];
  return jobs.map((job, index) => (index === at ? later(job, changed) : job));
}

export function useLiveJobs(): { jobs: DeskJob[]; error: string | null } {
  const [jobs, setJobs] = useState<DeskJob[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let open = true;
    listJobs().then(
      (listed) => open && setJobs((live) => listed.reduce(upsert, live)),
      (failure: Error) => open && setError(failure.message),
    );
    const close = onJobEvents((job) => setJobs((live) => upsert(live, job)));
    return () => {
      open = false;
      close();
    };
  }, []);
  return { jobs, error };
}

export function useLiveJob(id: string): { job: DeskJob | null; error: string | null; replace: (job: DeskJob) => void } {
  const [job, setJob] = useState<DeskJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let open = true;
    getJob(id).then(
      (loaded) => open && setJob((live) => later(live ?? undefined, loaded)),
      (failure: Error) => open && setError(failure.message),
    );
    const close = onJobEvents((changed) => changed.id === id && setJob((live) => later(live ?? undefined, changed)));
    return () => {
      open = false;
      close();
    };
  }, [id]);
  return { job, error, replace: (changed) => setJob((live) => later(live ?? undefined, changed)) };
}
