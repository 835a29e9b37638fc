// npm run jobs -- --config feeds.yaml [--json] [--retry ID]
// Lists the scheduler's jobs and their states, or requeues one.
import { Command } from 'commander';
import { loadConfig } from '../schedule/config.ts';
import type { JobView } from '../schedule/job.ts';
import { openQueue } from '../schedule/queue/open-queue.ts';
import { printable } from '../system/printable.ts';
import { parseOptions, runCommand } from './run.ts';

interface JobsFlags {
  config: string;
  json?: boolean;
  retry?: string;
}

function table(jobs: JobView[]): string {
  if (jobs.length === 0) return 'no jobs yet\n';
  const rows = jobs.map((job) => [
    job.id,
    job.state,
    String(job.attempts),
    job.updatedAt.replace(/\.\d+Z$/, 'Z'),
    printable(job.title),
    job.afterEachError ? `afterEach: ${job.afterEachError}` : (job.lastError ?? job.folder),
  ]);
  const header = ['id', 'state', 'tries', 'updated', 'title', 'output or last error'];
  const widths = header.map((name, column) => Math.min(60, Math.max(name.length, ...rows.map((row) => row[column]!.length))));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.slice(0, widths[column]).padEnd(widths[column]!))).join('  ');
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

async function main(): Promise<void> {
  const program = new Command('jobs')
    .description("List the scheduler's jobs, or requeue one")
    .requiredOption('--config <file>', 'the YAML config whose queue to read')
    .option('--json', 'print the jobs as JSON (for scripts)')
    .option('--retry <id>', 'requeue a failed or done job');
  const flags = parseOptions<JobsFlags>(program);
  const queue = await openQueue(await loadConfig(flags.config));
  try {
    if (flags.retry !== undefined) {
      const job = await queue.retry(flags.retry);
      process.stdout.write(flags.json ? `${JSON.stringify(job, null, 2)}\n` : `job ${job.id} requeued: ${printable(job.title)}\n`);
      return;
    }
    const jobs = await queue.list();
    process.stdout.write(flags.json ? `${JSON.stringify(jobs, null, 2)}\n` : table(jobs));
  } finally {
    await queue.close();
  }
}

await runCommand(main);
