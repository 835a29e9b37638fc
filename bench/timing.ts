// npm run bench:timing: exact (durations, word edges refined on the audio) against calibrated (the seed's
// method) timing on the same texts. The reference is the audio itself, independent of both methods: the
// audible edges around every pause found by energy (src/audio/pauses.ts: 10 ms windows, 35 dB under the
// 90th-percentile window, runs of at least 80 ms). A phrase start is compared with the nearest place where
// sound comes back after a pause, a phrase end with the nearest place where it stops; between two phrases only
// where the voice pauses there (see joinHasPause): a phrase cut between words with no pause has no audible edge
// to compare with. `-- --texts a,b` picks texts.
import { runCommand } from '../src/cli/run.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TimedSpan } from '../src/contract/narration.ts';
import { collectSamples } from '../src/audio/track.ts';
import { detectPauses, edgeOffsetsAtPauses, shareInsidePauses, type Pause, type TimedEdges } from '../test/helpers/pauses.ts';
import { SAMPLE_RATE, SAMPLES_PER_FRAME } from '../src/contract/audio-format.ts';
import { Narrator } from '../src/pipeline/narrator.ts';
import type { NarrateRequest } from '../src/pipeline/request.ts';
import { phraseRuns, DEFAULT_PHRASE_OPTIONS } from '../src/text/phrases.ts';
import { splitAtBreaks } from '../src/text/packing.ts';
import { boundariesBetween } from '../test/helpers/pauses.ts';
import { buildTimeline } from '../src/timing/word-times.ts';
import { spanOfWords } from '../src/narration/spans.ts';
import { samplesToMs } from '../src/timing/word-times.ts';
import { lineChartPng } from './chart.ts';

const TEXTS: readonly string[] = ['corto', 'medio', 'largo'];
const RESULTS = path.join(import.meta.dirname, 'results');

type FrameWord = TimedEdges & { charStart: number; charEnd: number };

