// Pass durations -> word times, the whole path in one pure file, top to bottom:
// 1. frames: Kokoro's predictor gives every input token a frame count; a word's frames are its phonemes' frames.
// 2. timeline: the passes are placed one after another, the pause at each join as long as Kokoro's own pause
//    inside a pass at a break of the same strength.
// 3. audible edges: each word's frame-exact span is narrowed (or, at its start, widened back over sound that runs
//    into it) to where its audio is audible.
// 4. milliseconds: samples at 24 kHz to ms, rounded to the microsecond.
// Inputs are the durations the decoder was driven by and the window levels of each pass's own audio, so these
// are the times of the very pass that made the audio. Token t of a chunk is input position t + 1 (a pad comes
// first); its audio is frames [edge[t+1], edge[t+2]).
import { SAMPLE_RATE, SAMPLES_PER_FRAME } from '../contract/audio-format.ts';
import type { BreakStrength, KokoroChunk, PassFrames } from '../contract/pipeline.ts';
import { SILENCE_LEVEL_DB, type SilenceLevel, silenceThresholdDb } from '../audio/levels.ts';

// ---- 1. frames -------------------------------------------------------------------------------------------

/** Frame at which each input position starts; the last entry is the pass's total frame count. */
export function frameEdges(durations: readonly number[]): number[] {
  const edges = [0];
  for (const frames of durations) edges.push(edges.at(-1)! + frames);
  return edges;
}

/** [startFrame, endFrame) of the phoneme tokens of every word of the chunk. */
export function wordFrameSpans(chunk: KokoroChunk, durations: readonly number[]): Array<[number, number]> {
  if (durations.length !== chunk.tokenIds.length + 2) {
    throw new Error(`${durations.length} durations for a chunk of ${chunk.tokenIds.length} tokens plus 2 pads`);
  }
  const edges = frameEdges(durations);
  return chunk.wordTokenRanges.map(([first, end]) => [edges[first + 1]!, edges[end + 1]!]);
}

/**
 * The frames of silence-bearing tokens (punctuation, spaces) Kokoro put inside this pass after every word
 * whose break is `strength`: from the end of that word to the start of the next.
 */
export function pausesInChunk(chunk: KokoroChunk, durations: readonly number[], strength: BreakStrength): number[] {
  const spans = wordFrameSpans(chunk, durations);
  const pauses: number[] = [];
  chunk.words.forEach((word, index) => {
    const next = spans[index + 1];
    if (word.breakAfter === strength && next) pauses.push(next[0] - spans[index]![1]);
  });
  return pauses;
}

// ---- 2. timeline -----------------------------------------------------------------------------------------

export interface SampleSpan {
  startSample: number;
  endSample: number;
}

