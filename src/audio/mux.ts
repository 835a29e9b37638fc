// The narration's sound goes into the MP4 here, not through Remotion: Remotion's audio path stream-copies
// raw AAC into the MP4 with no edit list, so the encoder's priming samples play first and the voice lands
// 43 ms behind the picture (measured by cross-correlation). ffmpeg encoding straight into the MP4 writes the
// edit list that skips them, and the voice lines up with the subtitles to the sample. The subtitles go in too,
// as a soft track (mov_text) a player can turn on and a platform can read, beside the burned-in ones.
import { runFfmpeg } from '../media/ffmpeg.ts';
import type { LoudnessTarget } from '../platform/loudness.ts';
import { loudnessFilterFor, type MeasureRun, measuringChain } from '../platform/normalize-loudness.ts';

export interface MuxOptions {
  /** captions.srt, added as the MP4's subtitle track; none without it. */
  subtitles?: string;
  /** Kokoro's language code (es, en-us…): the subtitle track's language tag. */
  language: string;
  /** The final mix at this integrated loudness (LUFS), under -1 dBTP; null keeps the narration's level. */
  loudness: LoudnessTarget | null;
  /** The video's length: the closing card outlasts the voice, and silence fills the sound to its last frame. */
  durationMs: number;
}

/** ISO 639-2 codes, as MP4 tags a track's language. */
const TRACK_LANGUAGE: Readonly<Record<string, string>> = { es: 'spa', en: 'eng', fr: 'fra', it: 'ita', pt: 'por', hi: 'hin' };

const FIX = 'Check that FFMPEG_PATH names a working ffmpeg, or unset it';

/** Video stream copied from `silentVideo`, the narration encoded as AAC 48 kHz stereo and padded to the video's length. */
export async function muxNarrationAudio(silentVideo: string, narrationAudio: string, target: string, options: MuxOptions): Promise<void> {
  const measure: MeasureRun = (filter) =>
    runFfmpeg({
      inputs: [{ source: narrationAudio }],
      outputOptions: ['-af', measuringChain(filter)],
      format: 'null',
      output: '-',
      task: 'measure the loudness',
      fix: FIX,
    });
  const loudness = options.loudness === null ? null : (await loudnessFilterFor(measure, options.loudness)).filter;
  const language = TRACK_LANGUAGE[options.language.split('-')[0]!] ?? 'und';
  await runFfmpeg({
    inputs: [{ source: silentVideo }, { source: narrationAudio }, ...(options.subtitles ? [{ source: options.subtitles }] : [])],
    outputOptions: [
      ...['-map', '0:v:0', '-map', '1:a:0', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2'],
      ...['-af', [loudness, `apad=whole_dur=${(options.durationMs / 1000).toFixed(3)}`].filter(Boolean).join(','), '-movflags', '+faststart'],
      ...(options.subtitles ? ['-map', '2:s:0', '-c:s', 'mov_text', '-metadata:s:s:0', `language=${language}`] : []),
    ],
    format: 'mp4',
    output: target,
    task: 'add the narration to the video',
    fix: FIX,
  });
}
