// The sound and the files an upload needs, on a real narration and real renders: audio.mp3 and the video at
// -14 LUFS under -1 dBTP as ffmpeg's ebur128 measures them, not one sample moved (cross-correlation against the
// narration's own WAV), the subtitles as a soft mov_text track read back cue by cue, publish.json and
// description.txt beside the video, --loudness -23 for broadcast, and a music bed ducked under the voice (a
// tone stands in for the music: test/helpers/music.ts).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import { NarrationSchema } from '../../src/contract/narration.ts';
import { PublishRecordSchema } from '../../src/contract/publish.ts';
import { ffmpegPath } from '../../src/media/ffmpeg.ts';
import { parseEbur128Summary } from '../../src/platform/loudness.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';
import { decodeAudio, runCli } from '../helpers/env.ts';
import { bedLevelsDb, writeTone } from '../helpers/music.ts';
import { bestLag, ffprobe } from '../helpers/video.ts';

const run = promisify(execFile);
const TEXT = path.join(PROJECT_ROOT, 'bench/texts/corto.txt');

async function loudnessOf(file: string) {
  const { stderr } = await run(ffmpegPath(), ['-hide_banner', '-nostats', '-i', file, '-map', '0:a', '-af', 'ebur128=peak=true', '-f', 'null', '-']);
  return parseEbur128Summary(stderr);
}

function renderCli(from: string, out: string, extra: string[] = []) {
  return runCli('src/cli/render.ts', ['--from', from, '--format', 'vertical', '--scale', '0.25', '--out', out, ...extra]);
}

async function render(from: string, out: string, extra: string[] = []) {
  const result = await renderCli(from, out, extra);
  assert.equal(result.code, 0, result.stderr);
}

