// Kokoro's int8 export quantizes activations on the fly: every convolution runs as DynamicQuantizeLinear ->
// ConvInteger -> (+ quantized bias) -> Cast -> Mul(scale). On CPU, onnxruntime-node runs ConvInteger far slower
// than a float Conv (13.7 of 16 s of a pass in its profiler), so this one-time edit replaces each such chain by
// one float Conv on the dequantized weights, the exact float bias included. The weights are the int8 model's own,
// only widened; the file grows from 92 to 256 MB. The matrix products (MatMulInteger) stay quantized: widening
// them too was measured no faster here (see notes/speed.md).
import {
  assembleModel,
  encodeFloatTensor,
  encodeNode,
  GRAPH_NODE,
  GRAPH_OUTPUT,
  GRAPH_VALUE_INFO,
  ONNX_FLOAT,
  parseModel,
  tensorValues,
  type GraphField,
  type GraphNode,
  type GraphTensor,
} from './onnx-graph.ts';

/**
 * Widens quantized weights: (q - zeroPoint) x scale, in float32 as DequantizeLinear computes it. Zero point and
 * scale are one value for the whole tensor or one per index along `axis`.
 */
export function dequantize(
  values: ArrayLike<number>,
  dims: number[],
  zeroPoint: ArrayLike<number>,
  scale: ArrayLike<number>,
  axis: number,
): Float32Array {
  const channels = dims[axis] ?? 1;
  for (const [what, parameter] of [
    ['zero point', zeroPoint],
    ['scale', scale],
  ] as const) {
    if (parameter.length !== 1 && parameter.length !== channels) throw new Error(`${what} has ${parameter.length} values for ${channels} channels`);
  }
  const stride = dims.slice(axis + 1).reduce((product, dim) => product * dim, 1);
  const widened = new Float32Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const channel = Math.floor(index / stride) % channels;
    const zero = zeroPoint.length === 1 ? zeroPoint[0]! : zeroPoint[channel]!;
    const factor = scale.length === 1 ? scale[0]! : scale[channel]!;
    widened[index] = Math.fround((values[index]! - zero) * Math.fround(factor));
  }
  return widened;
}

interface Replacement {
  /** The float node, in the place of the quantized one. */
  node: Omit<GraphNode, 'castTo'>;
  /** The chain's other nodes (bias Add, Cast, rescaling Mul), whose work the float node now does. */
  absorbed: GraphNode[];
  weight: { name: string; dims: number[]; values: Float32Array };
}

class GraphIndex {
  readonly producer = new Map<string, GraphNode>();
  readonly consumers = new Map<string, GraphNode[]>();
  readonly initializers = new Map<string, GraphTensor>();

  constructor(fields: GraphField[]) {
    for (const entry of fields) {
      if ('tensor' in entry) this.initializers.set(entry.tensor.name, entry.tensor);
      if (!('node' in entry)) continue;
      for (const output of entry.node.outputs) this.producer.set(output, entry.node);
      for (const input of entry.node.inputs) this.consumers.set(input, [...(this.consumers.get(input) ?? []), entry.node]);
    }
  }

  /** The one node reading `tensor`, if exactly one does. */
  soleConsumer(tensor: string | undefined): GraphNode | undefined {
    const readers = tensor === undefined ? [] : (this.consumers.get(tensor) ?? []);
    return readers.length === 1 ? readers[0] : undefined;
  }

  produced(tensor: string | undefined, opType: string): GraphNode | undefined {
    const node = tensor === undefined ? undefined : this.producer.get(tensor);
    return node?.opType === opType ? node : undefined;
  }

  /** Names of every tensor the given ones are computed from, themselves included. */
  upstreamOf(tensors: string[]): Set<string> {
    const seen = new Set<string>();
    const pending = [...tensors];
    for (let tensor = pending.pop(); tensor !== undefined; tensor = pending.pop()) {
      if (seen.has(tensor)) continue;
      seen.add(tensor);
      pending.push(...(this.producer.get(tensor)?.inputs ?? []));
    }
    return seen;
  }
}

/** The weight's own scale: the initializer that `Mul(activation scale, weight scale)` multiplies in. */
function weightScale(index: GraphIndex, scaleMul: GraphNode | undefined, activationScale: string): GraphTensor | undefined {
  if (scaleMul?.opType !== 'Mul' || !scaleMul.inputs.includes(activationScale)) return undefined;
  return index.initializers.get(scaleMul.inputs.find((input) => input !== activationScale) ?? '');
}

/**
 * The float bias folded into `add`, when it is the quantized bias chain
 * Add(product, Reshape(Cast(Floor(Div(bias, scale))))); undefined when `add` is something else.
 */
function quantizedBias(index: GraphIndex, add: GraphNode, product: string): GraphTensor | undefined {
  const reshape = index.produced(
    add.inputs.find((input) => input !== product),
    'Reshape',
  );
  const cast = index.produced(reshape?.inputs[0], 'Cast');
  const floor = index.produced(cast?.inputs[0], 'Floor');
  const divide = index.produced(floor?.inputs[0], 'Div');
  return index.initializers.get(divide?.inputs[0] ?? '');
}

