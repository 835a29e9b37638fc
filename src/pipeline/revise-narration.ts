// An editor's correction of a narration under review, made into a new narration folder: the changed text
// narrated again with the earlier narration's pass boundaries, so only the passes whose tokens changed are
// synthesized and every other one is read back from the pass cache (src/audio/pass-cache.ts). The pictures and
// the article record carry over; a section's picture may be changed without any synthesis at all.
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ArticleSchema, type Article, type Narration, readNarration } from '../contract/narration.ts';
import { UserError } from '../errors.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { defaultLexicon } from '../lexicon/load.ts';
import { newRunRecord } from '../output/run-record.ts';
import { NARRATION_FILE, writeNarrationFiles } from '../output/write-narration.ts';
import { DEFAULT_LOUDNESS } from '../platform/loudness.ts';
import type { Narrator } from './narrator.ts';
import { validateRequest, type NarrateProgress, type NarrateRequest } from './request.ts';

export interface NarrationCorrection {
  sentences?: ReadonlyArray<{ sentence: number; text: string }>;
  title?: string;
  sectionMedia?: ReadonlyArray<{ section: number; media: number | null }>;
}

export interface RevisedNarration {
  narration: Narration;
  passesSynthesized: number;
  passesReused: number;
}

export interface ReviseOptions {
  /** Where the narration's passes are kept between revisions. */
  passCache: string;
  /** Every entry over the language's default lexicon: the config's, then each the desk added. */
  lexicon: readonly LexiconEntry[];
  onProgress?: (progress: NarrateProgress) => void;
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** The spans of the text an edit replaces, in order; refused when two of them overlap (one would undo the other). */
function replacementsOf(narration: Narration, correction: NarrationCorrection): Replacement[] {
  const replacements = (correction.sentences ?? []).map(({ sentence, text }) => {
    const span = narration.sentences[sentence]!;
    return { start: span.charStart, end: span.charEnd, text, what: `sentence ${sentence}` };
  });
  if (correction.title !== undefined) {
    const title = narration.sections.find((section) => section.kind === 'title');
    if (title === undefined) throw new UserError('The narration has no title to change', 'Edit its first sentence instead');
    replacements.push({ start: title.charStart, end: title.charEnd, text: correction.title, what: 'the title' });
  }
  replacements.sort((a, b) => a.start - b.start);
  for (const [index, next] of replacements.slice(1).entries()) {
    const previous = replacements[index]!;
    if (next.start < previous.end) throw new UserError(`${previous.what} and ${next.what} are the same text`, 'Edit one of them');
  }
  return replacements;
}

/** `offset` of the old text in the new one: moved by every replacement before it; one inside a replacement goes to its end. */
function movedOffset(offset: number, replacements: readonly Replacement[]): number {
  let shift = 0;
  for (const { start, end, text } of replacements) {
    if (offset <= start) break;
    if (offset < end) return start + shift + text.length;
    shift += text.length - (end - start);
  }
  return offset + shift;
}

function replaced(text: string, replacements: readonly Replacement[]): string {
  let result = '';
  let at = 0;
  for (const { start, end, text: replacement } of replacements) {
    result += text.slice(at, start) + replacement;
    at = end;
  }
  return result + text.slice(at);
}

async function readNarrationFolder(folder: string): Promise<{ narration: Narration; article: Article | undefined }> {
  const { narration, problem } = readNarration(JSON.parse(await readFile(path.join(folder, NARRATION_FILE), 'utf8')));
  if (narration === null || problem !== null) throw new Error(`${folder}/${NARRATION_FILE} is not a narration: ${problem}`);
  const articleJson = narration.article ? await readFile(path.join(folder, 'article.json'), 'utf8').catch(() => null) : null;
  return { narration, article: articleJson === null ? undefined : ArticleSchema.parse(JSON.parse(articleJson)) };
}

/**
 * The narration in `from`, corrected, written into `to` (a folder the caller publishes whole). The lexicon's
 * entries apply to the whole text, so a pass they change is made again too.
 */
export async function reviseNarration(
  narrator: Narrator,
  from: string,
  to: string,
  correction: NarrationCorrection,
  options: ReviseOptions,
): Promise<RevisedNarration> {
  const { narration: before, article } = await readNarrationFolder(from);
  const replacements = replacementsOf(before, correction);
  const request: NarrateRequest = {
    text: replaced(before.text, replacements),
    titled: before.sections[0]?.kind === 'title',
    language: before.language,
    locale: before.locale ?? undefined,
    voice: before.voice,
    speed: before.speed,
    timing: before.timing,
    lexicon: [...defaultLexicon(before.language), ...options.lexicon],
  };
  validateRequest(request);
  const counts = { passesSynthesized: 0, passesReused: 0 };
  const result = await narrator.narrate(request, {
    onProgress: options.onProgress,
    scratchFolder: to,
    passCache: options.passCache,
    passEnds: before.chunks.map((chunk) => movedOffset(chunk.charEnd, replacements)),
    onPass: (source) => (source === 'reused' ? counts.passesReused++ : counts.passesSynthesized++),
  });
  try {
    for (const image of before.media) await copyFile(path.join(from, image.file), path.join(to, image.file));
    const sectionMedia = before.sections.map((section) => section.media);
    for (const { section, media } of correction.sectionMedia ?? []) sectionMedia[section] = media;
    // A narration cut to a length stays marked as cut: its closing card says where the full story is.
    const marked = before.shortened ? { ...result, narration: { ...result.narration, shortened: before.shortened } } : result;
    return {
      narration: await writeNarrationFiles(to, marked, {
        loudness: DEFAULT_LOUDNESS,
        article: article && correction.title !== undefined ? { ...article, title: correction.title } : article,
        media: { images: before.media, sections: sectionMedia },
        run: newRunRecord(before.run.source.kind, before.run.source.location, await narrator.model()),
      }),
      ...counts,
    };
  } finally {
    await result.track.release();
  }
}
