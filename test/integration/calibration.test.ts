// The seed's calibrated timing through the CLI, on the real model: the factor is printed, phrases are ordered
// and cover the audio, and --seed-compat writes the seed's two files with the seed's schema.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/env.ts';
import { SPANISH_PARAGRAPH } from '../helpers/texts.ts';
import { NarrationSchema, SeedTimestampsSchema } from '../../src/contract/narration.ts';

describe('calibrated timing (the seed method)', () => {
  it('narrates with --timing calibrated --seed-compat', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'calibrated-'));
    const result = await runCli('src/cli/narrate.ts', [
      '--text',
      SPANISH_PARAGRAPH,
      '--timing',
      'calibrated',
      '--seed-compat',
      '--phrase-silence-ms',
      '200',
      '--out',
      outDir,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const factor = Number(/calibration factor (\d+\.\d+)/.exec(result.stdout)?.[1]);
    assert.ok(factor > 0.5 && factor < 1.5, `factor ${factor}`);

    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(outDir, 'narration.json'), 'utf8')));
    assert.equal(narration.timing, 'calibrated');
    assert.equal(narration.calibration?.phraseSilenceMs, 200);
    assert.equal(narration.calibration?.scalingFactor.toFixed(4), factor.toFixed(4));
    const { phrases } = narration;
    assert.ok(phrases.length >= 3);
    phrases.forEach((phrase, index) => {
      assert.ok(phrase.startMs < phrase.endMs);
      if (index > 0) assert.ok(phrases[index - 1]!.endMs <= phrase.startMs, `phrase ${index} overlaps the previous one`);
    });
    // The seed's baseline: each phrase lasts its whole (trimmed) audio, the next starts after the silence, all
    // stretched by the factor; so phrase 1 starts at 0 and the gaps are exactly 200 ms times the factor.
    assert.equal(phrases[0]!.startMs, 0);
    const exactFactor = narration.calibration!.scalingFactor;
    phrases.slice(1).forEach((phrase, index) => {
      const gap = phrase.startMs - phrases[index]!.endMs;
      assert.ok(Math.abs(gap - 200 * exactFactor) < 0.01, `gap of ${gap} ms before phrase ${index + 1}`);
    });
    const lastEnd = phrases.at(-1)!.endMs;
    assert.ok(Math.abs(lastEnd - narration.audio.durationMs) < 0.01, `last phrase ends at ${lastEnd} of ${narration.audio.durationMs} ms`);
    assert.equal(phrases.map((phrase) => phrase.text).join(' '), SPANISH_PARAGRAPH);

    const seed = SeedTimestampsSchema.parse(JSON.parse(await readFile(path.join(outDir, 'timestamps_corregidos.json'), 'utf8')));
    assert.deepEqual(
      seed,
      phrases.map((phrase) => ({ text: phrase.text, start_ms: Math.round(phrase.startMs), end_ms: Math.round(phrase.endMs) })),
    );
    for (const entry of seed) assert.deepEqual(Object.keys(entry), ['text', 'start_ms', 'end_ms']);
    assert.deepEqual(await readFile(path.join(outDir, 'unico_directo.mp3')), await readFile(path.join(outDir, 'audio.mp3')));
  });
});
