// npm run bench: the whole `narrate` (timestamps and MP3 included) against kokoro-onnx's create() (the seed's
// runtime, Python onnxruntime, bench/parity's venv) on the same text and model, side by side in one run:
// medians of alternating runs, each in its own process, with peak RSS. Then the tokens-to-audio pass alone on
// both sides, on the same token ids. `-- --texts corto,medio,largo` picks the texts, `-- --runs N` the count.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '../src/cli/run.ts';
import { chunkWords } from '../src/kokoro/chunks.ts';
import { MODEL_FILES, modelDirectory } from '../src/kokoro/model-files.ts';
import { Narrator } from '../src/pipeline/narrator.ts';
import { timedProcess } from '../test/helpers/timed-process.ts';

const VOICE = 'ef_dora';

interface Timed {
  seconds: number;
  peakRssMb: number;
}

interface TextResult {
  name: string;
  chars: number;
  passes: number;
  tokens: number;
  audioSeconds: number;
  narrate: Timed[];
  kokoroOnnxProcess: Timed[];
  kokoroOnnxCreate: number[];
  ourPass: number[];
  kokoroOnnxPass: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Child mode: our tokens-to-audio passes over the text's chunks, after a warm-up pass, as JSON. */
async function ourPasses(textFile: string): Promise<void> {
  const narrator = new Narrator({ device: 'cpu' });
  await narrator.synthesizeWords(await narrator.phonemizeText('Hola.', 'es'), VOICE, 1);
  const chunks = chunkWords(await narrator.phonemizeText(await readFile(textFile, 'utf8'), 'es'));
  const start = performance.now();
  for (const chunk of chunks) await narrator.synthesizeWords(chunk.words, VOICE, 1);
  const passSeconds = (performance.now() - start) / 1000;
  await narrator.release();
  process.stdout.write(JSON.stringify({ passSeconds }));
}

async function benchText(name: string, runs: number, python: string, work: string): Promise<TextResult> {
  const textFile = path.join(import.meta.dirname, 'texts', `${name}.txt`);
  const text = await readFile(textFile, 'utf8');
  const narrator = new Narrator({ device: 'cpu' });
  const chunks = chunkWords(await narrator.phonemizeText(text, 'es'));
  await narrator.release();
  const tokensFile = path.join(work, `${name}.tokens.json`);
  await writeFile(tokensFile, JSON.stringify(chunks.map((chunk) => chunk.tokenIds)));
  const model = path.join(modelDirectory(), MODEL_FILES.int8.file);
  const voiceFile = path.join(process.env.KOKORO_VOICES_DIR ?? path.join(modelDirectory(), 'voices'), `${VOICE}.bin`);
  const result: TextResult = {
    name,
    chars: text.length,
    passes: chunks.length,
    tokens: chunks.reduce((sum, chunk) => sum + chunk.tokenIds.length, 0),
    audioSeconds: 0,
    narrate: [],
    kokoroOnnxProcess: [],
    kokoroOnnxCreate: [],
    ourPass: [],
    kokoroOnnxPass: [],
  };

  const narrate = async () => {
    const rssFile = path.join(work, 'narrate.rss');
    const out = path.join(work, `narrate-${name}`);
    const { seconds } = await timedProcess(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        path.join(import.meta.dirname, 'peak-rss.ts'),
        'src/cli/narrate.ts',
        '--file',
        textFile,
        '--voice',
        VOICE,
        '--out',
        out,
      ],
      { BENCH_PEAK_RSS_FILE: rssFile },
    );
    const narration = JSON.parse(await readFile(path.join(out, 'narration.json'), 'utf8')) as { audio: { durationMs: number } };
    result.audioSeconds = narration.audio.durationMs / 1000;
    result.narrate.push({ seconds, peakRssMb: Number(await readFile(rssFile, 'utf8')) });
  };
  const kokoroOnnx = async () => {
    const script = path.join(import.meta.dirname, 'parity', 'kokoro_onnx_bench.py');
    const { seconds, stdout } = await timedProcess(python, [script, 'create', model, voiceFile, textFile, path.join(work, `${name}.wav`)]);
    const report = JSON.parse(stdout) as { createSeconds: number; peakRssMb: number };
    result.kokoroOnnxProcess.push({ seconds, peakRssMb: report.peakRssMb });
    result.kokoroOnnxCreate.push(report.createSeconds);
  };
  const ourPass = async () => {
    const { stdout } = await timedProcess(process.execPath, ['--import', 'tsx', import.meta.filename, '--passes', textFile]);
    result.ourPass.push((JSON.parse(stdout) as { passSeconds: number }).passSeconds);
  };
  const kokoroOnnxPass = async () => {
    const { stdout } = await timedProcess(python, [
      path.join(import.meta.dirname, 'parity', 'kokoro_onnx_bench.py'),
      'pass',
      model,
      voiceFile,
      tokensFile,
    ]);
    result.kokoroOnnxPass.push((JSON.parse(stdout) as { passSeconds: number }).passSeconds);
  };
  // The first narrate also makes the cached float-convolution model if it is missing; its time is not counted.
  await narrate();
  result.narrate.length = 0;
  for (let run = 0; run < runs; run++) {
    // Alternate which side goes first so drift in this shared machine's speed falls on both alike.
    const pairs: Array<[() => Promise<void>, () => Promise<void>]> = [
      [narrate, kokoroOnnx],
      [ourPass, kokoroOnnxPass],
    ];
    for (const [ours, theirs] of pairs) {
      if (run % 2 === 0) await ours().then(theirs);
      else await theirs().then(ours);
    }
    const latest = (values: Array<number | Timed>) => JSON.stringify(values.at(-1));
    process.stderr.write(
      `bench: ${name} run ${run + 1}/${runs}: narrate ${latest(result.narrate)}, kokoro-onnx ${latest(result.kokoroOnnxProcess)} ` +
        `create() ${latest(result.kokoroOnnxCreate)}, pass ours ${latest(result.ourPass)} kokoro-onnx ${latest(result.kokoroOnnxPass)}\n`,
    );
  }
  return result;
}