describe('platform sound and upload files', () => {
  let work: string;
  let narrationFolder: string;
  let video: string;

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'platform-sound-'));
    narrationFolder = path.join(work, 'narration');
    const narrated = await runCli('src/cli/narrate.ts', ['--file', TEXT, '--wav', '--out', narrationFolder]);
    assert.equal(narrated.code, 0, narrated.stderr);
    await render(narrationFolder, path.join(work, 'video'));
    video = path.join(work, 'video', 'video.mp4');
  });

  it('writes audio.mp3 at -14 LUFS under -1 dBTP, every sample where the narration has it', async () => {
    const mp3 = path.join(narrationFolder, 'audio.mp3');
    const { integratedLufs, truePeakDbtp } = await loudnessOf(mp3);
    assert.ok(Math.abs(integratedLufs + 14) <= 1, `${integratedLufs} LUFS`);
    assert.ok(truePeakDbtp <= -1, `${truePeakDbtp} dBTP`);
    const raw = await loudnessOf(path.join(narrationFolder, 'audio.wav'));
    assert.ok(raw.integratedLufs < -20, `the voice's own level, ${raw.integratedLufs} LUFS, is what needed raising`);
    const [wav, normalized] = await Promise.all([decodeAudio(path.join(narrationFolder, 'audio.wav')), decodeAudio(mp3)]);
    const { lag, correlation } = bestLag(wav, normalized, 240);
    assert.equal(lag, 0);
    // The limiter reshapes the loudest peaks, so the envelopes match closely, not exactly.
    assert.ok(correlation > 0.9, `correlation ${correlation}`);
  });

  it('renders the video at -14 LUFS under -1 dBTP, lined up with audio.mp3', async () => {
    const { integratedLufs, truePeakDbtp } = await loudnessOf(video);
    assert.ok(Math.abs(integratedLufs + 14) <= 1, `${integratedLufs} LUFS`);
    assert.ok(truePeakDbtp <= -1, `${truePeakDbtp} dBTP`);
    const [narrated, inVideo] = await Promise.all([decodeAudio(path.join(narrationFolder, 'audio.mp3'), 8000), decodeAudio(video, 8000)]);
    const { lag, correlation } = bestLag(narrated, inVideo, 1600);
    assert.equal(lag, 0);
    assert.ok(correlation > 0.9, `correlation ${correlation}`);
  });

  it('carries the subtitles as a soft mov_text track tagged Spanish, with the cues of narration.json', async () => {
    const probe = await ffprobe(video);
    const subtitles = probe.streams.find((stream) => stream.codec_type === 'subtitle');
    assert.equal(subtitles?.codec_name, 'mov_text');
    const { stdout: tags } = await run('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      's:0',
      '-show_entries',
      'stream_tags=language',
      '-of',
      'csv=p=0',
      video,
    ]);
    assert.equal(tags.trim(), 'spa');
    const { stdout: srt } = await run(ffmpegPath(), ['-v', 'error', '-i', video, '-map', '0:s:0', '-f', 'srt', '-']);
    const readBack = srt
      .replaceAll('\r\n', '\n')
      .trim()
      .split(/\n\s*\n/)
      .map((block) => block.split('\n').slice(2).join(' '));
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(narrationFolder, 'narration.json'), 'utf8')));
    assert.deepEqual(
      readBack,
      narration.cues.map((cue) => cue.lines.join(' ')),
    );
  });

  it('writes publish.json and description.txt: title, duration, the video and its cover, the disclosure', async () => {
    const folder = path.join(work, 'video');
    const record = PublishRecordSchema.parse(JSON.parse(await readFile(path.join(folder, 'publish.json'), 'utf8')));
    assert.equal(await readFile(path.join(folder, 'description.txt'), 'utf8'), `${record.description}\n`);
    assert.deepEqual(record.videos, [{ format: 'vertical', file: 'video.mp4', cover: 'thumbnail.jpg' }]);
    assert.ok(Math.abs(record.durationSeconds - Number((await ffprobe(video)).format.duration)) < 0.1, `${record.durationSeconds} s`);
    assert.match(record.description, /voz sintética \(Kokoro-82M\)/);
  });

  it('mixes a music bed at least 15 dB further down under speech than where nobody speaks, the voice unmoved', async () => {
    const tone = path.join(work, 'tone.wav');
    await writeTone(tone, 6);
    await render(narrationFolder, path.join(work, 'music'), ['--music', tone]);
    const mixed = path.join(work, 'music', 'video.mp4');
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(narrationFolder, 'narration.json'), 'utf8')));
    const durationMs = Number((await ffprobe(mixed)).format.duration) * 1000;
    const { speechDb, pauseDb } = await bedLevelsDb(mixed, narration.words, durationMs);
    assert.ok(
      pauseDb - speechDb >= 15,
      `the bed is ${(pauseDb - speechDb).toFixed(1)} dB down under speech (${speechDb.toFixed(1)} against ${pauseDb.toFixed(1)} dB)`,
    );
    // The voice lines up with the narration as it does without music, and the mix is still on the platform target.
    const [narrated, inVideo] = await Promise.all([decodeAudio(path.join(narrationFolder, 'audio.mp3'), 8000), decodeAudio(mixed, 8000)]);
    assert.equal(bestLag(narrated, inVideo, 1600).lag, 0);
    const { integratedLufs, truePeakDbtp } = await loudnessOf(mixed);
    assert.ok(Math.abs(integratedLufs + 14) <= 1, `${integratedLufs} LUFS`);
    assert.ok(truePeakDbtp <= -1, `${truePeakDbtp} dBTP`);
  });

  it('refuses a music file that is missing, not audio or under a second, with one line and no video', async () => {
    const short = path.join(work, 'short.wav');
    await writeTone(short, 0.5);
    const text = path.join(work, 'notes.txt');
    await writeFile(text, 'not music\n');
    const cases = [
      { file: path.join(work, 'absent.mp3'), said: /The music file .*absent\.mp3 does not exist/ },
      { file: text, said: /The music file .*notes\.txt is not audio ffmpeg can decode/ },
      { file: short, said: /The music file .*short\.wav lasts 0\.50 s, under a second/ },
    ];
    for (const [index, { file, said }] of cases.entries()) {
      const out = path.join(work, `bad-music-${index}`);
      const result = await renderCli(narrationFolder, out, ['--music', file]);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, said);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(existsSync(out), false, `${out} was left behind`);
    }
  });

  it('renders at -23 LUFS for broadcast with --loudness -23', async () => {
    await render(narrationFolder, path.join(work, 'broadcast'), ['--loudness', '-23']);
    const { integratedLufs, truePeakDbtp } = await loudnessOf(path.join(work, 'broadcast', 'video.mp4'));
    assert.ok(Math.abs(integratedLufs + 23) <= 1, `${integratedLufs} LUFS`);
    assert.ok(truePeakDbtp <= -1, `${truePeakDbtp} dBTP`);
  });
});
