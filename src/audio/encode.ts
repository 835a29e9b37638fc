import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { runFfmpeg } from '../media/ffmpeg.ts';
import { MEASURE_FILTER, type LoudnessTarget } from '../platform/loudness.ts';
import { loudnessFilterFor, type MeasureRun } from '../platform/normalize-loudness.ts';
import type { NarrationTrack } from '../contract/pipeline.ts';

function toInt16(samples: Float32Array): Int16Array {
  const pcm = new Int16Array(samples.length);
  for (let index = 0; index < samples.length; index++) {
    const clipped = Math.max(-1, Math.min(1, samples[index]!));
    pcm[index] = Math.round(clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff);
  }
  return pcm;
}

/** The 44-byte header of a mono 16-bit PCM WAV file holding `samples` samples. */
export function wavHeader(samples: number, sampleRate: number): Buffer {
  const dataBytes = samples * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Mono 16-bit WAV, written block by block (the length is known before the first sample). */
export async function writeWav(track: NarrationTrack, target: string): Promise<void> {
  async function* bytes(): AsyncGenerator<Buffer> {
    yield wavHeader(track.totalSamples, track.sampleRate);
    for await (const block of track.blocks()) yield Buffer.from(toInt16(block).buffer);
  }
  await pipeline(Readable.from(bytes()), createWriteStream(target));
}

/** The track's samples as ffmpeg's raw float input, read afresh each time (the track is read block by block). */
function trackInput(track: NarrationTrack) {
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const block of track.blocks()) yield Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  }
  return { source: Readable.from(bytes()), options: ['-f', 'f32le', '-ar', String(track.sampleRate), '-ac', '1'] };
}

/**
 * Mono MP3 at 128 kbit/s through ffmpeg (libmp3lame), fed the raw float samples on stdin block by block, at the
 * platform loudness (src/platform/loudness.ts) unless `loudness` is null: a gain, and a limiter where the gain
 * would push the peaks over -1 dBTP; not one sample moves, so the word times hold. Each candidate is measured as
 * encoded, since the MP3 encoder itself lifts true peaks, and the one on target becomes the file.
 */
export async function encodeMp3(track: NarrationTrack, target: string, loudness: LoudnessTarget | null): Promise<void> {
  const fix = 'Check that FFMPEG_PATH names a working ffmpeg with libmp3lame, or unset it';
  const encode = (filter: string | null, output: string) =>
    runFfmpeg({
      inputs: [trackInput(track)],
      outputOptions: [...(filter ? ['-af', filter] : []), '-acodec', 'libmp3lame', '-b:a', '128k'],
      format: 'mp3',
      output,
      task: 'encode the MP3',
      fix,
    });
  if (loudness === null) {
    await encode(null, target);
    return;
  }
  const trial = `${target}.trial.mp3`;
  let trialFilter: string | undefined;
  const measureFile = (source: ReturnType<typeof trackInput> | { source: string }) =>
    runFfmpeg({ inputs: [source], outputOptions: ['-af', MEASURE_FILTER], format: 'null', output: '-', task: 'measure the loudness', fix });
  const measure: MeasureRun = async (filter) => {
    if (filter === null) return measureFile(trackInput(track));
    await encode(filter, trial);
    trialFilter = filter;
    return measureFile({ source: trial });
  };
  try {
    const { filter } = await loudnessFilterFor(measure, loudness);
    if (filter === trialFilter) await rename(trial, target);
    else await encode(filter, target);
  } finally {
    await rm(trial, { force: true });
  }
}