function table(rows: TextResult[]): string {
  const seconds = (values: number[]) => median(values).toFixed(1);
  const ratio = (ours: number[], theirs: number[]) => `${(median(ours) / median(theirs)).toFixed(2)}x`;
  return [
    '| text | characters | passes (tokens) | audio (s) | narrate (s) | kokoro-onnx create() (s) | kokoro-onnx process (s) | narrate / create() | narrate / kokoro-onnx process | pass, ours (s) | pass, kokoro-onnx (s) | pass ratio | peak RSS narrate (MB) | peak RSS kokoro-onnx (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => {
      const narrate = row.narrate.map((run) => run.seconds);
      const process = row.kokoroOnnxProcess.map((run) => run.seconds);
      return (
        `| ${row.name} | ${row.chars} | ${row.passes} (${row.tokens}) | ${row.audioSeconds.toFixed(1)} | ${seconds(narrate)} | ${seconds(row.kokoroOnnxCreate)} | ` +
        `${seconds(process)} | ${ratio(narrate, row.kokoroOnnxCreate)} | ${ratio(narrate, process)} | ${seconds(row.ourPass)} | ${seconds(row.kokoroOnnxPass)} | ` +
        `${ratio(row.ourPass, row.kokoroOnnxPass)} | ${Math.max(...row.narrate.map((run) => run.peakRssMb)).toFixed(0)} | ` +
        `${Math.max(...row.kokoroOnnxProcess.map((run) => run.peakRssMb)).toFixed(0)} |`
      );
    }),
  ].join('\n');
}

async function main(): Promise<void> {
  const passesArgument = process.argv.indexOf('--passes');
  if (passesArgument > 0) return ourPasses(process.argv[passesArgument + 1]!);
  const runsArgument = process.argv.indexOf('--runs');
  const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 3;
  const textsArgument = process.argv.indexOf('--texts');
  const texts = textsArgument > 0 ? process.argv[textsArgument + 1]!.split(',') : ['corto', 'medio'];
  const venv = spawnSync('bash', [path.join(import.meta.dirname, 'parity', 'venv.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (venv.status !== 0) throw new Error('could not make the kokoro-onnx venv (bench/parity/venv.sh)');
  const work = await mkdtemp(path.join(tmpdir(), 'bench-'));
  try {
    const rows: TextResult[] = [];
    for (const name of texts) rows.push(await benchText(name, runs, venv.stdout.trim(), work));
    process.stdout.write(
      `${table(rows)}\n\nMedians of ${runs} alternating runs, each in its own process. narrate = the whole CLI (start-up, model load, ` +
        `phonemes, synthesis with durations, timing, MP3, files); kokoro-onnx process = import, load, create(), WAV. ` +
        `Pass = tokens to audio alone on the same token ids, after a warm-up. Peak RSS: the largest of the runs.\n`,
    );
    process.stdout.write(`\nRaw runs:\n${JSON.stringify(rows)}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await runCommand(main);
