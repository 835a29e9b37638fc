// What an editor sends to change a narration awaiting review (POST /api/jobs/:id/edits), and what the re-synthesis
// it causes reports. zod only, like the rest of the contract: the desk's page validates with the same schemas.
import { z } from 'zod';
import type { Narration } from './narration.ts';

const index = z.number().int().nonnegative();

/** A list of edits where no two name the same thing: the later would silently undo the earlier. */
function eachOnce<Edit extends z.ZodType>(edit: Edit, target: (edit: z.output<Edit>) => number, twice: (at: number) => string) {
  return z
    .array(edit)
    .min(1)
    .superRefine((edits, context) => {
      const targets = edits.map(target);
      const repeated = targets.find((at, position) => targets.indexOf(at) !== position);
      if (repeated !== undefined) context.addIssue({ code: 'custom', message: twice(repeated) });
    });
}

/** New text for one sentence of the narration; an empty one would leave a hole in the audio and the subtitles. */
export const SentenceEditSchema = z.object({ sentence: index, text: z.string().trim() }).refine((edit) => edit.text !== '', {
  error: (issue) => `sentence ${(issue.input as { sentence: number }).sentence} would be empty: write its text or remove the edit`,
  path: ['text'],
});

// The same rule as a lexicon file's line (src/lexicon/parse.ts): entries match whole words. The server still checks
// the phonemes against Kokoro's symbols, which this module cannot read.
const STARTS_WITH_WORD_CHARACTER = /^[\p{L}\p{N}]/u;

/**
 * A lexicon entry as the desk sends it: the fields of src/lexicon/entry.ts's LexiconEntry with `said` spread into
 * `respelling` or `phonemes` (a form's two inputs), exactly one of them given.
 */
export const LexiconEditSchema = z
  .object({
    written: z.string().trim().regex(STARTS_WITH_WORD_CHARACTER, 'must start with a letter or digit: entries match whole words'),
    respelling: z.string().trim().min(1).optional(),
    phonemes: z.string().trim().min(1).optional(),
    caseSensitive: z.boolean(),
  })
  .refine((entry) => (entry.respelling === undefined) !== (entry.phonemes === undefined), {
    error: (issue) => `"${(issue.input as { written: string }).written}" needs exactly one of respelling or phonemes: keep the one you mean`,
  });

const ColorSchema = z.string().trim().min(1);

/**
 * The composition's style props an editor may change (a subset of remotion/NewsVideo/schema.ts, which this pure
 * module cannot import: it reaches @remotion/zod-types). The desk checks each prop against the real schema
 * too (src/desk/style-check.ts): a colour is any text here, and one the composition cannot parse is refused there.
 */
export const StyleEditSchema = z
  .object({
    fontSize: z.number().int().min(24).max(120),
    textColor: ColorSchema,
    highlightColor: ColorSchema,
    highlightStyle: z.enum(['color', 'box', 'underline']),
    subtitlePosition: z.enum(['bottom', 'middle', 'top']),
    backgroundBox: z.boolean(),
    boxColor: ColorSchema,
    brandName: z.string(),
    accentColor: ColorSchema,
    showProgressBar: z.boolean(),
    motion: z.boolean(),
    showCredits: z.boolean(),
    closingSeconds: z.number().min(1).max(15),
    showSyntheticVoiceLine: z.boolean(),
    syntheticVoiceLine: z.string(),
  })
  .partial()
  .strict();
export type StyleEdit = z.infer<typeof StyleEditSchema>;

/**
 * One editor's change, against the job revision they saw (a stale one is refused with 409). Strict, so a
 * misspelt field is an error rather than an edit silently not made.
 */
export const ReviewEditSchema = z
  .strictObject({
    revision: index,
    sentences: eachOnce(
      SentenceEditSchema,
      (edit) => edit.sentence,
      (sentence) => `sentence ${sentence} is edited twice: keep one of its edits`,
    ).optional(),
    lexicon: z.array(LexiconEditSchema).min(1).optional(),
    title: z.string().trim().min(1, 'the title would be empty: write one or remove the edit').optional(),
    sectionMedia: eachOnce(
      z.object({ section: index, media: index.nullable() }),
      (edit) => edit.section,
      (section) => `section ${section} is given two pictures: keep one`,
    ).optional(),
    style: StyleEditSchema.refine((style) => Object.keys(style).length > 0, 'style changes nothing: set a prop or remove it').optional(),
  })
  .refine((edit) => Object.keys(edit).some((key) => key !== 'revision'), {
    error: 'the edit changes nothing: give sentences, lexicon, title, sectionMedia or style',
  });
export type ReviewEdit = z.infer<typeof ReviewEditSchema>;

/** How much of the audio an edit's re-synthesis made again: only the Kokoro passes whose tokens changed. */
export const ResynthesisSchema = z.object({
  passesSynthesized: z.number().int().nonnegative(),
  passesReused: z.number().int().nonnegative(),
});
export type Resynthesis = z.infer<typeof ResynthesisSchema>;

/** The first index of `edit` that `narration` has no such thing for, as a one-line error; null when all exist. */
export function checkEditAgainst(narration: Pick<Narration, 'sentences' | 'sections' | 'media'>, edit: ReviewEdit): string | null {
  const outOfRange = (what: string, at: number, count: number) =>
    `${what} ${at} does not exist: the narration has ${count === 0 ? 'none' : `${what}s 0 to ${count - 1}`}`;
  for (const { sentence } of edit.sentences ?? []) {
    if (sentence >= narration.sentences.length) return outOfRange('sentence', sentence, narration.sentences.length);
  }
  for (const { section, media } of edit.sectionMedia ?? []) {
    if (section >= narration.sections.length) return outOfRange('section', section, narration.sections.length);
    if (media !== null && media >= narration.media.length) {
      const fix = narration.media.length === 0 ? 'give' : 'choose one of them or';
      return `${outOfRange('picture', media, narration.media.length)}: ${fix} null for section ${section} (the brand background)`;
    }
  }
  return null;
}
