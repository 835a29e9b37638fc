// Where a job's files are for the desk: its published folder once rendered, else the narration under review. The
// links a DeskJob carries point at them under /api, and a file is served only from inside that one folder.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DeskJobLinks } from '../contract/desk.ts';
import type { VideoFormat } from '../contract/video.ts';
import { JOB_RECORD_FILE, readFinishedJob } from '../schedule/job-record.ts';
import type { JobView } from '../schedule/job.ts';
import { jobFolder, reviewFolders } from '../schedule/output-layout.ts';
import { NARRATION_FILE } from '../output/write-narration.ts';
import { THUMBNAIL_FILE } from '../render/render-video.ts';
import { HttpError } from './http-error.ts';

/** The folder whose files the desk shows for the job, or null before it has any. */
export function filesFolder(outputRoot: string, job: JobView): string | null {
  const published = jobFolder(outputRoot, job);
  if (existsSync(path.join(published, JOB_RECORD_FILE))) return published;
  const review = reviewFolders(outputRoot, job).narration;
  return existsSync(review) ? review : null;
}

const fileUrl = (job: JobView, name: string) => `/api/jobs/${job.id}/files/${name.split('/').map(encodeURIComponent).join('/')}`;

/** The links to the job's files; its videos as its job.json names them. */
export async function jobLinks(outputRoot: string, job: JobView): Promise<DeskJobLinks> {
  const folder = filesFolder(outputRoot, job);
  const has = (name: string) => folder !== null && existsSync(path.join(folder, name));
  const record = folder === null ? null : await readFinishedJob(folder, job.key);
  const videos: DeskJobLinks['videos'] = {};
  for (const [format, file] of Object.entries(record?.videos ?? {}) as Array<[VideoFormat, string]>) videos[format] = fileUrl(job, file);
  return {
    narration: has(NARRATION_FILE) ? fileUrl(job, NARRATION_FILE) : null,
    files: `/api/jobs/${job.id}/files`,
    videos,
    thumbnail: has(THUMBNAIL_FILE) ? fileUrl(job, THUMBNAIL_FILE) : null,
    jobJson: has(JOB_RECORD_FILE) ? fileUrl(job, JOB_RECORD_FILE) : null,
  };
}

/** Every file of the folder (no hidden ones: temporary files and the pass cache are not the job's), with its URL. */
export async function listFiles(outputRoot: string, job: JobView): Promise<Array<{ name: string; bytes: number; url: string }>> {
  const folder = filesFolder(outputRoot, job);
  if (folder === null) return [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.'));
  const listed = await Promise.all(
    files.map(async (entry) => {
      const name = path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      return { name, bytes: (await stat(path.join(folder, name))).size, url: fileUrl(job, name) };
    }),
  );
  return listed.sort((a, b) => a.name.localeCompare(b.name));
}

/** The folder and the file's path inside it, refused (404) unless it names a file of that folder and no other. */
export function fileInFolder(outputRoot: string, job: JobView, name: string): { folder: string; name: string } {
  const folder = filesFolder(outputRoot, job);
  const resolved = folder === null ? null : path.resolve(folder, name);
  const parts = name.split('/');
  if (
    folder === null ||
    resolved === null ||
    !resolved.startsWith(folder + path.sep) ||
    parts.some((part) => part.startsWith('.')) ||
    !existsSync(resolved)
  ) {
    throw new HttpError(404, `Job ${job.id} has no file ${name}: GET /api/jobs/${job.id}/files lists its files`);
  }
  return { folder, name: path.relative(folder, resolved) };
}
