// The narration engine end to end on the real Kokoro-82M int8 model (no mocks): a Spanish paragraph through
// the API, the bundled > 510-token article through the CLI, checked against the audio itself.
import assert from 'node:assert/strict';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import '../helpers/env.ts';
import { decodeAudio, runCli } from '../helpers/env.ts';
import { SPANISH_PARAGRAPH } from '../helpers/texts.ts';
import { NarrationSchema, SeedTimestampsSchema, type Narration } from '../../src/contract/narration.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import type { NarrateRequest } from '../../src/pipeline/request.ts';
import wavefile from 'wavefile';
import { detectPauses, shareInsidePauses } from '../helpers/pauses.ts';
import { writeWav } from '../../src/audio/encode.ts';
import { collectSamples } from '../../src/audio/track.ts';
import { boundariesBetween } from '../helpers/pauses.ts';
import { SAMPLES_PER_FRAME } from '../../src/contract/audio-format.ts';
import { newRunRecord } from '../../src/output/run-record.ts';
import { NARRATION_FILES } from '../../src/output/write-narration.ts';

const SPOKEN_WORD = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu;

function assertTimestampsSound(narration: Narration): void {
  const { words, text } = narration;
  assert.ok(words.length > 0);
  words.forEach((word, index) => {
    assert.equal(word.text, text.slice(word.charStart, word.charEnd));
    assert.ok(word.startMs <= word.endMs, `word ${index} "${word.text}" ends before it starts`);
    assert.ok(word.endMs <= narration.audio.durationMs, `word ${index} ends after the audio`);
    const next = words[index + 1];
    if (next) {
      assert.ok(word.endMs <= next.startMs, `word ${index} "${word.text}" overlaps the next`);
      assert.ok(word.charEnd <= next.charStart);
    }
  });
  for (const match of text.matchAll(SPOKEN_WORD)) {
    const covered = words.some((word) => word.charStart <= match.index && match.index + match[0].length <= word.charEnd);
    assert.ok(covered, `"${match[0]}" at ${match.index} has no timestamp`);
  }
  for (const spans of [narration.sentences, narration.phrases]) {
    spans.forEach((span, index) => {
      assert.ok(span.startMs < span.endMs);
      if (index > 0) assert.ok(spans[index - 1]!.endMs <= span.startMs);
    });
  }
}

