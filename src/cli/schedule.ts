// npm run schedule -- --config feeds.yaml [--once | --worker]
// Turns the config's feeds into videos: --once runs one pass and exits (system cron, CI, a container job);
// without it the process stays up and runs a pass at every cron time; --worker only produces queued jobs
// (more machines on a redis:// queue, or more processes on one machine).
import { Command } from 'commander';
import { UserError } from '../errors.ts';
import { loadConfig } from '../schedule/config.ts';
import { logLine as log } from '../schedule/log-line.ts';
import { ScheduledProducer } from '../schedule/producer.ts';
import { openQueue } from '../schedule/queue/open-queue.ts';
import { runOnSchedule, runPass, work } from '../schedule/scheduler.ts';
import { parseOptions, runCommand } from './run.ts';

interface ScheduleFlags {
  config: string;
  once?: boolean;
  worker?: boolean;
  verbose?: boolean;
}

async function main(): Promise<void> {
  const program = new Command('schedule')
    .description('Turn the new articles of news feeds into videos, each exactly once, on a cron schedule')
    .requiredOption('--config <file>', 'the YAML config (see feeds.example.yaml)')
    .option('--once', 'run one pass (read the feeds, produce the new items) and exit')
    .option('--worker', 'only produce queued jobs, never read the feeds; runs until stopped (with --once: until the queue is idle)')
    .option('--verbose', 'show the stack of unexpected errors');
  const flags = parseOptions<ScheduleFlags>(program);
  const config = await loadConfig(flags.config);
  const queue = await openQueue(config);
  const producer = new ScheduledProducer({ log: flags.verbose ? log : undefined, warn: (line) => log(`warning: ${line}`) });
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130);
    log(`${signal}: stopping; the job in progress is abandoned and will be retried on the next start`);
    stop.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  const context = { config, queue, producer, log, signal: stop.signal };
  try {
    if (flags.worker) await work(context, Boolean(flags.once));
    else if (flags.once) {
      const summary = await runPass(context);
      if (summary.feedErrors.length === config.feeds.length)
        throw new UserError(
          `None of the ${config.feeds.length} feed(s) could be read`,
          'Check the feed URLs and the network (see the warnings above)',
        );
    } else await runOnSchedule(context);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await producer.close();
    await queue.close();
  }
}

await runCommand(main);
