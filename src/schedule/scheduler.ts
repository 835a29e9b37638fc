// A scheduled pass: read every feed, queue the items not seen before, then produce queued jobs until none is
// ready. `runOnSchedule` repeats passes on the config's cron, never two at once; `work` only produces (more
// workers on the same queue, on this machine or others).
import { Cron } from 'croner';
import { access, constants, mkdir } from 'node:fs/promises';
import { readMusicFile } from '../audio/music-bed.ts';
import { UserError } from '../errors.ts';
import { afterPublished } from './after-each.ts';
import type { ScheduleConfig } from './config.ts';
import { selectItems } from './feed-items.ts';
import { fetchFeedItems } from './feeds.ts';
import type { JobSpec } from './job.ts';
import { itemFolder } from './output-layout.ts';
import { produceItem } from './produce-item.ts';
import type { ItemProducer } from './producer.ts';
import { errorMessage, type JobHandlers, type JobQueue, type WorkerSettings } from './queue/job-queue.ts';

export interface SchedulerContext {
  config: ScheduleConfig;
  queue: JobQueue;
  producer: ItemProducer;
  log: (line: string) => void;
  signal: AbortSignal;
}

export interface CollectSummary {
  queued: number;
  /** One line per feed that could not be read; the other feeds still ran. */
  feedErrors: string[];
}

/** Read every feed and queue its new items. */
export async function collectItems(context: Pick<SchedulerContext, 'config' | 'queue' | 'log'>, now = new Date()): Promise<CollectSummary> {
  const summary: CollectSummary = { queued: 0, feedErrors: [] };
  for (const feed of context.config.feeds) {
    let read: Awaited<ReturnType<typeof fetchFeedItems>>;
    try {
      read = await fetchFeedItems(feed.url, { allowPrivateNetworks: context.config.allowPrivateNetworks });
    } catch (error) {
      summary.feedErrors.push(errorMessage(error));
      context.log(`warning: ${errorMessage(error)}`);
      continue;
    }
    for (const skipped of read.skipped) context.log(`warning: ${feed.url}: ${skipped}; skipped`);
    for (const item of selectItems(read.items, { maxItems: feed.maxItems, maxAgeHours: feed.maxAgeHours, now })) {
      const spec: JobSpec = {
        key: item.key,
        feedUrl: feed.url,
        itemUrl: item.link,
        guid: item.guid,
        title: item.title,
        publishedAt: item.publishedAt,
        voice: feed.voice ?? null,
        language: feed.language ?? null,
        formats: feed.format,
        folder: itemFolder(item, now),
        review: feed.review ?? context.config.review,
      };
      if (await context.queue.enqueue(spec)) {
        summary.queued++;
        context.log(`queued: ${item.title} (${item.link})`);
      }
    }
  }
  return summary;
}

/** Fail before any work when the output folder cannot be written. */
export async function checkOutputFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new UserError(
      `The output folder ${folder} cannot be written (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`,
      'Set output: in the config to a folder this user can write',
    );
  }
}

function handlers(context: SchedulerContext): JobHandlers {
  const { config } = context;
  const settings: WorkerSettings = {
    outputRoot: config.output,
    fps: config.render.fps,
    scale: config.render.scale,
    concurrency: config.render.concurrency ?? null,
    allowPrivateNetworks: config.allowPrivateNetworks,
    media: config.media,
    stageLimits: { narrating: config.stageMinutes.narrating * 60_000, rendering: config.stageMinutes.rendering * 60_000 },
    feeds: Object.fromEntries(config.feeds.map((feed) => [feed.url, { maxSeconds: feed.maxSeconds, music: feed.music }])),
    music: config.music,
    afterEach: config.afterEach ?? null,
    lexicon: config.lexicon,
  };
  return {
    settings,
    run: (job, signal, onStage, onProgress) => produceItem(job, { ...settings, producer: context.producer, signal, onStage, onProgress }),
    afterDone: (job) => afterPublished(job, settings, context.log),
    log: context.log,
  };
}

/** Fail before any work on what would fail every job: an output folder that cannot be written, a bad music file. */
async function checkReady(config: ScheduleConfig): Promise<void> {
  await checkOutputFolder(config.output);
  const beds = [...config.feeds.map((feed, index) => [`feeds[${index}].music`, feed.music] as const), ['music', config.music] as const];
  for (const [field, music] of beds) {
    if (!music) continue;
    try {
      await readMusicFile(music.file);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new UserError(`${config.file}: ${field}: ${error.problem}`, 'Point music: at an audio file of at least a second');
    }
  }
}

/** Produce queued jobs: until none is ready (`untilIdle`), or until the context's signal stops it. */
export async function work(context: SchedulerContext, untilIdle: boolean): Promise<void> {
  await checkReady(context.config);
  await produceQueued(context, untilIdle);
}

function produceQueued(context: SchedulerContext, untilIdle: boolean): Promise<void> {
  return context.queue.process(handlers(context), { untilIdle, signal: context.signal });
}

/** One pass: read the feeds, queue new items, produce until the queue is idle (checked once, before the feeds). */
export async function runPass(context: SchedulerContext): Promise<CollectSummary> {
  await checkReady(context.config);
  const summary = await collectItems(context);
  context.log(`pass: ${summary.queued} new item(s) queued, ${summary.feedErrors.length} feed(s) failed`);
  await produceQueued(context, true);
  return summary;
}

/**
 * Stay up: first finish what an earlier run left (a crash, a reboot), then a pass at every cron time. croner's
 * `protect` skips a time while the previous pass still runs, so two passes never overlap.
 */
export async function runOnSchedule(context: SchedulerContext): Promise<void> {
  await work(context, true);
  const { config } = context;
  let running: Promise<unknown> = Promise.resolve();
  const job = new Cron(config.cron, { timezone: config.timezone, protect: true }, async () => {
    running = runPass(context).catch((error: unknown) => context.log(`pass failed: ${errorMessage(error)}`));
    await running;
  });
  context.log(`next pass at ${job.nextRun()?.toISOString() ?? 'never'} (cron "${config.cron}"${config.timezone ? `, ${config.timezone}` : ''})`);
  await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve(), { once: true }));
  job.stop();
  await running;
}
