// The job itself, the same for both queues: narrate and render one item into OUT/YYYY-MM-DD/<slug>/ (the
// producer builds it in a temporary sibling and renames it into place), then add job.json, atomically and last.
// job.json marks a finished folder: a folder with one for this key (the process died after publishing but
// before the queue heard of it) is taken as the result, never redone; one without is replaced whole by a retry.
import path from 'node:path';
import { writeFileAtomically } from '../system/atomic-files.ts';
import { PRODUCT_VERSION } from '../output/run-record.ts';
import type { JobView } from './job.ts';
import { JOB_RECORD_FILE, JobRecordSchema, readFinishedJob, type JobRecord } from './job-record.ts';
import type { MediaChoice } from '../contract/pipeline.ts';
import type { JobProgress } from '../contract/desk.ts';
import type { Fps } from '../contract/video.ts';
import type { MusicRequest } from '../render/produce.ts';
import { jobFolder, reviewFolders } from './output-layout.ts';
import { readReviewEdits } from './review-edits.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import type { ItemProducer, ProduceStage } from './producer.ts';
import { withStageLimits, type StageLimits } from './stage-limit.ts';

/** What a job needs besides its item, from the config: plain data, so it can be handed to another process. */
export interface ProduceSettings {
  outputRoot: string;
  fps: Fps;
  scale: number;
  concurrency: number | null;
  allowPrivateNetworks: boolean;
  /** Which of the page's pictures each video shows (the config's `media:`). */
  media?: MediaChoice;
  /** The longest each stage of an attempt may run, ms (the config's stageMinutes). */
  stageLimits: StageLimits;
  /** Each feed's own length and music bed, by feed URL (a job keeps its feed's URL). */
  feeds: Readonly<Record<string, FeedProduction>>;
  /** The config's music bed, for jobs whose feed names none (the desk's). */
  music?: MusicRequest;
  /** The config's lexicon entries, over the default lexicon of each article's language. */
  lexicon?: readonly LexiconEntry[];
}

export interface FeedProduction {
  maxSeconds?: number;
  music?: MusicRequest;
}

export interface ProduceItemOptions extends ProduceSettings {
  producer: ItemProducer;
  signal: AbortSignal;
  onStage: (stage: ProduceStage) => void;
  onProgress?: (progress: JobProgress) => void;
}

export interface ProducedItem {
  folder: string;
  record: JobRecord;
  /** False when the folder was already published by an earlier attempt. */
  produced: boolean;
}

/** A job under review, narrated: nothing is rendered until an editor approves the narration in `folder`. */
export interface NarratedForReview {
  awaitingReview: string;
}

/** The job's settings as the producer takes them: the feed's, then the editor's choices for this job. */
function itemSettings(job: JobView, options: ProduceItemOptions) {
  const feed = job.feedUrl === null ? {} : (options.feeds[job.feedUrl] ?? {});
  const chosen = job.options ?? {};
  return {
    voice: job.voice,
    language: job.language,
    speed: chosen.speed,
    allowPrivateNetworks: options.allowPrivateNetworks,
    media: options.media,
    maxSeconds: chosen.maxSeconds ?? feed.maxSeconds,
    music: chosen.music === false ? undefined : (feed.music ?? options.music),
    lexicon: options.lexicon,
    signal: options.signal,
    onProgress: options.onProgress,
  };
}

/**
 * Narrate a job, or render it: a job under review is narrated into its review folder and stops there; once
 * approved, that narration is rendered as the editor left it, with their style, and never synthesized again.
 */
function sourceOf(job: JobView): { kind: 'article'; location: string } | { kind: 'text'; text: string; title: string } {
  return job.text !== undefined ? { kind: 'text', text: job.text, title: job.title } : { kind: 'article', location: job.itemUrl! };
}

/** The brand an editor chose for the job, as the composition's props. */
function brandProps(job: JobView): Record<string, unknown> {
  return { ...job.options?.brand };
}

export async function produceItem(job: JobView, options: ProduceItemOptions): Promise<ProducedItem | NarratedForReview> {
  const target = jobFolder(options.outputRoot, job);
  const existing = await readFinishedJob(target, job.key);
  if (existing !== null) return { folder: target, record: existing, produced: false };
  const review = reviewFolders(options.outputRoot, job);
  if (job.review && !job.approved) {
    await withStageLimits(options.stageLimits, options.signal, options.onStage, (signal, onStage) =>
      options.producer.narrateOnly({
        ...itemSettings(job, options),
        source: sourceOf(job),
        props: brandProps(job),
        passCache: review.passes,
        fps: options.fps,
        scale: options.scale,
        concurrency: options.concurrency,
        outDir: review.narration,
        signal,
        onStage,
      }),
    );
    return { awaitingReview: review.narration };
  }
  const props = job.approved ? { ...brandProps(job), ...(await readReviewEdits(review.edits)).style } : brandProps(job);
  const startedAt = new Date();
  let narratedAt = startedAt;
  const onStage = (stage: ProduceStage) => {
    if (stage === 'rendering') narratedAt = new Date();
    options.onStage(stage);
  };
  const result = await withStageLimits(options.stageLimits, options.signal, onStage, (signal, onLimitedStage) =>
    options.producer.produce({
      ...itemSettings(job, options),
      source: job.approved ? { from: review.narration } : sourceOf(job),
      props,
      formats: job.formats,
      fps: options.fps,
      scale: options.scale,
      concurrency: options.concurrency,
      outDir: target,
      signal,
      onStage: onLimitedStage,
    }),
  );
  const finishedAt = new Date();
  const record = JobRecordSchema.parse({
    version: 1,
    key: job.key,
    source: { feed: job.feedUrl, item: job.itemUrl, guid: job.guid, title: job.title, publishedAt: job.publishedAt },
    times: {
      firstSeenAt: job.createdAt,
      startedAt: startedAt.toISOString(),
      narratedAt: narratedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
    },
    durations: {
      narrationMs: narratedAt.getTime() - startedAt.getTime(),
      renderMs: finishedAt.getTime() - narratedAt.getTime(),
      itemToVideoMs: finishedAt.getTime() - Date.parse(job.createdAt),
      audioMs: result.narration.audio.durationMs,
    },
    attempt: job.attempts,
    // Relative to the folder, like every path in narration.json, so the folder can move (upload, archive).
    videos: Object.fromEntries(Object.entries(result.videos).map(([format, file]) => [format, path.relative(target, file)])),
    model: result.narration.run.model,
    productVersion: PRODUCT_VERSION,
  });
  await writeFileAtomically(path.join(target, JOB_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return { folder: target, record, produced: true };
}
