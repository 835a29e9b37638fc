import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { runFfmpeg } from '../media/ffmpeg.ts';
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

/** Mono MP3 at 128 kbit/s through ffmpeg (libmp3lame), fed the raw float samples on stdin block by block. */
export function encodeMp3(track: NarrationTrack, target: string): Promise<void> {
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const block of track.blocks()) yield Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  }
  return runFfmpeg({
    inputs: [{ source: Readable.from(bytes()), options: ['-f', 'f32le', '-ar', String(track.sampleRate), '-ac', '1'] }],
    outputOptions: ['-acodec', 'libmp3lame', '-b:a', '128k'],
    format: 'mp3',
    output: target,
    task: 'encode the MP3',
    fix: 'Check that FFMPEG_PATH names a working ffmpeg with libmp3lame, or unset it',
  });
}
