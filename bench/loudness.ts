// npm run bench (part): what the loudness and music steps cost, side by side in one run. The bench texts'
// narration (bench/texts/medio.txt, 37 s) is encoded to MP3 with and without the -14 LUFS step, and muxed into a
// video without it, with it, and with it over a music bed (pink noise from ffmpeg stands in for the music),
// alternating, three times each; the medians and their ratios are printed and written to
// bench/results/loudness.txt. Run it on a quiet machine.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { encodeMp3 } from '../src/audio/encode.ts';
import { mixMusicBed, readMusicFile } from '../src/audio/music-bed.ts';
import { muxNarrationAudio } from '../src/audio/mux.ts';
import { memoryPassStore } from '../src/audio/pass-store.ts';
import { layOutTrack } from '../src/audio/track.ts';
import { SAMPLE_RATE } from '../src/contract/audio-format.ts';
import { ffmpegPath } from '../src/media/ffmpeg.ts';
import { NarrationSchema } from '../src/contract/narration.ts';
import { DEFAULT_LOUDNESS } from '../src/platform/loudness.ts';
import { DEFAULT_MUSIC_LEVELS } from '../src/platform/music-bed.ts';
import { PROJECT_ROOT } from '../src/system/project-root.ts';
import { decodeAudio, runCli } from '../test/helpers/env.ts';

const RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** A file made by one of ffmpeg's generated sources (a blank video, noise standing in for music). */
const fromLavfi = (source: string, options: string[], file: string) =>
  promisify(execFile)(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', source, ...options, file]);

const work = await mkdtemp(path.join(tmpdir(), 'bench-loudness-'));
const narrated = await runCli('src/cli/narrate.ts', [
  '--file',
  path.join(PROJECT_ROOT, 'bench/texts/medio.txt'),
  '--loudness',
  'off',
  '--out',
  path.join(work, 'n'),
]);
if (narrated.code !== 0) throw new Error(narrated.stderr);
const samples = await decodeAudio(path.join(work, 'n', 'audio.mp3'));
const store = memoryPassStore();
await store.add(samples);
const track = layOutTrack(store, { sampleRate: SAMPLE_RATE, offsets: [0], totalSamples: samples.length });
const seconds = samples.length / SAMPLE_RATE;
const silent = path.join(work, 'silent.mp4');
await fromLavfi(`color=s=270x480:r=30:d=${seconds + 4}`, ['-c:v', 'libx264', '-preset', 'ultrafast'], silent);

const musicFile = path.join(work, 'music.wav');
await fromLavfi('anoisesrc=color=pink:duration=30:sample_rate=48000', ['-ac', '2'], musicFile);
const music = await readMusicFile(musicFile);
const { words } = NarrationSchema.parse(JSON.parse(await readFile(path.join(work, 'n', 'narration.json'), 'utf8')));

const timed = async (work: () => Promise<void>) => {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
};
const times = { mp3: [] as number[], mp3Loud: [] as number[], mux: [] as number[], muxLoud: [] as number[], muxMusic: [] as number[] };
const mp3 = path.join(work, 'a.mp3');
for (let run = 0; run < RUNS; run++) {
  times.mp3.push(await timed(() => encodeMp3(track, mp3, null)));
  times.mp3Loud.push(await timed(() => encodeMp3(track, mp3, DEFAULT_LOUDNESS)));
  const durationMs = (seconds + 4) * 1000;
  const mux = (sound: string, loudness: typeof DEFAULT_LOUDNESS | null) =>
    muxNarrationAudio(silent, sound, path.join(work, 'v.mp4'), { language: 'es', loudness, durationMs });
  times.mux.push(await timed(() => mux(mp3, null)));
  times.muxLoud.push(await timed(() => mux(mp3, DEFAULT_LOUDNESS)));
  times.muxMusic.push(
    await timed(async () => {
      const mixed = path.join(work, 'mix.wav');
      await mixMusicBed({ narrationAudio: mp3, music, levels: DEFAULT_MUSIC_LEVELS, words, durationMs, output: mixed });
      await mux(mixed, DEFAULT_LOUDNESS);
    }),
  );
}
const row = (label: string, plain: number[], loud: number[]) =>
  `| ${label} | ${median(plain).toFixed(2)} s | ${median(loud).toFixed(2)} s | ${(median(loud) / median(plain)).toFixed(2)}x | ${(median(loud) - median(plain)).toFixed(2)} s |`;
const report = [
  `Loudness step (-14 LUFS, -1 dBTP) and music bed on a ${seconds.toFixed(1)} s narration; medians of ${RUNS} alternating runs, load average ${loadavg()[0]!.toFixed(1)}`,
  '',
  '| step | without | with | ratio | added |',
  '|---|---:|---:|---:|---:|',
  row('audio.mp3 (encode)', times.mp3, times.mp3Loud),
  row("video's sound (mux)", times.mux, times.muxLoud),
  row("video's sound, music bed (mix + mux, both at -14)", times.muxLoud, times.muxMusic),
  '',
].join('\n');
process.stdout.write(report);
await writeFile(path.join(PROJECT_ROOT, 'bench/results/loudness.txt'), report);
