// Preloaded (--import) into a process the bench times: writes the process's peak resident memory in MB to
// BENCH_PEAK_RSS_FILE as it exits, so the figure is the CLI's own, measured from inside it.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS / 1024)));