/** The float Conv for one DynamicQuantizeLinear -> ConvInteger -> ... -> Mul(scale) chain, if it is one. */
function replacementFor(index: GraphIndex, quantized: GraphNode): Replacement | undefined {
  const [quantizedInput, weightName, , weightZeroPointName] = quantized.inputs;
  const quantizer = index.produced(quantizedInput, 'DynamicQuantizeLinear');
  const weight = index.initializers.get(weightName ?? '');
  const activationScale = quantizer?.outputs[1];
  if (!quantizer || !weight || activationScale === undefined) return undefined;

  const absorbed: GraphNode[] = [];
  let next = index.soleConsumer(quantized.outputs[0]);
  let bias: GraphTensor | undefined;
  if (next?.opType === 'Add') {
    bias = quantizedBias(index, next, quantized.outputs[0]!);
    if (!bias) return undefined;
    absorbed.push(next);
    next = index.soleConsumer(next.outputs[0]);
  }
  const cast = next;
  if (cast?.opType !== 'Cast' || cast.castTo !== ONNX_FLOAT) return undefined;
  const rescale = index.soleConsumer(cast.outputs[0]);
  if (rescale?.opType !== 'Mul') return undefined;
  absorbed.push(cast, rescale);
  const scale = weightScale(index, index.producer.get(rescale.inputs.find((input) => input !== cast.outputs[0]) ?? ''), activationScale);
  if (!scale) return undefined;

  const zeroPoint = weightZeroPointName ? index.initializers.get(weightZeroPointName) : undefined;
  if (weightZeroPointName && !zeroPoint) return undefined;
  // Per-channel parameters would run along a Conv weight's output channels, axis 0.
  const values = dequantize(tensorValues(weight), weight.dims, zeroPoint ? tensorValues(zeroPoint) : [0], tensorValues(scale), 0);
  // Named by weight and scale, should two convolutions share one quantized weight with different scales.
  const floatWeight = `${weight.name}_float_${scale.name}`;
  return {
    absorbed,
    weight: { name: floatWeight, dims: weight.dims, values },
    node: {
      name: `${quantized.name}_float`,
      opType: 'Conv',
      domain: '',
      inputs: [quantizer.inputs[0]!, floatWeight, ...(bias ? [bias.name] : [])],
      outputs: rescale.outputs,
      attributes: quantized.attributes,
    },
  };
}

export interface FloatWeightsOptions {
  /** Convolutions that feed these tensors stay quantized, so those tensors come out bit-identical. */
  keepQuantizedUpstreamOf?: string[];
}

export interface FloatWeightsResult {
  model: Buffer;
  replacedConv: number;
}

export function withFloatWeights(model: Uint8Array, options: FloatWeightsOptions = {}): FloatWeightsResult {
  const parsed = parseModel(model);
  const index = new GraphIndex(parsed.graphFields);
  const frozen = index.upstreamOf(options.keepQuantizedUpstreamOf ?? []);
  const replacements = new Map<GraphNode, Replacement>();
  for (const entry of parsed.graphFields) {
    if (!('node' in entry)) continue;
    const { node } = entry;
    const replacement = node.opType === 'ConvInteger' && !frozen.has(node.outputs[0]!) ? replacementFor(index, node) : undefined;
    if (replacement) replacements.set(node, replacement);
  }

  // The graph after the swap: each chain's first node becomes the float node, its other nodes go, and so does
  // every node that only fed them (the quantizers, the bias quantization) once nothing else reads it.
  const absorbed = new Set([...replacements.values()].flatMap((replacement) => replacement.absorbed));
  const swapped = parsed.graphFields.flatMap((entry): GraphField[] => {
    if (!('node' in entry)) return [entry];
    if (absorbed.has(entry.node)) return [];
    const replacement = replacements.get(entry.node);
    return [replacement ? { field: GRAPH_NODE, bytes: encodeNode(replacement.node), node: { ...replacement.node } } : entry];
  });
  const graphOutputs = parsed.graphFields.flatMap((entry) => (entry.field === GRAPH_OUTPUT && 'name' in entry ? [entry.name] : []));
  const swappedIndex = new GraphIndex(swapped);
  const live = swappedIndex.upstreamOf([...graphOutputs, ...(options.keepQuantizedUpstreamOf ?? [])]);
  const isLive = (node: GraphNode) => node.outputs.some((output) => live.has(output));
  const inputsRead = new Set(swapped.flatMap((entry) => ('node' in entry && isLive(entry.node) ? entry.node.inputs : [])));

  const fields: Uint8Array[] = [];
  for (const entry of swapped) {
    if ('node' in entry) {
      if (isLive(entry.node)) fields.push(entry.bytes);
    } else if ('tensor' in entry) {
      if (inputsRead.has(entry.tensor.name)) fields.push(entry.bytes);
    } else if ('name' in entry && entry.field === GRAPH_VALUE_INFO) {
      // Shape and type hints for tensors the edit removed would describe nothing.
      if (live.has(entry.name) && swappedIndex.producer.has(entry.name)) fields.push(entry.bytes);
    } else fields.push(entry.bytes);
  }
  const weights = new Map([...replacements.values()].map((replacement) => [replacement.weight.name, replacement.weight]));
  for (const weight of weights.values()) fields.push(encodeFloatTensor(weight.name, weight.dims, weight.values));
  return { model: assembleModel(parsed.otherFields, fields), replacedConv: replacements.size };
}
