// A request the desk refuses, with the status it answers and one line saying the problem and the fix (the body is
// { error }). zod's issues become that line too, each named by its field, so a page shows what a form got wrong.
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `value` as `schema` reads it, or a 400 naming each field that is wrong. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new HttpError(400, `${what}: ${[...new Set(problems)].join('; ')}`);
}
