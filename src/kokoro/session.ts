// The ONNX session behind a narrow interface: token ids, a style row and a speed in; audio and the frame
// count of every input token out. Knows nothing about text.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { writeFileAtomically } from '../system/atomic-files.ts';
import { rememberedSha256 } from './file-hash.ts';
import { withFloatWeights } from './float-weights.ts';
import { findDurationTensor, namedInt64OutputAppendix, summarizeGraph, type GraphSummary } from './onnx-graph.ts';
import { SAMPLES_PER_FRAME } from '../contract/audio-format.ts';
import { PAD_TOKEN_ID } from '../phonemes/kokoro-vocab.ts';

export type Device = 'cpu' | 'cuda';

export interface KokoroPass {
  samples: Float32Array;
  /** Frames per input token, both pads included: tokenIds.length + 2 entries. */
  durations: number[];
}

export interface KokoroEngine {
  synthesize(tokenIds: number[], style: Float32Array, speed: number): Promise<KokoroPass>;
  readonly device: Device;
  release(): Promise<void>;
}

interface OpenOptions {
  device: Device;
  warn?: (line: string) => void;
}

/** The edits below, named so that a cached copy made by an older version of them is never picked up. */
const PREPARED_SUFFIX = 'float-conv.durations-v1';
/** The graph output this project gives the duration tensor when the export has none. */
const DURATIONS_OUTPUT = 'durations';

/** The durations output of `summary`'s graph if it declares one, else the node and output that add it. */
function durationsOutputEdit(summary: GraphSummary, modelPath: string): { tensor: string; appendix?: Uint8Array } {
  const declared = summary.outputNames.find((name) => /duration/i.test(name));
  if (declared) return { tensor: declared };
  const tensor = findDurationTensor(summary);
  if (!tensor) throw new Error(`${modelPath} has no duration output and no Round -> Cast(int64) duration tensor`);
  return { tensor, appendix: namedInt64OutputAppendix(tensor, DURATIONS_OUTPUT) };
}

/**
 * The model Kokoro runs here: quantized convolutions widened to float ones (twice as fast on CPU, see
 * float-weights.ts; whatever feeds the durations is left as it is, so they come out bit-identical) and the
 * duration tensor declared as an output. Made once and cached beside the original, keyed by its sha256; an
 * export with float weights that already outputs durations is used as it is.
 */
async function preparedModel(modelPath: string): Promise<string> {
  const sha256 = await rememberedSha256(modelPath);
  const cached = path.join(path.dirname(modelPath), `${path.basename(modelPath, '.onnx')}.${PREPARED_SUFFIX}-${sha256.slice(0, 16)}.onnx`);
  if (existsSync(cached)) return cached;
  const bytes = await readFile(modelPath);
  const { tensor, appendix } = durationsOutputEdit(summarizeGraph(bytes), modelPath);
  const widened = withFloatWeights(bytes, { keepQuantizedUpstreamOf: [tensor] });
  if (!appendix && widened.replacedConv === 0) return modelPath;
  await writeFileAtomically(cached, appendix ? Buffer.concat([widened.model, appendix]) : widened.model);
  return cached;
}

/** Kokoro's inputs for one pass: the token ids between two pads, the style row and the speed. */
export function kokoroInputs(tokenIds: number[], style: Float32Array, speed: number, tokensInput = 'tokens'): Record<string, ort.Tensor> {
  const padded = [PAD_TOKEN_ID, ...tokenIds, PAD_TOKEN_ID];
  return {
    [tokensInput]: new ort.Tensor('int64', BigInt64Array.from(padded, BigInt), [1, padded.length]),
    style: new ort.Tensor('float32', style, [1, style.length]),
    speed: new ort.Tensor('float32', Float32Array.of(speed), [1]),
  };
}

async function createSession(file: string, options: OpenOptions): Promise<{ session: ort.InferenceSession; device: Device }> {
  const base: ort.InferenceSession.SessionOptions = { graphOptimizationLevel: 'all', intraOpNumThreads: 0 };
  if (options.device === 'cuda') {
    try {
      return { session: await ort.InferenceSession.create(file, { ...base, executionProviders: ['cuda'] }), device: 'cuda' };
    } catch (error) {
      options.warn?.(`CUDA is not available to onnxruntime here (${String(error).split('\n')[0]}); running on CPU`);
    }
  }
  return { session: await ort.InferenceSession.create(file, { ...base, executionProviders: ['cpu'] }), device: 'cpu' };
}

export async function openKokoro(modelPath: string, options: OpenOptions): Promise<KokoroEngine> {
  const { session, device } = await createSession(await preparedModel(modelPath), options);
  const durationOutput = session.outputNames.find((name) => /duration/i.test(name));
  if (!durationOutput) throw new Error(`${modelPath}: the prepared model has no durations output (outputs: ${session.outputNames.join(', ')})`);
  const tokensInput = session.inputNames.find((name) => name === 'tokens' || name === 'input_ids') ?? 'tokens';
  const audioOutput = session.outputNames.find((name) => name !== durationOutput) ?? 'audio';
  return {
    device,
    async synthesize(tokenIds, style, speed) {
      const outputs = await session.run(kokoroInputs(tokenIds, style, speed, tokensInput));
      const samples = outputs[audioOutput]!.data as Float32Array;
      // Some exports give float durations (not rounded); the decoder ran on the rounded ones.
      const durations = Array.from(outputs[durationOutput]!.data as ArrayLike<number | bigint>, (value) => Math.round(Number(value)));
      const frames = durations.reduce((sum, frames) => sum + frames, 0);
      if (durations.length !== tokenIds.length + 2 || frames * SAMPLES_PER_FRAME !== samples.length) {
        throw new Error(
          `Kokoro durations do not explain the audio: ${durations.length} durations for ${tokenIds.length + 2} tokens, ` +
            `${frames} frames x ${SAMPLES_PER_FRAME} != ${samples.length} samples`,
        );
      }
      return { samples, durations };
    },
    release: () => session.release(),
  };
}
