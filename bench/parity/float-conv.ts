// The model this project runs (float convolutions on the int8 weights, see src/kokoro/float-weights.ts)
// against the int8 graph as exported, on every pass of the bench texts: durations that differ (counted),
// lengths, SNR and log-spectrogram correlation.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { runCommand } from '../../src/cli/run.ts';
import { chunkWords } from '../../src/kokoro/chunks.ts';
import { MODEL_FILES, modelDirectory } from '../../src/kokoro/model-files.ts';
import { findDurationTensor, namedInt64OutputAppendix, summarizeGraph } from '../../src/kokoro/onnx-graph.ts';
import { kokoroInputs, openKokoro } from '../../src/kokoro/session.ts';
import { loadVoice, styleFor } from '../../src/kokoro/voices.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import { logSpectrogramCorrelation, snrDb } from '../../test/helpers/spectrum.ts';

async function main(): Promise<void> {
  const modelPath = path.join(modelDirectory(), MODEL_FILES.int8.file);
  const bytes = await readFile(modelPath);
  const exported = await ort.InferenceSession.create(
    Buffer.concat([bytes, namedInt64OutputAppendix(findDurationTensor(summarizeGraph(bytes))!, 'durations')]),
  );
  const fast = await openKokoro(modelPath, { device: 'cpu' });
  const narrator = new Narrator({ device: 'cpu' });
  const voice = await loadVoice('ef_dora');
  console.log('Float convolutions against the int8 graph as exported (same token ids, ef_dora, speed 1):');
  for (const name of process.argv.slice(2)) {
    const text = await readFile(path.join(import.meta.dirname, '..', 'texts', `${name}.txt`), 'utf8');
    for (const [index, chunk] of chunkWords(await narrator.phonemizeText(text, 'es')).entries()) {
      const style = styleFor(voice, chunk.tokenIds.length);
      const reference = await exported.run(kokoroInputs(chunk.tokenIds, style, 1));
      const pass = await fast.synthesize(chunk.tokenIds, style, 1);
      const referenceDurations = Array.from(reference.durations!.data as BigInt64Array, Number);
      const differing = referenceDurations.filter((frames, token) => frames !== pass.durations[token]).length;
      const audio = reference.audio!.data as Float32Array;
      const similarity =
        audio.length === pass.samples.length
          ? `SNR ${snrDb(audio, pass.samples).toFixed(1)} dB, log-spectrogram correlation ${logSpectrogramCorrelation(audio, pass.samples).toFixed(4)}`
          : `lengths differ (${pass.samples.length} against ${audio.length})`;
      console.log(
        `  ${name} pass ${index + 1}: ${chunk.tokenIds.length} tokens, ${differing}/${referenceDurations.length} durations differ, ${similarity}`,
      );
    }
  }
  await Promise.all([narrator.release(), fast.release(), exported.release()]);
}

await runCommand(main);
