// The music bed's level, from the narration's own times: we know when the voice speaks, so the music is ducked
// exactly under speech, with no sidechain guessing. Down well under speech (18 dB), back up in pauses long enough
// to be heard as pauses, before the voice starts and on the closing card. Short gaps between words and sentences
// stay ducked, so the bed does not pump. Pure: ffmpeg's asendcmd plays the commands into a `volume` filter.

export interface DuckingOptions {
  /** How far under its own level the music sits while the voice speaks. */
  duckDb: number;
  /** A silence shorter than this stays ducked. */
  minRiseMs: number;
  /** The ramp down ends this long before the voice starts; the ramp up starts this long after it stops. */
  guardMs: number;
  fallMs: number;
  riseMs: number;
  /** Commands are sent this often during a ramp: steps of well under 1 dB, too fine to hear. */
  stepMs: number;
}

export const DEFAULT_DUCKING: DuckingOptions = { duckDb: 18, minRiseMs: 1200, guardMs: 60, fallMs: 250, riseMs: 600, stepMs: 20 };

export interface Span {
  startMs: number;
  endMs: number;
}

/** Where the voice speaks, as a few long spans: words joined across every gap too short to let the music up. */
export function speechSpans(words: readonly Span[], options: DuckingOptions = DEFAULT_DUCKING): Span[] {
  const spans: Span[] = [];
  for (const word of words) {
    const last = spans.at(-1);
    if (last && word.startMs - last.endMs < options.minRiseMs) last.endMs = Math.max(last.endMs, word.endMs);
    else spans.push({ startMs: word.startMs, endMs: word.endMs });
  }
  return spans;
}

/** The music's gain (linear, 1 = its own level) over time, as [ms, gain] points joined by straight lines. */
export function duckingEnvelope(speech: readonly Span[], options: DuckingOptions = DEFAULT_DUCKING): Array<[number, number]> {
  const ducked = 10 ** (-options.duckDb / 20);
  const points: Array<[number, number]> = [[0, 1]];
  for (const span of speech) {
    const fallEnd = Math.max(0, span.startMs - options.guardMs);
    const fallStart = Math.max(points.at(-1)![0], fallEnd - options.fallMs);
    points.push([fallStart, 1], [fallEnd, ducked]);
    const riseStart = span.endMs + options.guardMs;
    points.push([riseStart, ducked], [riseStart + options.riseMs, 1]);
  }
  return points;
}

/** asendcmd's commands for a `volume@NAME` filter: a step every stepMs along each ramp of the envelope. */
export function duckingCommands(envelope: ReadonlyArray<[number, number]>, filterName: string, options: DuckingOptions = DEFAULT_DUCKING): string {
  const lines: string[] = [];
  const send = (ms: number, gain: number) => lines.push(`${(ms / 1000).toFixed(3)} volume@${filterName} volume ${gain.toFixed(5)};`);
  send(0, envelope[0]?.[1] ?? 1);
  for (const [index, [endMs, endGain]] of envelope.entries()) {
    const previous = envelope[index - 1];
    if (!previous || endGain === previous[1]) continue;
    const [startMs, startGain] = previous;
    if (endMs <= startMs) {
      send(endMs, endGain);
      continue;
    }
    const steps = Math.max(1, Math.round((endMs - startMs) / options.stepMs));
    for (let step = 1; step <= steps; step++) send(startMs + ((endMs - startMs) * step) / steps, startGain + ((endGain - startGain) * step) / steps);
  }
  return `${lines.join('\n')}\n`;
}
