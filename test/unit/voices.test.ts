// Voices: raw per-voice files, the NPZ voices-v1.0.bin, blends, and the style row per input length.
import assert from 'node:assert/strict';
import AdmZip from 'adm-zip';
import { mkdtemp, readFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import '../helpers/env.ts';
import { listVoices, loadVoice, parseVoiceSpec, styleFor, STYLE_ROWS, STYLE_SIZE } from '../../src/kokoro/voices.ts';

function npy(data: Float32Array): Buffer {
  let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (510, 1, 256), }";
  header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix.writeUInt16LE(header.length, 8);
  return Buffer.concat([prefix, Buffer.from(header, 'latin1'), Buffer.from(data.buffer)]);
}

describe('voices', () => {
  it('parses voice names and blends, normalizing the weights', () => {
    assert.deepEqual(parseVoiceSpec('ef_dora'), [{ name: 'ef_dora', weight: 1 }]);
    assert.deepEqual(parseVoiceSpec('ef_dora:3, em_alex:1'), [
      { name: 'ef_dora', weight: 0.75 },
      { name: 'em_alex', weight: 0.25 },
    ]);
    assert.throws(() => parseVoiceSpec('ef_dora:-1'), /not a voice name or a blend/);
    assert.throws(() => parseVoiceSpec(''), /No voice given/);
  });

  it('picks style row n - 1 for n tokens, clamped to the table', () => {
    const table = Float32Array.from({ length: STYLE_ROWS * STYLE_SIZE }, (_, index) => Math.floor(index / STYLE_SIZE));
    assert.equal(styleFor(table, 1)[0], 0);
    assert.equal(styleFor(table, 42)[0], 41);
    assert.equal(styleFor(table, 510)[0], 509);
    assert.equal(styleFor(table, 900)[0], 509);
    assert.equal(styleFor(table, 42).length, STYLE_SIZE);
  });

  it('loads the official voices and blends them sample by sample', async () => {
    const voices = await listVoices();
    assert.ok(voices.includes('ef_dora') && voices.includes('em_alex'));
    const dora = await loadVoice('ef_dora');
    const alex = await loadVoice('em_alex');
    const blend = await loadVoice('ef_dora:0.7,em_alex:0.3');
    for (const index of [0, 1000, 130_559]) assert.ok(Math.abs(blend[index]! - (0.7 * dora[index]! + 0.3 * alex[index]!)) < 1e-6);
    // Neighbouring rows of one voice are far closer to each other than to another voice's row.
    const distance = (a: Float32Array, b: Float32Array) => Math.hypot(...a.map((value, index) => value - b[index]!));
    assert.ok(distance(styleFor(dora, 100), styleFor(dora, 101)) < distance(styleFor(dora, 100), styleFor(alex, 100)));
  });

  it('reads voices from an NPZ voices-v1.0.bin in the model folder', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'npz-'));
    const raw = new Float32Array((await readFile(path.join(process.env.KOKORO_VOICES_DIR!, 'ef_dora.bin'))).buffer.slice(0));
    const archive = new AdmZip();
    archive.addFile('zz_test.npy', npy(raw));
    await mkdir(directory, { recursive: true });
    archive.writeZip(path.join(directory, 'voices-v1.0.bin'));
    const previous = process.env.KOKORO_MODEL_DIR;
    process.env.KOKORO_MODEL_DIR = directory;
    try {
      assert.ok((await listVoices()).includes('zz_test'));
      assert.deepEqual(await loadVoice('zz_test'), raw);
    } finally {
      if (previous === undefined) delete process.env.KOKORO_MODEL_DIR;
      else process.env.KOKORO_MODEL_DIR = previous;
    }
  });
});