export interface Timeline {
  /** Sample at which each chunk's audio starts in the final audio. */
  chunkOffsets: number[];
  /** Sample at which each chunk's audio ends (its offset plus its frames). */
  chunkEnds: number[];
  /** Silence inserted before each chunk (0 for the first). */
  gapsBefore: number[];
  totalSamples: number;
  /** Every word's frame-exact span in the final audio. */
  words: SampleSpan[];
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The pause Kokoro makes inside a pass after a break of each strength, in frames (median of this narration's
 * own passes); undefined where no pass holds such a break. A paragraph end and a sentence end stand in for each
 * other when only one was seen. Between two words Kokoro makes no pause, so a cut there gets none.
 */
export function naturalPauseFrames(chunks: readonly PassFrames[]): Record<BreakStrength, number | undefined> {
  const medianAfter = (strength: BreakStrength) => median(chunks.flatMap(({ chunk, durations }) => pausesInChunk(chunk, durations, strength)));
  const sentence = medianAfter('sentence');
  const paragraph = medianAfter('paragraph');
  return { none: 0, clause: medianAfter('clause'), sentence: sentence ?? paragraph, paragraph: paragraph ?? sentence };
}

/**
 * Place chunks one after another. The silence already at a join (the end of one pass after its last word,
 * the start of the next before its first word) is topped up to the natural pause for the break the pass was
 * cut at (a clause cut gets the clause pause, a cut between words none); never shortened.
 */
export function buildTimeline(chunks: readonly PassFrames[], samplesPerFrame: number): Timeline {
  const pauseFrames = naturalPauseFrames(chunks);
  const spans = chunks.map(({ chunk, durations }) => wordFrameSpans(chunk, durations));
  const chunkOffsets: number[] = [];
  const chunkEnds: number[] = [];
  const gapsBefore: number[] = [];
  const words: SampleSpan[] = [];
  let cursor = 0;
  chunks.forEach(({ durations }, chunkIndex) => {
    let gap = 0;
    const previousChunk = chunks[chunkIndex - 1];
    const previousSpans = spans[chunkIndex - 1];
    const wantedFrames = previousChunk && pauseFrames[previousChunk.chunk.words.at(-1)!.breakAfter];
    if (previousChunk && previousSpans && wantedFrames !== undefined) {
      const previousTotal = frameEdges(previousChunk.durations).at(-1)!;
      const silenceFrames = previousTotal - previousSpans.at(-1)![1] + spans[chunkIndex]![0]![0];
      gap = Math.max(0, Math.round(wantedFrames - silenceFrames)) * samplesPerFrame;
    }
    cursor += gap;
    gapsBefore.push(gap);
    chunkOffsets.push(cursor);
    for (const [startFrame, endFrame] of spans[chunkIndex]!) {
      words.push({ startSample: cursor + startFrame * samplesPerFrame, endSample: cursor + endFrame * samplesPerFrame });
    }
    cursor += frameEdges(durations).at(-1)! * samplesPerFrame;
    chunkEnds.push(cursor);
  });
  return { chunkOffsets, chunkEnds, gapsBefore, totalSamples: cursor, words };
}

// ---- 3. audible edges ------------------------------------------------------------------------------------
// Before a pause Kokoro gives a word's last phoneme many frames that the decoder renders largely as silence, so a
// frame-exact word "ends" well inside the pause; after a pause the decoder's sound of a word's first phoneme begins
// up to about 90 ms before that phoneme's frames. Each edge is moved to where the audio is audible: an end only
// inside the word's own frames, a start inside them or back over the sound that runs on, unbroken, into them from
// the frames of the space and punctuation before it (frames no word owns). Bounds: [end of the previous word's
// frames, end of the word's own frames], so words stay ordered and never overlap.

export interface AudibleEdgeOptions extends SilenceLevel {
  /** Scan step: finer than the 25 ms frames, coarse enough to read as an energy level. */
  windowMs: number;
}

/** Audible means no more than 35 dB under the 90th-percentile 5 ms window of the whole narration. */
export const AUDIBLE_EDGE_OPTIONS: AudibleEdgeOptions = { windowMs: 5, speechPercentile: 90, belowSpeechDb: 35 };

/**
 * The audible part of each span (spans ordered, not overlapping, as frame-exact words are), read from `levels`:
 * the level in dB of every `windowSamples`-sample window of the whole narration, from its first sample (see
 * windowLevelsDb). Every span edge falls on a window edge (a frame is a whole number of windows), so the
 * levels are gathered pass by pass as passes are synthesized and the narration never has to be in memory whole.
 * A span with nothing audible in it (a word the decoder rendered as near silence) keeps its bounds.
 */
export function audibleSpans(
  levels: readonly number[],
  windowSamples: number,
  spans: readonly SampleSpan[],
  options: SilenceLevel = AUDIBLE_EDGE_OPTIONS,
): SampleSpan[] {
  const threshold = silenceThresholdDb(levels, options);
  const windowAt = (sample: number) => {
    if (sample % windowSamples !== 0) throw new Error(`span edge ${sample} is not on a ${windowSamples}-sample window edge`);
    return sample / windowSamples;
  };
  return spans.map((span, index) => {
    const firstWindow = windowAt(span.startSample);
    const own = levels.slice(firstWindow, windowAt(span.endSample));
    const first = own.findIndex((level) => level >= threshold);
    if (first === -1) return { ...span };
    const last = own.findLastIndex((level) => level >= threshold);
    let startWindow = firstWindow + first;
    if (first === 0) {
      const earliest = windowAt(spans[index - 1]?.endSample ?? 0);
      while (startWindow - 1 >= earliest && levels[startWindow - 1]! >= threshold) startWindow--;
    }
    return { startSample: startWindow * windowSamples, endSample: Math.min(span.endSample, span.startSample + (last + 1) * windowSamples) };
  });
}

/**
 * The window levels of the whole narration, from each pass's own (windowLevelsDb of its samples) and the
 * silence the timeline puts before it (`gapsBefore`, in samples, a whole number of windows).
 */
export function narrationLevels(passLevels: ReadonlyArray<readonly number[]>, gapsBefore: readonly number[], windowSamples: number): number[] {
  const levels: number[] = [];
  passLevels.forEach((own, index) => {
    for (let window = 0; window < gapsBefore[index]! / windowSamples; window++) levels.push(SILENCE_LEVEL_DB);
    for (const level of own) levels.push(level);
  });
  return levels;
}

// ---- 4. milliseconds, and the whole path -----------------------------------------------------------------

export function samplesToMs(samples: number, sampleRate: number): number {
  return Math.round((samples * 1000 * 1000) / sampleRate) / 1000;
}

/** Word edges are read on 5 ms windows: 120 samples, so a 600-sample frame is 5 whole windows. */
export const EDGE_WINDOW_SAMPLES = (SAMPLE_RATE * AUDIBLE_EDGE_OPTIONS.windowMs) / 1000;

/** A pass as timing needs it: its words and frame counts, and the levels of its audio's EDGE_WINDOW_SAMPLES windows. */
export interface PassForTiming extends PassFrames {
  levels: readonly number[];
}

export interface WordTime {
  /** On the word's audible sound. */
  startMs: number;
  endMs: number;
  /** The frame-exact span of its phonemes. */
  frameStartMs: number;
  frameEndMs: number;
}

export interface NarrationTimes {
  words: WordTime[];
  /** Each pass's span in the final audio. */
  passes: Array<{ startMs: number; endMs: number }>;
  durationMs: number;
  /** Where the audio track lays each pass's samples, and its length, in samples. */
  passOffsets: number[];
  totalSamples: number;
}

/** Every word's time in the narration, from the passes in order. */
export function narrationTimes(passes: readonly PassForTiming[]): NarrationTimes {
  const timeline = buildTimeline(passes, SAMPLES_PER_FRAME);
  const levels = narrationLevels(
    passes.map((pass) => pass.levels),
    timeline.gapsBefore,
    EDGE_WINDOW_SAMPLES,
  );
  const audible = audibleSpans(levels, EDGE_WINDOW_SAMPLES, timeline.words);
  const ms = (sample: number) => samplesToMs(sample, SAMPLE_RATE);
  return {
    words: timeline.words.map((frames, index) => ({
      startMs: ms(audible[index]!.startSample),
      endMs: ms(audible[index]!.endSample),
      frameStartMs: ms(frames.startSample),
      frameEndMs: ms(frames.endSample),
    })),
    passes: timeline.chunkOffsets.map((offset, index) => ({ startMs: ms(offset), endMs: ms(timeline.chunkEnds[index]!) })),
    durationMs: ms(timeline.totalSamples),
    passOffsets: timeline.chunkOffsets,
    totalSamples: timeline.totalSamples,
  };
}
