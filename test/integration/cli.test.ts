// The narrate CLI's other entry points: standard input and the voice list.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/env.ts';
import { NarrationSchema } from '../../src/contract/narration.ts';

describe('narrate CLI', () => {
  it('prints its help and exits 0', async () => {
    const result = await runCli('src/cli/narrate.ts', ['--help']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Usage: narrate/);
    assert.match(result.stdout, /--min-phrase-chars <n>/);
    assert.equal(result.stderr, '');
  });

  it('still exits 1 on an unknown flag', async () => {
    const result = await runCli('src/cli/narrate.ts', ['--no-such-flag']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: unknown option '--no-such-flag'/);
  });

  it('lists the available voices', async () => {
    const result = await runCli('src/cli/narrate.ts', ['--list-voices']);
    assert.equal(result.code, 0, result.stderr);
    const voices = result.stdout.trim().split('\n');
    assert.ok(voices.includes('ef_dora') && voices.includes('em_alex') && voices.length >= 54, voices.join(','));
  });

  it('reads the text from standard input and blends voices', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'stdin-'));
    const result = await runCli('src/cli/narrate.ts', ['-', '--voice', 'ef_dora:0.7,em_alex:0.3', '--speed', '1.2', '--out', outDir], {
      input: 'Buenos días. Esto es una prueba.',
    });
    assert.equal(result.code, 0, result.stderr);
    const narration = NarrationSchema.parse(JSON.parse(await readFile(path.join(outDir, 'narration.json'), 'utf8')));
    assert.equal(narration.text, 'Buenos días. Esto es una prueba.');
    assert.equal(narration.voice, 'ef_dora:0.7,em_alex:0.3');
    assert.equal(narration.speed, 1.2);
    assert.deepEqual(
      narration.words.map((word) => word.text),
      ['Buenos', 'días', 'Esto', 'es', 'una', 'prueba'],
    );
  });
});
