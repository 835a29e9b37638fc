// The bodies and answers of every desk endpoint, as zod schemas: the routes validate with them and the OpenAPI
// document (openapi.ts) is generated from them, so the two never disagree.
import { z } from 'zod';
import { ApiErrorSchema, DeskJobSchema, DeskJobStateSchema, DeskSettingsSchema, DeskSubmissionSchema } from '../contract/desk.ts';
import { ResynthesisSchema, ReviewEditSchema } from '../contract/review.ts';

export const JobListQuerySchema = z.strictObject({
  /** A feed's URL as the config names it, or `desk` for jobs submitted at the desk. */
  feed: z.string().min(1).optional(),
  state: DeskJobStateSchema.optional(),
});
/** The SQLite store numbers its jobs; the BullMQ queue names each by a hash of its item key. */
export const JobIdSchema = z.object({ id: z.string().regex(/^(\d+|[0-9a-f]{32})$/, 'must be a job id (digits, or 32 hex digits on a Redis queue)') });
export const RevisionBodySchema = z.strictObject({ revision: z.number().int().nonnegative() });
export const RejectBodySchema = RevisionBodySchema.extend({ reason: z.string().trim().min(1).max(500).optional() });
export const JobAnswerSchema = z.object({ job: DeskJobSchema });
export const JobListAnswerSchema = z.object({ jobs: z.array(DeskJobSchema) });
export const EditAnswerSchema = z.object({ job: DeskJobSchema, resynthesis: ResynthesisSchema });
export const FileListAnswerSchema = z.object({ files: z.array(z.object({ name: z.string(), bytes: z.number().int(), url: z.string() })) });

export { ApiErrorSchema, DeskSettingsSchema, DeskSubmissionSchema, ReviewEditSchema };
