// The parts of an editor's changes that outlive one narration, kept beside it (edits.json): lexicon entries,
// applied again to every later re-synthesis of the job, and style props, given to the render once approved. The
// file is written by the desk and read by a worker, possibly in other processes: it is validated when read.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LexiconEditSchema, type StyleEdit, StyleEditSchema } from '../contract/review.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { parseLexicon } from '../lexicon/parse.ts';
import { writeFileAtomically } from '../system/atomic-files.ts';

const ReviewEditsSchema = z.object({ lexicon: z.array(LexiconEditSchema), style: StyleEditSchema });
export interface ReviewEdits {
  lexicon: z.infer<typeof LexiconEditSchema>[];
  /** Merged over the composition's defaults when the approved narration is rendered. */
  style: StyleEdit;
}

const NONE: ReviewEdits = { lexicon: [], style: {} };

/** The job's edits so far; none when the file is missing (or not edits: a file others may write is never trusted). */
export async function readReviewEdits(file: string): Promise<ReviewEdits> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return NONE;
  try {
    const parsed = ReviewEditsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : NONE;
  } catch {
    return NONE;
  }
}

export async function writeReviewEdits(file: string, edits: ReviewEdits): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(edits, null, 2)}\n`);
}

/**
 * The desk's entries as a lexicon file's lines, read by the lexicon's own parser: the same rules and messages
 * (Kokoro's symbols checked) as an entry in a file. Throws a UserError naming the bad entry.
 */
export function lexiconEntries(edits: ReviewEdits['lexicon']): LexiconEntry[] {
  const lines = edits.map((entry) => {
    const said = entry.phonemes !== undefined ? `/${entry.phonemes}/` : entry.respelling!;
    return [entry.written, said, ...(entry.caseSensitive ? ['case'] : [])].join('\t');
  });
  return parseLexicon(lines.join('\n'), 'the desk’s lexicon entry');
}
