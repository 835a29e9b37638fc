// A job's result: each rendered format playing, every file of its folder to download, its job.json and what the
// afterEach command made of it. Before it is done, the page says where the job is.
import { useEffect, useState } from 'react';
import { VIDEO_FORMATS } from '../../contract/video.ts';
import { listFiles, retryJob } from './api.ts';
import { JobStatusLine } from './JobStatus.tsx';
import { useLiveJob } from './use-jobs.ts';

type FileLink = Awaited<ReturnType<typeof listFiles>>[number];

export const VideoPage: React.FC<{ id: string }> = ({ id }) => {
  const { job, error, replace } = useLiveJob(id);
  const [files, setFiles] = useState<FileLink[]>([]);
  const [actionError, setActionError] = useState<string | null>(null);
  // The folder changes when the state does (narrated, rendered, published), not with every progress event.
  const filesUrl = job?.links.files;
  const state = job?.state;
  useEffect(() => {
    if (filesUrl === undefined || state === undefined) return;
    let current = true;
    listFiles(filesUrl).then(
      (listed) => current && setFiles(listed),
      (failure: Error) => current && setActionError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [filesUrl, state]);

  if (error) return <p className="error">{error}</p>;
  if (!job) return <p className="muted">Loading the job…</p>;
  const videos = VIDEO_FORMATS.flatMap((format) => (job.links.videos[format] ? [{ format, url: job.links.videos[format] }] : []));
  return (
    <section>
      <h1>{job.title}</h1>
      <JobStatusLine job={job} />
      {job.lastError && <p className="error">{job.lastError}</p>}
      {job.state === 'failed' && (
        <button type="button" onClick={() => retryJob(job.id).then(replace, (failure: Error) => setActionError(failure.message))}>
          Retry
        </button>
      )}
      {actionError && <p className="error">{actionError}</p>}
      <div className="videos">
        {videos.map(({ format, url }) => (
          <figure key={format}>
            {/* biome-ignore lint/a11y/useMediaCaption: the MP4 carries its own subtitle track (mov_text). */}
            <video src={url} controls preload="metadata" data-testid={`video-${format}`} />
            <figcaption>{format}</figcaption>
          </figure>
        ))}
      </div>
      {job.state === 'done' && (
        <p data-testid="after-each">
          {job.afterEachError ? `afterEach failed: ${job.afterEachError}` : 'Published; afterEach succeeded (or none is configured).'}
        </p>
      )}
      {job.links.jobJson && (
        <p>
          <a href={job.links.jobJson}>job.json</a>
        </p>
      )}
      <h2>Files</h2>
      <ul className="files" data-testid="files">
        {files.map((file) => (
          <li key={file.name}>
            <a href={file.url} download>
              {file.name}
            </a>{' '}
            <span className="muted">{(file.bytes / 1024).toFixed(0)} KB</span>
          </li>
        ))}
      </ul>
    </section>
  );
};
