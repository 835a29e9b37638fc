// BullMQ's sandboxed processor: the job runs here, in a child process that BullMQ forks for the worker and keeps
// for its next jobs, not in the worker's own process. Loading the model, phonemizing and synthesis hold the
// event loop for seconds at a time; out here they cannot keep the worker from renewing the job's lock, so a lock
// lapses only when the worker really died. The scheduler hands over its settings in the child's environment.
// afterEach runs here too, before the job is completed, under the same lock: a worker killed during it leaves the
// job active, and the job's next run finds its folder published (no render) and runs afterEach again. A job
// with review completes narrated, its folder as its result, and waits there for a desk (bullmq-review.ts).
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { afterPublished } from '../after-each.ts';
import { logLine } from '../log-line.ts';
import { produceItem } from '../produce-item.ts';
import { ScheduledProducer } from '../producer.ts';
import { classifyFailure } from '../retry.ts';
import { SETTINGS_VARIABLE, viewOf, type JobData, type JobResult, type Progress } from './bullmq-job.ts';
import { errorMessage, everySecond, type WorkerSettings } from './job-queue.ts';

function settingsFromEnvironment(): WorkerSettings {
  const json = process.env[SETTINGS_VARIABLE];
  if (json === undefined) throw new Error(`${SETTINGS_VARIABLE} is not set: this file is run by the BullMQ queue, not directly`);
  return JSON.parse(json) as WorkerSettings;
}

const settings = settingsFromEnvironment();
// One model session, bundle and browser for every job this child runs; the browser goes when the child exits.
const producer = new ScheduledProducer({ warn: (line) => logLine(`warning: ${line}`) });

export default async function processJob(job: SandboxedJob<JobData, JobResult>, _token: string | undefined, signal: AbortSignal): Promise<JobResult> {
  try {
    // An approved job renders the narration under review; any other narrates first.
    let stage: Progress['stage'] = job.data.approved ? 'rendering' : 'narrating';
    const view = viewOf(job, stage);
    const produced = await produceItem(view, {
      ...settings,
      producer,
      signal,
      onStage: (next) => {
        stage = next;
        void job.updateProgress({ stage } satisfies Progress);
      },
      onProgress: everySecond((done) => void job.updateProgress({ stage, done } satisfies Progress)),
    });
    if ('awaitingReview' in produced) return produced;
    await job.updateProgress({ stage: 'afterEach' } satisfies Progress);
    return { ...produced, afterEachError: await afterPublished(view, settings, logLine) };
  } catch (error) {
    // BullMQ retries any error but this one, which it fails at once: an article that cannot be made.
    if (classifyFailure(error) === 'permanent') throw new UnrecoverableError(errorMessage(error));
    throw error;
  }
}
