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
import { PAD_TOKEN_ID } from '../src/phonemes/kokoro-vocab.ts';
import { loadVoice, styleFor } from '../src/kokoro/voices.ts';
import { Narrator } from '../src/pipeline/narrator.ts';
import { median } from '../src/timing/timeline.ts';

const TEXTS = { corto: { repeats: 3 }, largo: { repeats: 1 } } as const;
type TextName = keyof typeof TEXTS;

interface CaseResult {
  name: string;
  chars: number;
  audioSeconds: number;
  timestampedSeconds: number;
  bareSeconds: number;
  peakRssMb: number;
  passes: number;
}

async function bareSynthesis(session: ort.InferenceSession, narrator: Narrator, text: string): Promise<void> {
  const words = await narrator.phonemizeText(text, 'es');
  const voice = await loadVoice('ef_dora');
  for (const chunk of chunkWords(words)) {
    const padded = [PAD_TOKEN_ID, ...chunk.tokenIds, PAD_TOKEN_ID];
    await session.run({
      tokens: new ort.Tensor('int64', BigInt64Array.from(padded, BigInt), [1, padded.length]),
      style: new ort.Tensor('float32', styleFor(voice, chunk.tokenIds.length), [1, 256]),
      speed: new ort.Tensor('float32', Float32Array.of(1), [1]),
    });
  }
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

async function runCase(name: TextName): Promise<CaseResult> {
  const text = await readFile(path.join(import.meta.dirname, 'texts', `${name}.txt`), 'utf8');
  const narrator = new Narrator({ device: 'cpu' });
  const request = { text, language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' as const };
  // Warm-up: model load, eSpeak start, first-run allocations.
  await narrator.narrate({ ...request, text: 'Hola.' });
  let audioSeconds = 0;
  let passes = 0;
  const timestamped: number[] = [];
  timestamped.push(
    await seconds(async () => {
      const result = await narrator.narrate(request);
      audioSeconds = result.narration.audio.durationMs / 1000;
      passes = result.narration.chunks.length;
    }),
  );
  // Peak memory of the product path alone, before the bare session is loaded for comparison.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const session = await ort.InferenceSession.create(path.join(modelDirectory(), MODEL_FILES.int8.file), { graphOptimizationLevel: 'all' });
  await bareSynthesis(session, narrator, 'Hola.');
  const bare: number[] = [];
  for (let repeat = 0; repeat < TEXTS[name].repeats; repeat++) {
    bare.push(await seconds(() => bareSynthesis(session, narrator, text)));
    if (repeat + 1 < TEXTS[name].repeats) timestamped.push(await seconds(() => narrator.narrate(request)));
  }
  await narrator.release();
  return { name, chars: text.length, audioSeconds, timestampedSeconds: median(timestamped)!, bareSeconds: median(bare)!, peakRssMb, passes };
}

async function main(): Promise<void> {
  const caseArgument = process.argv.indexOf('--case');
  if (caseArgument > 0) {
    process.stdout.write(JSON.stringify(await runCase(process.argv[caseArgument + 1] as TextName)));
    return;
  }
  const rows: CaseResult[] = [];
  for (const name of Object.keys(TEXTS) as TextName[]) {
    process.stderr.write(`bench: ${name}...\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--case', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`bench case ${name} failed`);
    rows.push(JSON.parse(child.stdout) as CaseResult);
  }
  const lines = [
    '| text | characters | Kokoro passes | audio (s) | RTF with timestamps | RTF bare | timestamps cost | peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.chars} | ${row.passes} | ${row.audioSeconds.toFixed(1)} | ${(row.timestampedSeconds / row.audioSeconds).toFixed(3)} | ` +
        `${(row.bareSeconds / row.audioSeconds).toFixed(3)} | ${((row.timestampedSeconds / row.bareSeconds - 1) * 100).toFixed(1)}% | ${row.peakRssMb.toFixed(0)} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n\nRTF = wall time / audio duration (below 1 is faster than real time). "timestamps cost" = with timestamps / bare - 1.\n`);
}

await runCommand(main);
