// BullMQ's sandboxed processor: the job runs here, in a child process that BullMQ forks for the worker and keeps
// for its next jobs, not in the worker's own process. Loading the model, phonemizing and synthesis hold the
// event loop for seconds at a time; out here they cannot keep the worker from renewing the job's lock, so a lock
// lapses only when the worker really died. The scheduler hands over its settings in the child's environment.
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { logLine } from '../log-line.ts';
import { produceItem, type ProducedItem, type ProduceSettings } from '../produce-item.ts';
import { ScheduledProducer } from '../producer.ts';
import { classifyFailure } from '../retry.ts';
import { SETTINGS_VARIABLE, viewOf, type JobData, type Progress } from './bullmq-job.ts';
import { errorMessage } from './job-queue.ts';

function settingsFromEnvironment(): ProduceSettings {
  const json = process.env[SETTINGS_VARIABLE];
  if (json === undefined) throw new Error(`${SETTINGS_VARIABLE} is not set: this file is run by the BullMQ queue, not directly`);
  return JSON.parse(json) as ProduceSettings;
}

const settings = settingsFromEnvironment();
// One model session, bundle and browser for every job this child runs; the browser goes when the child exits.
const producer = new ScheduledProducer({ warn: (line) => logLine(`warning: ${line}`) });

export default async function processJob(
  job: SandboxedJob<JobData, ProducedItem>,
  _token: string | undefined,
  signal: AbortSignal,
): Promise<ProducedItem> {
  try {
    return await produceItem(viewOf(job, 'narrating'), {
      ...settings,
      producer,
      signal,
      onStage: (stage) => void job.updateProgress({ stage } satisfies Progress),
    });
  } catch (error) {
    // BullMQ retries any error but this one, which it fails at once: an article that cannot be made.
    if (classifyFailure(error) === 'permanent') throw new UnrecoverableError(errorMessage(error));
    throw error;
  }
}
