// One narration from source to files: read the source, narrate it, fetch its pictures, write every file
// into `folder` (which the caller publishes whole). Shared by `narrate`, `render` and the scheduler.
import type { Narration } from '../contract/narration.ts';
import type { TimingMethod } from '../contract/timing-method.ts';
import type { FetchLimits } from '../article/fetch.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { newRunRecord } from '../output/run-record.ts';
import { writeNarrationFiles } from '../output/write-narration.ts';
import { DEFAULT_LOUDNESS, type LoudnessTarget } from '../platform/loudness.ts';
import { assignSectionMedia, sectionPlaces } from '../narration/section-media.ts';
import type { PhraseOptions } from '../text/phrases.ts';
import type { MediaChoice, UserPicture } from '../contract/pipeline.ts';
import type { Narrator } from './narrator.ts';
import { type NarrateProgress, requestFor } from './request.ts';
import { readSource, type NarrationSource } from './source.ts';

export interface NarrationJob {
  source: NarrationSource;
  /** Else the article's language, else Spanish. */
  language?: string;
  /** Regional variant of the spoken forms (--locale); else the page's, else the language's default. */
  locale?: string;
  /** Else the language's default voice. */
  voice?: string;
  speed?: number;
  timing?: TimingMethod;
  phraseSilenceMs?: number;
  phrases?: PhraseOptions;
  maxChars?: number;
  /** audio.mp3 at this integrated loudness (LUFS, default -14); null keeps the voice's own level. */
  loudness?: LoudnessTarget | null;
  /** The narration ends at the last whole sentence within this length. */
  maxMs?: number;
  /** Refused before synthesis when it would last longer. */
  maxDurationMs?: number;
  wav?: boolean;
  seedCompat?: boolean;
  fetchLimits?: FetchLimits;
  /** Entries the user gave (--lexicon, the config's `lexicon:`), over the language's default lexicon. */
  lexicon?: readonly LexiconEntry[];
  /** Which of the page's pictures to show (the config's `media:`); all of them when not given. */
  media?: MediaChoice;
  /** The user's own pictures (--media), in order. */
  userMedia?: readonly UserPicture[];
  /** Keep every pass in this folder (src/audio/pass-cache.ts): a narration under review is re-synthesized from it. */
  passCache?: string;
}

export interface NarrationHooks {
  onProgress?: (progress: NarrateProgress) => void;
  warn?: (line: string) => void;
}

/** The host a person typed may be on their own network; a page read from a file names no host of theirs. */
function typedHostRule(source: NarrationSource): { host: string } | false {
  if (source.kind !== 'article' || !/^https?:\/\//i.test(source.location)) return false;
  return { host: new URL(source.location).host };
}

export async function narrateIntoFolder(narrator: Narrator, job: NarrationJob, folder: string, hooks: NarrationHooks = {}): Promise<Narration> {
  // A page takes a while to fetch and extract: the session loads on its own thread meanwhile. Other sources are
  // read at once, and a bad one should fail without waiting for a model load first.
  if (job.source.kind === 'article') narrator.preload();
  const source = await readSource(job.source, { language: job.language, limits: job.fetchLimits });
  const request = requestFor(job, source);
  // The passes wait for the timeline in a temporary file inside the folder, which is removed with it if the run fails.
  const result = await narrator.narrate(request, { onProgress: hooks.onProgress, scratchFolder: folder, passCache: job.passCache });
  try {
    // Loaded only when there are pictures to fetch: a narration of plain text skips their imports. The page's
    // pictures came from the page, so they may be private only where the page's own rule says so: with no rule
    // given, on the host the person typed, and nowhere for a page read from a file.
    const sources = {
      leadImageUrl: source.article?.leadImageUrl ?? null,
      images: source.images,
      choice: job.media ?? 'article',
      user: job.userMedia ?? [],
    };
    const collected =
      sources.leadImageUrl || sources.images.length > 0 || sources.user.length > 0
        ? await import('./collect-media.ts').then(({ collectMedia }) =>
            collectMedia(sources, folder, job.fetchLimits?.allowPrivateNetworks ?? typedHostRule(job.source), hooks.warn ?? (() => undefined)),
          )
        : { media: [], pictures: [] };
    return await writeNarrationFiles(folder, result, {
      wav: job.wav,
      seedCompat: job.seedCompat,
      loudness: job.loudness === undefined ? DEFAULT_LOUDNESS : job.loudness,
      article: source.article,
      media: {
        images: collected.media,
        sections: assignSectionMedia(sectionPlaces(result.narration.text, result.narration.sections), collected.pictures),
      },
      run: newRunRecord(job.source.kind, source.location, await narrator.model()),
    });
  } finally {
    await result.track.release();
  }
}
