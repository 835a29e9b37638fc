// A job as every endpoint answers it: the store's view, the links to its files and the style an editor saved
// (edits.json beside the narration under review), so a page that reloads shows the style the render will use.
import type { DeskJob } from '../contract/desk.ts';
import type { JobView } from '../schedule/job.ts';
import { reviewFolders } from '../schedule/output-layout.ts';
import { readReviewEdits } from '../schedule/review-edits.ts';
import { jobLinks } from './job-files.ts';

export async function deskJob(outputRoot: string, job: JobView): Promise<DeskJob> {
  const [links, edits] = await Promise.all([jobLinks(outputRoot, job), readReviewEdits(reviewFolders(outputRoot, job).edits)]);
  return { ...job, links, style: edits.style };
}
