// The model side: the duration tensor found in the real int8 graph, exports that already output durations
// used as they are, and --device cuda falling back to CPU with one warning where CUDA is not installed.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/env.ts';
import { findDurationTensor, namedInt64OutputAppendix, summarizeGraph } from '../../src/kokoro/onnx-graph.ts';
import { MODEL_FILES, modelDirectory } from '../../src/kokoro/model-files.ts';
import { openKokoro, type KokoroEngine } from '../../src/kokoro/session.ts';
import { SAMPLES_PER_FRAME } from '../../src/contract/audio-format.ts';
import { tokenIdsOf } from '../../src/phonemes/kokoro-vocab.ts';

const MODEL = path.join(modelDirectory(), MODEL_FILES.int8.file);
const TOKENS = tokenIdsOf('ˈola, kˈe tˈal.');
const STYLE = new Float32Array(256).fill(0.05);

describe('Kokoro model files', () => {
  let bytes: Buffer;
  let engine: KokoroEngine;
  before(async () => {
    bytes = await readFile(MODEL);
    engine = await openKokoro(MODEL, { device: 'cpu' });
  });
  after(() => engine.release());

  it('finds the int64 duration tensor behind Round -> Clip -> Cast in the int8 graph', () => {
    const summary = summarizeGraph(bytes);
    assert.deepEqual(summary.outputNames, ['audio']);
    assert.equal(findDurationTensor(summary), '/encoder/Cast_output_0');
    const edited = summarizeGraph(Buffer.concat([bytes, namedInt64OutputAppendix('/encoder/Cast_output_0', 'durations')]));
    assert.deepEqual(edited.outputNames, ['audio', 'durations']);
    assert.equal(edited.nodes.length, summary.nodes.length + 1);
    assert.deepEqual(edited.nodes.at(-1)?.inputs, ['/encoder/Cast_output_0']);
  });

  it('uses the durations output of an export that already has one, with the same audio', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'timestamped-'));
    const file = path.join(directory, 'kokoro-timestamped.onnx');
    // Like timestamped exports: an Identity node exposes the duration tensor as an output named "durations".
    await writeFile(file, Buffer.concat([bytes, namedInt64OutputAppendix('/encoder/Cast_output_0', 'durations')]));
    const timestamped = await openKokoro(file, { device: 'cpu' });
    try {
      const expected = await engine.synthesize(TOKENS, STYLE, 1);
      const pass = await timestamped.synthesize(TOKENS, STYLE, 1);
      assert.deepEqual(pass.durations, expected.durations);
      assert.deepEqual(pass.samples, expected.samples);
      assert.equal(pass.samples.length, SAMPLES_PER_FRAME * pass.durations.reduce((a, b) => a + b, 0));
      // Its convolutions were widened into a cached copy, but no second durations output was added to it.
      const files = (await readdir(directory)).sort();
      const prepared = files.find((name) => name.startsWith('kokoro-timestamped.float-conv.'));
      assert.ok(prepared, files.join(', '));
      assert.deepEqual(summarizeGraph(await readFile(path.join(directory, prepared))).outputNames, ['audio', 'durations']);
    } finally {
      await timestamped.release();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('makes slower speech at speed 0.5 and faster at 2.0, durations and audio agreeing', async () => {
    const frames = async (speed: number) => (await engine.synthesize(TOKENS, STYLE, speed)).durations.reduce((a, b) => a + b, 0);
    const [slow, normal, fast] = [await frames(0.5), await frames(1), await frames(2)];
    assert.ok(slow > normal && normal > fast, `${slow} > ${normal} > ${fast} frames`);
  });

  it('falls back to CPU with one warning when CUDA is asked for but not installed', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'cuda-'));
    const result = await runCli('src/cli/narrate.ts', ['--text', 'Hola.', '--device', 'cuda', '--out', outDir]);
    assert.equal(result.code, 0, result.stderr);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    assert.equal(warnings.length, 1, result.stderr);
    assert.match(warnings[0]!, /CUDA is not available to onnxruntime here .*running on CPU/);
  });
});
