// A music bed under the narration: the music looped or trimmed to the video, faded in and out, brought to a
// level relative to the voice (both measured with ebur128, so a loud master and a quiet one sit the same) and
// ducked under the voice by the envelope src/platform/music-bed.ts computes from the word times. The voice is
// mixed in untouched (amix without normalization), so not one of its samples moves; the loudness step after
// this works on the mix.
import { existsSync, statSync } from 'node:fs';
import { runFfmpeg } from '../media/ffmpeg.ts';
import { UserError } from '../errors.ts';
import { MEASURE_FILTER, parseEbur128Summary } from '../platform/loudness.ts';
import {
  bedBaseGainDb,
  FADE_IN_MS,
  FADE_OUT_MS,
  type Interval,
  type MusicBedLevels,
  musicGainExpression,
  speechStretches,
} from '../platform/music-bed.ts';

/** The sample rate and layout of the mix: the music keeps its highs (Kokoro's voice has none over 12 kHz). */
const MIX_RATE = 48_000;
/** A bed shorter than this would loop into a stutter. */
const MIN_MUSIC_MS = 1000;

const MUSIC_FIX = 'Pass a music file ffmpeg can decode (MP3, WAV, M4A, OGG, FLAC) that lasts at least a second';

export interface MusicFile {
  file: string;
  durationMs: number;
  integratedLufs: number;
}

/** Decodes the whole file once: that it is audio, how long it lasts (ebur128's last time stamp) and how loud it is. */
async function measureAudio(file: string, task: string, fix: string): Promise<{ durationMs: number; integratedLufs: number }> {
  const stderr = await runFfmpeg({
    inputs: [{ source: file }],
    outputOptions: ['-map', '0:a:0', '-af', MEASURE_FILTER],
    format: 'null',
    output: '-',
    task,
    fix,
  });
  const times = [...stderr.matchAll(/\bt: *([\d.]+)/g)];
  return { durationMs: Number(times.at(-1)?.[1] ?? 0) * 1000, integratedLufs: parseEbur128Summary(stderr).integratedLufs };
}

/** Checks a music file before any work is done on the video, and measures it for the mix. */
export async function readMusicFile(file: string): Promise<MusicFile> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`The music file ${file} does not exist`, MUSIC_FIX);
  let measured: { durationMs: number; integratedLufs: number };
  try {
    measured = await measureAudio(file, `read the music file ${file}`, MUSIC_FIX);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(`The music file ${file} is not audio ffmpeg can decode`, MUSIC_FIX);
  }
  if (measured.durationMs < MIN_MUSIC_MS) {
    throw new UserError(`The music file ${file} lasts ${(measured.durationMs / 1000).toFixed(2)} s, under a second`, MUSIC_FIX);
  }
  if (!Number.isFinite(measured.integratedLufs)) throw new UserError(`The music file ${file} is silent`, MUSIC_FIX);
  return { file, ...measured };
}

export interface MusicBedMix {
  narrationAudio: string;
  music: MusicFile;
  levels: MusicBedLevels;
  /** The narration's words (their times say when the voice speaks). */
  words: readonly Interval[];
  /** The video's length: the bed lasts to its last frame. */
  durationMs: number;
  /** A 32-bit float WAV (the mix may exceed full scale until the loudness step). */
  output: string;
}

/** Writes the narration with the music bed under it, padded to the video's length. */
export async function mixMusicBed(mix: MusicBedMix): Promise<void> {
  const fix = 'Check that FFMPEG_PATH names a working ffmpeg, or unset it';
  const voice = await measureAudio(mix.narrationAudio, 'measure the narration', fix);
  const baseDb = bedBaseGainDb(voice.integratedLufs, mix.music.integratedLufs, mix.levels.levelDb);
  const gain = musicGainExpression(baseDb, mix.levels.duckDb, speechStretches(mix.words));
  const duration = (mix.durationMs / 1000).toFixed(3);
  const fadeOutStart = (Math.max(0, mix.durationMs - FADE_OUT_MS) / 1000).toFixed(3);
  const graph = [
    `[0:a]aresample=${MIX_RATE},aformat=channel_layouts=stereo,apad=whole_dur=${duration}[voice]`,
    `[1:a]aresample=${MIX_RATE},aformat=channel_layouts=stereo,atrim=duration=${duration},asetpts=N/SR/TB,` +
      `volume='${gain}':eval=frame,afade=t=in:d=${FADE_IN_MS / 1000},afade=t=out:st=${fadeOutStart}:d=${FADE_OUT_MS / 1000}[bed]`,
    '[voice][bed]amix=inputs=2:duration=first:normalize=0[mix]',
  ].join(';');
  await runFfmpeg({
    // The music loops as often as the video needs; atrim ends it at the video's last frame.
    inputs: [{ source: mix.narrationAudio }, { source: mix.music.file, options: ['-stream_loop', '-1'] }],
    outputOptions: ['-filter_complex', graph, '-map', '[mix]', '-c:a', 'pcm_f32le'],
    format: 'wav',
    output: mix.output,
    task: 'mix the music bed under the narration',
    fix,
  });
}
