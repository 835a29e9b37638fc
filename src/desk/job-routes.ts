// The /api/jobs endpoints (contract C): list, submit, one job, its narration, edits, approve, reject, retry and
// files. Each validates its input with the contract's schemas before it touches the store, and each change is one
// compare-and-set in the store, so a refused request leaves nothing half-changed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DeskJob } from '../contract/desk.ts';
import { NARRATION_FILE } from '../output/write-narration.ts';
import type { JobView } from '../schedule/job.ts';
import type { DeskStore } from '../schedule/queue/desk-store.ts';
import { DeskSubmissionSchema, JobIdSchema, JobListQuerySchema, RejectBodySchema, RevisionBodySchema, ReviewEditSchema } from './api-schemas.ts';
import { HttpError, parseBody } from './http-error.ts';
import { fileInFolder, filesFolder, listFiles } from './job-files.ts';
import { applyEdit, type EditContext } from './review-edit.ts';
import { type SubmissionDefaults, specOf } from './submission.ts';

export interface JobRoutesContext {
  store: DeskStore;
  config: SubmissionDefaults & { output: string };
  view: (job: JobView) => Promise<DeskJob>;
  edit: EditContext;
}

interface IdParams {
  Params: { id: string; '*'?: string };
}

export function registerJobRoutes(app: FastifyInstance, context: JobRoutesContext): void {
  const { store, view } = context;
  const jobOf = async (params: unknown) => store.get(parseBody(JobIdSchema, params, 'The job id').id);

  app.get('/api/jobs', async (request) => {
    const query = parseBody(JobListQuerySchema, request.query, 'The list query');
    const jobs = (await store.list())
      .filter((job) => query.state === undefined || job.state === query.state)
      .filter((job) => query.feed === undefined || (query.feed === 'desk' ? job.feedUrl === null : job.feedUrl === query.feed));
    return { jobs: await Promise.all(jobs.map(view)) };
  });

  app.post('/api/jobs', async (request, reply) => {
    const submission = parseBody(DeskSubmissionSchema, request.body, 'The submission');
    const now = new Date();
    const spec = await specOf(submission, context.config, now);
    if (!(await store.enqueue(spec, now)))
      throw new HttpError(409, `${spec.itemUrl} is already a job: find it in the list (GET /api/jobs) and retry it there`);
    return reply.status(201).send({ job: await view((await store.byKey(spec.key))!) });
  });

  app.get<IdParams>('/api/jobs/:id', async (request) => ({ job: await view(await jobOf(request.params)) }));

  app.get<IdParams>('/api/jobs/:id/narration', async (request, reply) => {
    const job = await jobOf(request.params);
    const folder = filesFolder(context.config.output, job);
    const text = folder === null ? null : await readFile(path.join(folder, NARRATION_FILE), 'utf8').catch(() => null);
    if (text === null) throw new HttpError(404, `Job ${job.id} has no narration yet (it is ${job.state}): wait for it to be narrated`);
    return reply.type('application/json; charset=utf-8').send(text);
  });

  app.post<IdParams>('/api/jobs/:id/edits', async (request) => {
    const job = await jobOf(request.params);
    const edit = parseBody(ReviewEditSchema, request.body, 'The edit');
    const { job: edited, resynthesis } = await applyEdit(context.edit, job.id, edit);
    return { job: await view(edited), resynthesis };
  });

  app.post<IdParams>('/api/jobs/:id/approve', async (request) => {
    const job = await jobOf(request.params);
    const { revision } = parseBody(RevisionBodySchema, request.body, 'The approval');
    return { job: await view(await store.approve(job.id, revision, new Date())) };
  });

  app.post<IdParams>('/api/jobs/:id/reject', async (request) => {
    const job = await jobOf(request.params);
    const { revision, reason } = parseBody(RejectBodySchema, request.body, 'The rejection');
    return { job: await view(await store.reject(job.id, revision, reason ?? null, new Date())) };
  });

  app.post<IdParams>('/api/jobs/:id/retry', async (request) => ({
    job: await view(await store.retry((await jobOf(request.params)).id, new Date())),
  }));

  app.get<IdParams>('/api/jobs/:id/files', async (request) => ({ files: await listFiles(context.config.output, await jobOf(request.params)) }));

  app.get<IdParams>('/api/jobs/:id/files/*', async (request, reply) => {
    const job = await jobOf({ id: request.params.id });
    const file = fileInFolder(context.config.output, job, request.params['*'] ?? '');
    return reply.sendFile(file.name, file.folder, { dotfiles: 'deny', cacheControl: false });
  });
}