describe('narration on the real int8 model', () => {
  const narrator = new Narrator({ device: 'cpu' });
  after(() => narrator.release());
  const request: NarrateRequest = { text: SPANISH_PARAGRAPH, language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' };

  it('makes audio whose length is exactly 600 samples per predicted frame, in every pass', async () => {
    const words = await narrator.phonemizeText(SPANISH_PARAGRAPH, 'es');
    const passes = await narrator.synthesizeWords(words, 'ef_dora', 1);
    for (const pass of passes) {
      assert.equal(pass.durations.length, pass.chunk.tokenIds.length + 2);
      assert.equal(pass.samples.length, SAMPLES_PER_FRAME * pass.durations.reduce((sum, frames) => sum + frames, 0));
    }
  });

  let first: Awaited<ReturnType<Narrator['narrate']>>;
  it('narrates a Spanish paragraph with ordered timestamps inside the audio for every word', async () => {
    first = await narrator.narrate(request);
    // What the writer adds (file names, pictures, run record) is not this test's subject: filled in so the schema applies.
    const run = newRunRecord('text', null, { file: 'model.onnx', sha256: '0'.repeat(64) });
    const sections = first.narration.sections.map((section) => ({ ...section, media: null }));
    const narration = NarrationSchema.parse({
      ...first.narration,
      audio: { ...first.narration.audio, file: 'x.mp3' },
      files: NARRATION_FILES,
      sections,
      media: [],
      run,
    });
    assertTimestampsSound(narration);
    assert.equal(narration.sentences.length, 5);
    assert.equal(narration.sentences[2]!.text, '¿Servirá para mejorar la calidad del aire?');
    assert.equal(first.track.totalSamples / 24, narration.audio.durationMs);
  });

  it('gives the same output for the same input', async () => {
    const second = await narrator.narrate(request);
    assert.deepEqual(second.narration, first.narration);
    assert.deepEqual(await collectSamples(second.track), await collectSamples(first.track));
  });
});

describe('a two-pass narration kept on disk until the timeline is known', () => {
  const narrator = new Narrator({ device: 'cpu' });
  after(() => narrator.release());
  const text = `${SPANISH_PARAGRAPH}\n\n${SPANISH_PARAGRAPH}`;
  const request: NarrateRequest = { text, language: 'es', voice: 'ef_dora', speed: 1, timing: 'exact' };

  it('gives the narration and samples of passes held in memory, writes them as WAV, and leaves no scratch file', async () => {
    const words = await narrator.phonemizeText(text, 'es');
    const passes = await narrator.synthesizeWords(words, 'ef_dora', 1);
    assert.equal(passes.length, 2);
    const inMemory = await narrator.buildNarration(request, words, passes);
    const scratch = await mkdtemp(path.join(tmpdir(), 'narrate-scratch-'));
    try {
      const streamed = await narrator.narrate(request, { scratchFolder: scratch });
      try {
        assert.equal((await readdir(scratch)).length, 1, 'the passes wait in one scratch file');
        assert.deepEqual(streamed.narration, inMemory.narration);
        // Reference layout, independent of the track: each pass at its chunk's start in one buffer, silence between.
        const expected = new Float32Array(Math.round(streamed.narration.audio.durationMs * 24));
        for (const [index, pass] of passes.entries()) expected.set(pass.samples, Math.round(streamed.narration.chunks[index]!.startMs * 24));
        assert.equal(streamed.track.totalSamples, expected.length);
        assert.deepEqual(await collectSamples(streamed.track), expected);
        const wavFile = path.join(scratch, 'audio.wav');
        await writeWav(streamed.track, wavFile);
        const wav = await readFile(wavFile);
        const reference = new wavefile.WaveFile();
        reference.fromScratch(1, 24_000, '16', new Int16Array(expected.length));
        assert.deepEqual(wav.subarray(0, 44), Buffer.from(reference.toBuffer()).subarray(0, 44), 'the header wavefile writes for these samples');
        assert.equal(wav.length, 44 + expected.length * 2);
        // 16-bit PCM as the WAV writer has always made it: clipped to [-1, 1], negatives x 32768, positives x 32767, rounded.
        const pcm = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
        const expectedPcm = Int16Array.from(expected, (sample) => {
          const clipped = Math.max(-1, Math.min(1, sample));
          return Math.round(clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff);
        });
        assert.ok(
          pcm.every((value, index) => value === expectedPcm[index]),
          'every WAV sample is its float sample in 16 bits',
        );
      } finally {
        await streamed.track.release();
      }
      assert.deepEqual(await readdir(scratch), ['audio.wav'], 'release removes the scratch file');
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('narrate CLI on a text over 510 tokens', () => {
  let outDir: string;
  let narration: Narration;

  it('writes the MP3, WAV, narration.json, timestamps.json and captions', async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'narrate-long-'));
    const result = await runCli('src/cli/narrate.ts', ['--sample', '--out', outDir, '--wav']);
    assert.equal(result.code, 0, result.stderr);
    narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(outDir, 'narration.json'), 'utf8')));
    assert.ok(narration.chunks.length >= 2, `${narration.chunks.length} passes`);
    assert.ok(narration.chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0) > 510);
    assert.ok(narration.chunks.every((chunk) => chunk.tokenCount <= 510));
    assertTimestampsSound(narration);
    const timestamps = SeedTimestampsSchema.parse(JSON.parse(await readFile(path.join(outDir, 'timestamps.json'), 'utf8')));
    assert.deepEqual(
      timestamps.map((entry) => entry.text),
      narration.phrases.map((phrase) => phrase.text),
    );
    const srt = await readFile(path.join(outDir, 'captions.srt'), 'utf8');
    assert.match(srt, /^1\n00:00:\d\d,\d{3} --> 00:00:\d\d,\d{3}\n/);
    for (const [index, cue] of narration.cues.entries()) {
      assert.ok(
        cue.lines.every((line) => line.length <= 42),
        `cue ${index}: ${JSON.stringify(cue.lines)}`,
      );
      assert.ok(cue.endMs - cue.startMs <= 7000 && cue.endMs - cue.startMs >= 5000 / 6 - 0.001, `cue ${index} lasts ${cue.endMs - cue.startMs} ms`);
      const next = narration.cues[index + 1];
      if (next) assert.ok(next.startMs - cue.endMs >= 2000 / 30 - 0.001, `cue ${index} leaves no 2-frame gap`);
    }
    const vtt = await readFile(path.join(outDir, 'captions.vtt'), 'utf8');
    assert.ok(vtt.startsWith('WEBVTT\n\n'));
    assert.equal(vtt.split('-->').length - 1, narration.cues.length);
  });

  it('puts at least 95% of sentence boundaries inside pauses measured in the MP3 by energy', async () => {
    const samples = await decodeAudio(path.join(outDir, 'audio.mp3'));
    const durationMs = (samples.length / 24_000) * 1000;
    assert.ok(Math.abs(durationMs - narration.audio.durationMs) < 60, `MP3 lasts ${durationMs} ms, narration says ${narration.audio.durationMs}`);
    const pauses = detectPauses(samples, 24_000);
    const boundaries = boundariesBetween(narration.sentences);
    assert.ok(boundaries.length >= 9, `${boundaries.length} boundaries`);
    const share = shareInsidePauses(boundaries, pauses);
    assert.ok(share >= 0.95, `only ${(share * 100).toFixed(1)}% of ${boundaries.length} boundaries fall in a pause`);
    const wav = await decodeAudio(path.join(outDir, 'audio.wav'));
    assert.equal(wav.length, Math.round((narration.audio.durationMs * 24_000) / 1000));
  });
});
