// The scheduler's log: one timestamped line on stderr per event, from the scheduler and from the child
// processes that run BullMQ jobs (their stderr is the scheduler's), so the lines of both interleave readably.
import { printable } from '../system/printable.ts';

export function logLine(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${printable(line)}\n`);
}
