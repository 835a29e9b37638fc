import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import ffmpeg from 'fluent-ffmpeg';
import { Readable } from 'node:stream';
import wavefile from 'wavefile';
import { UserError } from '../errors.ts';

export function ffmpegPath(): string {
  return process.env.FFMPEG_PATH ?? ffmpegInstaller.path;
}

export function toInt16(samples: Float32Array): Int16Array {
  const pcm = new Int16Array(samples.length);
  for (let index = 0; index < samples.length; index++) {
    const clipped = Math.max(-1, Math.min(1, samples[index]!));
    pcm[index] = Math.round(clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff);
  }
  return pcm;
}

export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, sampleRate, '16', toInt16(samples));
  return wav.toBuffer();
}

/** Mono MP3 at 128 kbit/s through ffmpeg (libmp3lame), fed raw float samples on stdin. */
export function encodeMp3(samples: Float32Array, sampleRate: number, target: string): Promise<void> {
  const input = Readable.from([Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]);
  return new Promise((resolve, reject) => {
    ffmpeg(input)
      .setFfmpegPath(ffmpegPath())
      .inputFormat('f32le')
      .inputOptions(['-ar', String(sampleRate), '-ac', '1'])
      .audioCodec('libmp3lame')
      .audioBitrate(128)
      .format('mp3')
      .on('error', (error: Error) =>
        reject(new UserError(`ffmpeg (${ffmpegPath()}) could not encode the MP3: ${error.message.split('\n')[0]}`, 'Check that FFMPEG_PATH names a working ffmpeg with libmp3lame, or unset it')),
      )
      .on('end', () => resolve())
      .save(target);
  });
}
