// npm run bench (part), or npm run bench:dry-run: how fast an editor's check of a lexicon entry answers, and what
// the Spanish rules cost where they once were quadratic. The dry run `narrate --say "Reuters informó" --dry-run` is
// timed as a process from spawn to exit, as a person runs it: through npm (README's command), as the script npm
// runs (node scripts/cli.mjs), and, to compare, from source under tsx and Node starting with nothing to do. One
// warm-up round (it bundles dist/ when stale), then RUNS rounds, the commands alternating; medians. Then the
// spoken form of 50,000 characters of digit runs, and the refusal of a text far over --max-minutes before any
// model loads. Writes bench/results/dry-run.txt. Run it on a quiet machine: the load average is printed with it.
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Narrator } from '../src/pipeline/narrator.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { spokenSpanish } from '../src/text/es/spoken-es.ts';
import { timedProcess } from '../test/helpers/timed-process.ts';

const RUNS = 7;
const SAY = ['--say', 'Reuters informó', '--dry-run'];
const COMMANDS: ReadonlyArray<{ name: string; command: string; args: string[] }> = [
  { name: `npm run narrate -- ${SAY.join(' ')}`, command: 'npm', args: ['run', 'narrate', '--', ...SAY] },
  { name: 'node scripts/cli.mjs narrate (what npm runs)', command: process.execPath, args: ['scripts/cli.mjs', 'narrate', ...SAY] },
  { name: 'node --import tsx src/cli/narrate.ts (from source)', command: process.execPath, args: ['--import', 'tsx', 'src/cli/narrate.ts', ...SAY] },
  { name: 'node -e "" (Node alone)', command: process.execPath, args: ['-e', ''] },
];
const DIGIT_RUNS = ['111 ', '1 ', '11 ', '111.', '111,', '1-', '1/', '1'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const ms = (seconds: number) => `${Math.round(seconds * 1000)} ms`;
const load = () => loadavg()[0]!.toFixed(2);

const loadBefore = load();
const seconds = COMMANDS.map(() => [] as number[]);
for (let round = 0; round <= RUNS; round++) {
  for (const [index, { command, args }] of COMMANDS.entries()) {
    const { seconds: taken } = await timedProcess(command, args);
    if (round > 0) seconds[index]!.push(taken);
  }
}
const lines = [
  `Dry run, wall time from spawn to exit, median of ${RUNS} alternating runs after a warm-up (load average ${loadBefore} before, ${load()} after)`,
  '',
  '| command | median | min | max |',
  '|---|---:|---:|---:|',
  ...COMMANDS.map(({ name }, index) => {
    const runs = seconds[index]!;
    return `| ${name} | ${ms(median(runs))} | ${ms(Math.min(...runs))} | ${ms(Math.max(...runs))} |`;
  }),
  '',
  'Spanish spoken form of 50,000 characters of a digit run, in this process (the first text pays for compiling the rules):',
  '',
  '| run of | time |',
  '|---|---:|',
];
for (const unit of DIGIT_RUNS) {
  const text = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
  const started = performance.now();
  spokenSpanish(text);
  lines.push(`| ${JSON.stringify(unit)} | ${ms((performance.now() - started) / 1000)} |`);
}
const narrator = new Narrator({ device: 'cpu', model: '/nonexistent/kokoro.onnx' });
const started = performance.now();
const refusal = await narrator
  .narrate({ text: '1% '.repeat(16_667), language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact', maxDurationMs: 15 * 60_000 })
  .then(
    () => 'not refused',
    (error: Error) => error.message.split('.')[0]!,
  );
lines.push(
  '',
  `50,000 characters of "1% " over --max-minutes 15, refused before any model loads: ${ms((performance.now() - started) / 1000)} (${refusal})`,
);
await narrator.release();

const report = `${lines.join('\n')}\n`;
process.stdout.write(report);
await writeFile(path.join(PROJECT_ROOT, 'bench/results/dry-run.txt'), report);
