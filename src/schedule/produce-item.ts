// The job itself, the same for both queues: narrate and render one item into a temporary folder, add job.json,
// publish the folder at OUT/YYYY-MM-DD/<slug>/ in one rename. A folder already published for this key (the
// process died after the rename but before the queue heard of it) is taken as the result, never redone.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publishFolder } from '../output/publish.ts';
import { PRODUCT_VERSION } from '../output/run-record.ts';
import type { JobView } from './job.ts';
import { JOB_RECORD_FILE, JobRecordSchema, readFinishedJob, type JobRecord } from './job-record.ts';
import type { ItemProducer, ProduceStage } from './producer.ts';

export interface ProduceItemOptions {
  producer: ItemProducer;
  outputRoot: string;
  fps: 25 | 30 | 60;
  scale: number;
  allowPrivateNetworks: boolean;
  signal: AbortSignal;
  onStage: (stage: ProduceStage) => void;
}

export interface ProducedItem {
  folder: string;
  record: JobRecord;
  /** False when the folder was already published by an earlier attempt. */
  produced: boolean;
}

export async function produceItem(job: JobView, options: ProduceItemOptions): Promise<ProducedItem> {
  const target = path.join(options.outputRoot, job.folder);
  const existing = await readFinishedJob(target, job.key);
  if (existing !== null) return { folder: target, record: existing, produced: false };
  const startedAt = new Date();
  let narratedAt = startedAt;
  const record = await publishFolder(target, async (staging) => {
    const result = await options.producer.produce({
      articleUrl: job.itemUrl,
      voice: job.voice,
      language: job.language,
      formats: job.formats,
      fps: options.fps,
      scale: options.scale,
      outDir: staging,
      allowPrivateNetworks: options.allowPrivateNetworks,
      signal: options.signal,
      onStage: (stage) => {
        if (stage === 'rendering') narratedAt = new Date();
        options.onStage(stage);
      },
    });
    const finishedAt = new Date();
    const record = JobRecordSchema.parse({
      version: 1,
      key: job.key,
      source: { feed: job.feedUrl, item: job.itemUrl, guid: job.guid, title: job.title, publishedAt: job.publishedAt },
      times: { firstSeenAt: job.createdAt, startedAt: startedAt.toISOString(), narratedAt: narratedAt.toISOString(), finishedAt: finishedAt.toISOString() },
      durations: {
        narrationMs: narratedAt.getTime() - startedAt.getTime(),
        renderMs: finishedAt.getTime() - narratedAt.getTime(),
        itemToVideoMs: finishedAt.getTime() - Date.parse(job.createdAt),
        audioMs: result.narration.audio.durationMs,
      },
      attempt: job.attempts,
      videos: result.videos,
      model: result.narration.run.model,
      productVersion: PRODUCT_VERSION,
    });
    await writeFile(path.join(staging, JOB_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
    return record;
  });
  return { folder: target, record, produced: true };
}