interface MethodTimes {
  label: string;
  words: TimedEdges[];
  phrases: TimedSpan[];
  sentences: TimedSpan[];
  wallSeconds: number;
  scalingFactor?: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function nearest(time: number, candidates: readonly number[]): number {
  return candidates.reduce((best, candidate) => (Math.abs(candidate - time) < Math.abs(best - time) ? candidate : best), Infinity);
}

/**
 * Whether the voice pauses where the text passes from the word ending at `charEnd` to the one starting at
 * `charStart`: a detected pause lies within those two words' frames, as Kokoro's durations placed them. The
 * frames locate the join, the audio decides; both methods are measured on the same joins.
 */
function joinHasPause(frameWords: readonly FrameWord[], pauses: readonly Pause[], charEnd: number, charStart: number): boolean {
  const before = frameWords.findLast((word) => word.charEnd <= charEnd);
  const after = frameWords.find((word) => word.charStart >= charStart);
  if (!before || !after) return true;
  return pauses.some((pause) => pause.startMs >= before.startMs && pause.endMs <= after.endMs);
}

/**
 * |error| of phrase starts and ends against the nearest audible onset and offset, with where each occurs: the
 * text's first start and last end, and both sides of every join between phrases where the voice pauses.
 */
function boundaryErrors(
  phrases: readonly TimedSpan[],
  pauses: readonly Pause[],
  durationMs: number,
  frameWords: readonly FrameWord[],
): Array<[atSeconds: number, errorMs: number]> {
  const onsets = pauses.filter((pause) => pause.endMs < durationMs).map((pause) => pause.endMs);
  const offsets = pauses.filter((pause) => pause.startMs > 0).map((pause) => pause.startMs);
  const pausedBefore = (index: number) => index === 0 || joinHasPause(frameWords, pauses, phrases[index - 1]!.charEnd, phrases[index]!.charStart);
  const pausedAfter = (index: number) => index === phrases.length - 1 || pausedBefore(index + 1);
  return phrases.flatMap(
    (phrase, index): Array<[number, number]> => [
      ...(pausedBefore(index) ? [[phrase.startMs / 1000, Math.abs(phrase.startMs - nearest(phrase.startMs, onsets))] as [number, number]] : []),
      ...(pausedAfter(index) ? [[phrase.endMs / 1000, Math.abs(phrase.endMs - nearest(phrase.endMs, offsets))] as [number, number]] : []),
    ],
  );
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

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Both methods on one text, sharing its single pass; the frame-exact word times (before refinement) too. */
async function measureText(narrator: Narrator, text: string) {
  const request: NarrateRequest = { text, language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' };
  const passStart = performance.now();
  const words = await narrator.phonemizeText(text, 'es');
  const passes = await narrator.synthesizeWords(words, 'ef_dora', 1);
  const passSeconds = seconds(passStart);
  let since = performance.now();
  const exact = await narrator.buildNarration(request, words, passes);
  const exactSeconds = passSeconds + seconds(since);
  since = performance.now();
  const calibrated = await narrator.buildNarration({ ...request, timing: 'calibrated' }, words, passes);
  const calibratedSeconds = passSeconds + seconds(since);
  const ms = (sample: number) => samplesToMs(sample, SAMPLE_RATE);
  const frameWords = buildTimeline(passes, SAMPLES_PER_FRAME).words.map((span, index) => ({
    ...words[index]!,
    startMs: ms(span.startSample),
    endMs: ms(span.endSample),
  }));
  const methods: MethodTimes[] = [
    { label: 'exact', ...exact.narration, wallSeconds: exactSeconds },
    {
      label: 'exact, frame bounds',
      words: frameWords,
      phrases: phraseRuns(frameWords, DEFAULT_PHRASE_OPTIONS).map((run) => spanOfWords(text, run)),
      sentences: splitAtBreaks(frameWords, 'sentence').map((run) => spanOfWords(text, run)),
      wallSeconds: exactSeconds,
    },
    { label: 'calibrated', ...calibrated.narration, wallSeconds: calibratedSeconds, scalingFactor: calibrated.narration.calibration!.scalingFactor },
  ];
  return { samples: await collectSamples(exact.track), durationMs: exact.narration.audio.durationMs, methods, frameWords };
}

const TABLE_HEADER = [
  '| text | method | phrase edges at pauses | phrase edge error, mean (ms) | p95 (ms) | max (ms) | drift (ms/min) | sentence boundaries in pauses | word ends at pauses, median / p90 (ms) | word starts at pauses, median / p90 (ms) | wall (s) | wall vs exact |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];

async function main(): Promise<void> {
  const narrator = new Narrator({ device: 'cpu' });
  await narrator.narrate({ text: 'Hola.', language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' });
  await mkdir(RESULTS, { recursive: true });
  process.stdout.write(`${TABLE_HEADER.join('\n')}\n`);
  // `-- --texts largo` measures some texts; the figures of the others stay in timing.json from their last run.
  const textsArgument = process.argv.indexOf('--texts');
  const texts = textsArgument > 0 ? process.argv[textsArgument + 1]!.split(',') : TEXTS;
  const previous = await readFile(path.join(RESULTS, 'timing.json'), 'utf8').catch(() => '{}');
  const summary = Object.fromEntries(
    Object.entries(JSON.parse(previous) as Record<string, unknown>).filter(([key]) => !texts.includes(key.split('/')[0]!)),
  );
  for (const name of texts) {
    const text = await readFile(path.join(import.meta.dirname, 'texts', `${name}.txt`), 'utf8');
    process.stderr.write(`bench:timing: ${name} (${text.length} characters)...\n`);
    const { samples, durationMs, methods, frameWords } = await measureText(narrator, text);
    const pauses = detectPauses(samples, SAMPLE_RATE);
    const exactWall = methods[0]!.wallSeconds;
    const chartErrors: Record<string, Array<[number, number]>> = {};
    for (const method of methods) {
      const errors = boundaryErrors(method.phrases, pauses, durationMs, frameWords);
      chartErrors[method.label] = errors;
      const values = errors.map(([, error]) => error);
      const edges = edgeOffsetsAtPauses(method.words, pauses);
      const row = {
        text: name,
        method: method.label,
        characters: text.length,
        audioSeconds: durationMs / 1000,
        phrases: method.phrases.length,
        phraseEdgesMeasured: errors.length,
        pauses: pauses.length,
        meanErrorMs: values.reduce((sum, value) => sum + value, 0) / values.length,
        p95ErrorMs: percentile(values, 95),
        maxErrorMs: Math.max(...values),
        driftMsPerMinute: driftMsPerMinute(errors),
        sentenceBoundariesInPauses: shareInsidePauses(boundariesBetween(method.sentences), pauses),
        wordEndsAtPausesMedianMs: percentile(edges.ends, 50),
        wordEndsAtPausesP90Ms: percentile(edges.ends.map(Math.abs), 90),
        wordStartsAtPausesMedianMs: percentile(edges.starts, 50),
        wordStartsAtPausesP90Ms: percentile(edges.starts.map(Math.abs), 90),
        wallSeconds: method.wallSeconds,
        scalingFactor: method.scalingFactor,
      };
      summary[`${name}/${method.label}`] = row;
      process.stdout.write(
        `| ${name} | ${method.label} | ${row.phraseEdgesMeasured} | ${row.meanErrorMs.toFixed(1)} | ${row.p95ErrorMs.toFixed(1)} | ${row.maxErrorMs.toFixed(1)} | ` +
          `${row.driftMsPerMinute.toFixed(1)} | ${(row.sentenceBoundariesInPauses * 100).toFixed(1)}% | ` +
          `${row.wordEndsAtPausesMedianMs.toFixed(0)} / ${row.wordEndsAtPausesP90Ms.toFixed(0)} | ` +
          `${row.wordStartsAtPausesMedianMs.toFixed(0)} / ${row.wordStartsAtPausesP90Ms.toFixed(0)} | ${row.wallSeconds.toFixed(1)} | ` +
          `${method.scalingFactor === undefined ? '1.00x' : `${(method.wallSeconds / exactWall).toFixed(2)}x, factor ${method.scalingFactor.toFixed(4)}`} |\n`,
      );
    }
    // Written after every text, so a long run cut short still leaves what it measured.
    await writeFile(path.join(RESULTS, 'timing.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(
      path.join(RESULTS, 'timing-drift.png'),
      lineChartPng(`Phrase edge error along the text "${name}"`, 'position in the audio (s)', '|error| against the audible edges (ms)', [
        { label: 'exact (durations, refined on the audio)', color: '#1b7837', points: chartErrors.exact! },
        { label: "calibrated (the seed's method)", color: '#c51b7d', points: chartErrors.calibrated! },
      ]),
    );
  }
  await narrator.release();
  process.stdout.write(`\nChart: bench/results/timing-drift.png (the last text). Figures: bench/results/timing.json\n`);
}

await runCommand(main);
