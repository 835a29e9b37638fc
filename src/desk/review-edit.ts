// An editor's change to a job awaiting review, start to end: checked before anything is touched (an index the
// narration lacks, a lexicon entry with symbols Kokoro lacks, a style prop the composition refuses), then made
// under the job's edit lease (revising: no other desk edits or approves it, no worker takes it), the new narration
// built beside the old and put in place whole, and the job handed back to review at a new revision. A failure
// leaves the narration as it was; a desk that dies mid-edit stops beating and the job returns to review on its own.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Narration, readNarration } from '../contract/narration.ts';
import { checkEditAgainst, type ReviewEdit, type Resynthesis } from '../contract/review.ts';
import { UserError } from '../errors.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { publishFolder } from '../output/publish.ts';
import { NARRATION_FILE } from '../output/write-narration.ts';
import type { Narrator } from '../pipeline/narrator.ts';
import { reviseNarration } from '../pipeline/revise-narration.ts';
import type { JobView } from '../schedule/job.ts';
import { reviewFolders } from '../schedule/output-layout.ts';
import { lexiconEntries, readReviewEdits, writeReviewEdits } from '../schedule/review-edits.ts';
import { type DeskStore, REVIEW_CHANGES } from '../schedule/queue/desk-store.ts';
import { writeFileAtomically } from '../system/atomic-files.ts';
import { HttpError } from './http-error.ts';
import { checkStyleAgainstComposition } from './style-check.ts';

export interface EditContext {
  store: DeskStore;
  outputRoot: string;
  /** The config's entries; the desk's own come after them. */
  lexicon: readonly LexiconEntry[];
  narrator: () => Narrator;
  owner: string;
  leaseMs: number;
}

async function narrationUnderReview(folder: string, job: JobView): Promise<Narration> {
  const text = await readFile(path.join(folder, NARRATION_FILE), 'utf8').catch(() => null);
  if (text === null) throw new HttpError(409, `Job ${job.id} has no narration to edit yet (it is ${job.state}): wait until it awaits review`);
  const { narration, problem } = readNarration(JSON.parse(text));
  if (narration === null || problem !== null) throw new Error(`${folder}/${NARRATION_FILE} is not a narration: ${problem}`);
  return narration;
}

/** A UserError of the edit's own content (the lexicon parser's) as a 400 with its words. */
function asBadEdit<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof UserError) throw new HttpError(400, error.message);
    throw error;
  }
}

export async function applyEdit(context: EditContext, id: string, edit: ReviewEdit): Promise<{ job: JobView; resynthesis: Resynthesis }> {
  const { store } = context;
  const job = await store.get(id);
  const folders = reviewFolders(context.outputRoot, job);
  const narration = await narrationUnderReview(folders.narration, job);
  const outOfRange = checkEditAgainst(narration, edit);
  if (outOfRange !== null) throw new HttpError(400, `The edit names what the narration lacks: ${outOfRange}`);
  if (edit.style !== undefined) checkStyleAgainstComposition(edit.style);
  const before = await readReviewEdits(folders.edits);
  const lexicon = [...before.lexicon, ...(edit.lexicon ?? [])];
  const deskEntries = asBadEdit(() => lexiconEntries(lexicon));

  await store.beginEdit(id, edit.revision, context.owner, new Date());
  // A beat that fails (Redis away a moment) only lets the lease run down: endEdit then says it lapsed.
  const beat = setInterval(() => void Promise.resolve(store.beatEdit(id, context.owner)).catch(() => false), context.leaseMs / 3);
  let resynthesis: Resynthesis = { passesSynthesized: 0, passesReused: 0 };
  try {
    const spoken = edit.sentences !== undefined || edit.title !== undefined || edit.lexicon !== undefined;
    if (spoken) {
      const revised = await publishFolder(folders.narration, (next) =>
        asBadEdit(() =>
          reviseNarration(context.narrator(), folders.narration, next, edit, {
            passCache: folders.passes,
            lexicon: [...context.lexicon, ...deskEntries],
          }),
        ),
      );
      resynthesis = { passesSynthesized: revised.passesSynthesized, passesReused: revised.passesReused };
    } else if (edit.sectionMedia !== undefined) {
      // A picture changes no sound: narration.json alone is rewritten, atomically.
      const sections = narration.sections.map((section) => ({ ...section }));
      for (const { section, media } of edit.sectionMedia) sections[section]!.media = media;
      await writeFileAtomically(path.join(folders.narration, NARRATION_FILE), `${JSON.stringify({ ...narration, sections }, null, 2)}\n`);
    }
    await writeReviewEdits(folders.edits, { lexicon, style: { ...before.style, ...edit.style } });
  } catch (error) {
    clearInterval(beat);
    await store.endEdit(
      id,
      context.owner,
      `an edit that failed (${error instanceof Error ? error.message : String(error)}); the narration is as it was`,
      new Date(),
    );
    throw error;
  }
  clearInterval(beat);
  const done = await store.endEdit(id, context.owner, REVIEW_CHANGES.edited, new Date());
  if (done === null) throw new HttpError(409, `Job ${id}'s edit lease lapsed before the edit was in place: reload the job and check it`);
  return { job: done, resynthesis };
}
