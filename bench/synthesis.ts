// npm run bench: real-time factor of the narration, what the timestamps cost over bare synthesis, and peak
// memory, for a short and a long (> 5,000 characters) Spanish text. Each text runs in its own process so
// its peak memory is its own; inside it, the product path (edited model, durations, timing math) and bare
// synthesis (the original model, audio only) run side by side on the same chunks.
import { runCommand } from '../src/cli/run.ts';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { chunkWords } from '../src/kokoro/chunks.ts';
import { MODEL_FILES, modelDirectory } from '../src/kokoro/model-files.ts';
import { kokoroInputs } from '../src/kokoro/session.ts';
import { loadVoice, styleFor } from '../src/kokoro/voices.ts';
import { Narrator } from '../src/pipeline/narrator.ts';
import type { SynthesizedChunk } from '../src/contract/pipeline.ts';

const TEXTS = ['corto', 'largo'] as const;
type TextName = (typeof TEXTS)[number];

interface CaseResult {
  name: string;
  chars: number;
  audioSeconds: number;
  passes: number;
  /** The whole product path once: phonemes, synthesis with durations, timing, cues. */
  productSeconds: number;
  peakRssMb: number;
  /** Per chunk, interleaved: the original model (audio only) and the edited one (audio + durations). */
  bareSeconds: number;
  withDurationsSeconds: number;
  /** Timeline, word/phrase/sentence spans and cues from those passes. */
  timingMathSeconds: number;
}

async function seconds<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [(performance.now() - start) / 1000, result];
}

async function runCase(name: TextName): Promise<CaseResult> {
  const text = await readFile(path.join(import.meta.dirname, 'texts', `${name}.txt`), 'utf8');
  const narrator = new Narrator({ device: 'cpu' });
  const request = { text, language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' as const };
  // Warm-up: model load, eSpeak start, first-run allocations.
  await narrator.narrate({ ...request, text: 'Hola.' });
  const [productSeconds, product] = await seconds(() => narrator.narrate(request));
  // Peak memory of the product path alone, before the bare session is loaded for the comparison.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const bare = await ort.InferenceSession.create(path.join(modelDirectory(), MODEL_FILES.int8.file), { graphOptimizationLevel: 'all' });
  const voice = await loadVoice('ef_dora');
  const runBare = (tokenIds: number[]) => bare.run(kokoroInputs(tokenIds, styleFor(voice, tokenIds.length), 1));
  await runBare(chunkWords(await narrator.phonemizeText('Hola.', 'es'))[0]!.tokenIds);
  const words = await narrator.phonemizeText(text, 'es');
  let bareSeconds = 0;
  let withDurationsSeconds = 0;
  const passes: SynthesizedChunk[] = [];
  for (const [index, chunk] of chunkWords(words).entries()) {
    // Alternate which goes first so drift in machine speed falls on both sides alike.
    const timeBare = async () => (bareSeconds += (await seconds(() => runBare(chunk.tokenIds)))[0]);
    const timeWithDurations = async () => {
      const [elapsed, [pass]] = await seconds(() => narrator.synthesizeWords(chunk.words, 'ef_dora', 1));
      withDurationsSeconds += elapsed;
      passes.push(pass!);
    };
    if (index % 2 === 0) await timeBare().then(timeWithDurations);
    else await timeWithDurations().then(timeBare);
  }
  const [timingMathSeconds] = await seconds(() => narrator.buildNarration(request, words, passes));
  await narrator.release();
  await bare.release();
  return {
    name,
    chars: text.length,
    audioSeconds: product.narration.audio.durationMs / 1000,
    passes: product.narration.chunks.length,
    productSeconds,
    peakRssMb,
    bareSeconds,
    withDurationsSeconds,
    timingMathSeconds,
  };
}

async function main(): Promise<void> {
  const caseArgument = process.argv.indexOf('--case');
  if (caseArgument > 0) {
    process.stdout.write(JSON.stringify(await runCase(process.argv[caseArgument + 1] as TextName)));
    return;
  }
  const rows: CaseResult[] = [];
  for (const name of TEXTS) {
    process.stderr.write(`bench: ${name}...\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--case', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`bench case ${name} failed`);
    rows.push(JSON.parse(child.stdout) as CaseResult);
  }
  const lines = [
    '| text | characters | Kokoro passes | audio (s) | RTF, whole narration | RTF, bare synthesis | RTF, synthesis + durations | timing math (s) | timestamps cost | peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => {
      const cost = (row.withDurationsSeconds + row.timingMathSeconds) / row.bareSeconds - 1;
      return (
        `| ${row.name} | ${row.chars} | ${row.passes} | ${row.audioSeconds.toFixed(1)} | ${(row.productSeconds / row.audioSeconds).toFixed(3)} | ` +
        `${(row.bareSeconds / row.audioSeconds).toFixed(3)} | ${(row.withDurationsSeconds / row.audioSeconds).toFixed(3)} | ` +
        `${row.timingMathSeconds.toFixed(3)} | ${(cost * 100).toFixed(1)}% | ${row.peakRssMb.toFixed(0)} |`
      );
    }),
  ];
  process.stdout.write(
    `${lines.join('\n')}\n\nRTF = wall time / audio duration (below 1 is faster than real time). "timestamps cost" = ` +
      `(synthesis with the durations output + timing math) / bare synthesis - 1, on the same chunks, interleaved.\n`,
  );
}

await runCommand(main);
