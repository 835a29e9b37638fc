// An editor's style props checked by the composition's own props schema (remotion/NewsVideo/schema.ts, the one
// the renderer and Remotion Studio read) on top of the contract's StyleEditSchema, which a pure module keeps
// looser (it cannot reach @remotion/zod-types): a colour the composition cannot parse is refused when it is
// saved, with the prop and its default named, instead of failing the render once the job is approved.
import { NEWS_VIDEO_DEFAULTS, newsVideoSchema } from '../../remotion/NewsVideo/schema.ts';
import type { StyleEdit } from '../contract/review.ts';
import { HttpError } from './http-error.ts';

// Every prop is optional here: each one the edit gives is checked alone, as the composition reads it.
const CompositionProps = newsVideoSchema.partial();

/** Throws a 400 naming each style prop the composition would refuse, with its value and its default. */
export function checkStyleAgainstComposition(style: StyleEdit): void {
  const result = CompositionProps.safeParse(style);
  if (result.success) return;
  const problems = result.error.issues.map((issue) => {
    const prop = String(issue.path[0]) as keyof StyleEdit;
    return `style.${prop} ${JSON.stringify(style[prop])} is refused by the composition (${issue.message}): give a value like its default, ${JSON.stringify(NEWS_VIDEO_DEFAULTS[prop])}`;
  });
  throw new HttpError(400, `The edit: ${[...new Set(problems)].join('; ')}`);
}
