// The music bed's level over time, from the narration's own word times: we know when the voice speaks, so no
// sidechain has to guess it. The bed sits `levelDb` under the voice's loudness where nobody speaks (long pauses,
// the closing card) and `duckDb` further down while the voice speaks. Pauses shorter than LONG_PAUSE_MS stay
// ducked: bringing the music up between sentences is what makes a bed pump. Pure: the ffmpeg expression it
// returns is evaluated by the mix (src/audio/music-bed.ts).

/** A stretch of time, in ms of the narration's audio. */
export interface Interval {
  startMs: number;
  endMs: number;
}

export interface MusicBedLevels {
  /** The bed's loudness where nobody speaks, relative to the voice's integrated loudness (LU; negative: quieter). */
  levelDb: number;
  /** How far further down the bed goes while the voice speaks (dB). */
  duckDb: number;
}

export const DEFAULT_MUSIC_LEVELS: MusicBedLevels = { levelDb: -10, duckDb: 18 };
/** What a user may set (the CLI's flags and the scheduler's config check the same bounds). */
export const MUSIC_LEVEL_RANGE_DB = { min: -40, max: 0 } as const;
export const MUSIC_DUCK_RANGE_DB = { min: 0, max: 40 } as const;

/** Silences at least this long let the music come up; shorter ones keep it down. */
export const LONG_PAUSE_MS = 1000;
/** The music is fully down this long before the first word of a stretch of speech. */
export const DUCK_ATTACK_MS = 200;
/** After the last word, the music waits this long, then rises over RELEASE_MS: a slow rise does not pump. */
export const RELEASE_HOLD_MS = 150;
export const RELEASE_MS = 600;
/** Fades at the bed's two ends. */
export const FADE_IN_MS = 1500;
export const FADE_OUT_MS = 2000;

/**
 * Stretches of speech: the words' spans with every silence shorter than LONG_PAUSE_MS bridged. The attack,
 * hold and release (950 ms together) fit in any pause that is not bridged, so the stretches' ramps never overlap.
 */
export function speechStretches(words: readonly Interval[]): Interval[] {
  const stretches: Interval[] = [];
  for (const word of [...words].sort((a, b) => a.startMs - b.startMs)) {
    const last = stretches.at(-1);
    if (last !== undefined && word.startMs - last.endMs < LONG_PAUSE_MS) last.endMs = Math.max(last.endMs, word.endMs);
    else stretches.push({ startMs: word.startMs, endMs: word.endMs });
  }
  return stretches;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * How far down the music is at time `t` (seconds), from 0 (up) to 1 (ducked), as an ffmpeg expression: each
 * stretch a trapezoid (ramp down before it, held through it, ramp up after it), summed, which is their union
 * because they never overlap.
 */
export function duckingExpression(stretches: readonly Interval[]): string {
  if (stretches.length === 0) return '0';
  const attack = seconds(DUCK_ATTACK_MS);
  const release = seconds(RELEASE_MS);
  return stretches
    .map((stretch) => {
      const down = seconds(stretch.startMs - DUCK_ATTACK_MS);
      const up = seconds(stretch.endMs + RELEASE_HOLD_MS + RELEASE_MS);
      return `clip((t-${down})/${attack},0,1)*clip((${up}-t)/${release},0,1)`;
    })
    .join('+');
}

/**
 * The gain (linear) to apply to the music at time `t`, as an ffmpeg `volume` expression: `baseDb` where nobody
 * speaks (the bed's own loudness brought to the voice's plus `levelDb`), `duckDb` less under speech.
 */
export function musicGainExpression(baseDb: number, duckDb: number, stretches: readonly Interval[]): string {
  return `pow(10,(${baseDb.toFixed(2)}-${duckDb.toFixed(2)}*(${duckingExpression(stretches)}))/20)`;
}

/** The gain (dB) that puts a bed measured at `musicLufs` at `levelDb` relative to a voice measured at `voiceLufs`. */
export function bedBaseGainDb(voiceLufs: number, musicLufs: number, levelDb: number): number {
  return voiceLufs + levelDb - musicLufs;
}
