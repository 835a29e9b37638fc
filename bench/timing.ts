// npm run bench:timing: exact (durations) against calibrated (the seed's stretch) timing on the same texts.
// Reference: the phrase times read from the durations that drove the decoder of the single pass, i.e. where
// the audio really is; independent of both: sentence boundaries against pauses found by energy in the audio.
import { runCommand } from '../src/cli/run.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TimedSpan } from '../src/contract/narration.ts';
import { detectPauses, shareInsidePauses } from '../src/audio/pauses.ts';
import { Narrator, type NarrateRequest, type NarrationAudio } from '../src/pipeline/narrator.ts';
import { boundariesBetween } from '../src/timing/boundaries.ts';
import { lineChartPng } from './chart.ts';

const TEXTS = ['corto', 'medio', 'largo'] as const;
const RESULTS = path.join(import.meta.dirname, 'results');

interface MethodResult {
  wallSeconds: number;
  narration: NarrationAudio['narration'];
  pauseShare: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** |error| of every phrase start and end against the reference, with the reference time it occurs at. */
function boundaryErrors(phrases: readonly TimedSpan[], reference: readonly TimedSpan[]): Array<[atSeconds: number, errorMs: number]> {
  return reference.flatMap((truth, index) => [
    [truth.startMs / 1000, Math.abs(phrases[index]!.startMs - truth.startMs)],
    [truth.endMs / 1000, Math.abs(phrases[index]!.endMs - truth.endMs)],
  ]);
}

/** Least-squares slope of error against position: how fast the error grows, in ms per minute of audio. */
function driftMsPerMinute(errors: Array<[number, number]>): number {
  const n = errors.length;
  const meanX = errors.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = errors.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = errors.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = errors.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : (covariance / variance) * 60;
}

async function measure(narrator: Narrator, request: NarrateRequest): Promise<MethodResult> {
  const start = performance.now();
  const result = await narrator.narrate(request);
  const wallSeconds = (performance.now() - start) / 1000;
  const pauses = detectPauses(result.samples, result.narration.audio.sampleRate);
  return { wallSeconds, narration: result.narration, pauseShare: shareInsidePauses(boundariesBetween(result.narration.sentences), pauses) };
}

async function main(): Promise<void> {
  const narrator = new Narrator({ device: 'cpu' });
  await narrator.narrate({ text: 'Hola.', language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' });
  const rows: string[] = [];
  const summary: Record<string, unknown> = {};
  let chartErrors: Record<string, Array<[number, number]>> = {};
  for (const name of TEXTS) {
    const text = await readFile(path.join(import.meta.dirname, 'texts', `${name}.txt`), 'utf8');
    process.stderr.write(`bench:timing: ${name} (${text.length} characters)...\n`);
    const base: NarrateRequest = { text, language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' };
    const exact = await measure(narrator, base);
    const calibrated = await measure(narrator, { ...base, timing: 'calibrated' });
    const reference = exact.narration.phrases;
    const errors = { exact: boundaryErrors(exact.narration.phrases, reference), calibrated: boundaryErrors(calibrated.narration.phrases, reference) };
    for (const method of ['exact', 'calibrated'] as const) {
      const values = errors[method].map(([, error]) => error);
      const result = method === 'exact' ? exact : calibrated;
      const row = {
        text: name,
        method,
        characters: text.length,
        audioSeconds: result.narration.audio.durationMs / 1000,
        phrases: reference.length,
        meanErrorMs: values.reduce((sum, value) => sum + value, 0) / values.length,
        p95ErrorMs: percentile(values, 95),
        maxErrorMs: Math.max(...values),
        driftMsPerMinute: driftMsPerMinute(errors[method]),
        sentenceBoundariesInPauses: result.pauseShare,
        wallSeconds: result.wallSeconds,
        scalingFactor: result.narration.calibration?.scalingFactor,
      };
      summary[`${name}/${method}`] = row;
      rows.push(
        `| ${name} | ${method} | ${row.meanErrorMs.toFixed(1)} | ${row.p95ErrorMs.toFixed(1)} | ${row.maxErrorMs.toFixed(1)} | ` +
          `${row.driftMsPerMinute.toFixed(1)} | ${(row.sentenceBoundariesInPauses * 100).toFixed(1)}% | ${row.wallSeconds.toFixed(1)} | ` +
          `${method === 'calibrated' ? `${(calibrated.wallSeconds / exact.wallSeconds).toFixed(2)}x, factor ${row.scalingFactor!.toFixed(4)}` : '1.00x'} |`,
      );
    }
    chartErrors = errors;
  }
  await narrator.release();
  await mkdir(RESULTS, { recursive: true });
  await writeFile(path.join(RESULTS, 'timing.json'), `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(
    path.join(RESULTS, 'timing-drift.png'),
    lineChartPng('Phrase boundary error along the long text', 'position in the audio (s)', '|error| against the model\'s durations (ms)', [
      { label: 'exact (durations)', color: '#1b7837', points: chartErrors.exact! },
      { label: 'calibrated (seed)', color: '#c51b7d', points: chartErrors.calibrated! },
    ]),
  );
  process.stdout.write(
    [
      '| text | method | mean error (ms) | p95 (ms) | max (ms) | drift (ms/min) | sentence boundaries in pauses | wall (s) | wall vs exact |',
      '|---|---|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
    ].join('\n') + `\n\nChart: bench/results/timing-drift.png (long text). Figures: bench/results/timing.json\n`,
  );
}

await runCommand(main);
