// Just enough of the ONNX protobuf to read Kokoro's graph and write edited copies of it, without a schema.
// Every field is kept as the bytes it came in, so an edit rewrites only the nodes and tensors it changes;
// protobuf merges a message field that appears again, so appending `graph { output { ... } }` adds an output.
import protobuf from 'protobufjs/minimal.js';

const { Reader, Writer } = protobuf;

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const MODEL_GRAPH = 7;
export const GRAPH_NODE = 1;
export const GRAPH_INITIALIZER = 5;
export const GRAPH_OUTPUT = 12;
export const GRAPH_VALUE_INFO = 13;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_NAME = 3;
const NODE_OP_TYPE = 4;
const NODE_ATTRIBUTE = 5;
const NODE_DOMAIN = 7;
const ATTRIBUTE_NAME = 1;
const ATTRIBUTE_INT = 3;
const VALUE_INFO_NAME = 1;
const VALUE_INFO_TYPE = 2;
const TYPE_TENSOR = 1;
const TENSOR_ELEM_TYPE = 1;
const TENSOR_DIMS = 1;
const TENSOR_DATA_TYPE = 2;
const TENSOR_FLOAT_DATA = 4;
const TENSOR_INT32_DATA = 5;
const TENSOR_INT64_DATA = 7;
const TENSOR_NAME = 8;
const TENSOR_RAW_DATA = 9;
export const ONNX_FLOAT = 1;
const ONNX_UINT8 = 2;
const ONNX_INT8 = 3;
const ONNX_INT32 = 6;
export const ONNX_INT64 = 7;

export interface GraphNode {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  /** AttributeProto messages as they were encoded, so a replacement node can carry them over untouched. */
  attributes: Uint8Array[];
  castTo?: number;
}

export interface GraphTensor {
  name: string;
  dataType: number;
  dims: number[];
  message: Uint8Array;
}

/** One field of GraphProto: its number, its bytes (tag included) and, for the kinds an edit looks at, what it holds. */
export type GraphField =
  | { field: typeof GRAPH_NODE; bytes: Uint8Array; node: GraphNode }
  | { field: typeof GRAPH_INITIALIZER; bytes: Uint8Array; tensor: GraphTensor }
  | { field: typeof GRAPH_OUTPUT | typeof GRAPH_VALUE_INFO; bytes: Uint8Array; name: string }
  | { field: number; bytes: Uint8Array };

export interface ParsedModel {
  /** ModelProto's fields other than the graph, as they were encoded. */
  otherFields: Uint8Array[];
  graphFields: GraphField[];
}

export interface GraphSummary {
  nodes: GraphNode[];
  outputNames: string[];
}

/** Calls `visit` for every field of a message with a reader at the field's value; fields it declines are skipped. */
function fieldsOf(bytes: Uint8Array, visit: (field: number, reader: protobuf.Reader, wireType: number, start: number) => boolean): void {
  const reader = Reader.create(bytes);
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const tag = reader.uint32();
    if (!visit(tag >>> 3, reader, tag & 7, start)) reader.skipType(tag & 7);
  }
}

function readNode(bytes: Uint8Array): GraphNode {
  const node: GraphNode = { name: '', opType: '', domain: '', inputs: [], outputs: [], attributes: [] };
  fieldsOf(bytes, (field, reader) => {
    if (field === NODE_INPUT) node.inputs.push(reader.string());
    else if (field === NODE_OUTPUT) node.outputs.push(reader.string());
    else if (field === NODE_NAME) node.name = reader.string();
    else if (field === NODE_OP_TYPE) node.opType = reader.string();
    else if (field === NODE_DOMAIN) node.domain = reader.string();
    else if (field === NODE_ATTRIBUTE) {
      const attribute = reader.bytes();
      node.attributes.push(attribute);
      let name = '';
      let value: number | undefined;
      fieldsOf(attribute, (attributeField, attributeReader) => {
        if (attributeField === ATTRIBUTE_NAME) name = attributeReader.string();
        else if (attributeField === ATTRIBUTE_INT) value = Number(attributeReader.int64());
        else return false;
        return true;
      });
      if (name === 'to' && value !== undefined) node.castTo = value;
    } else return false;
    return true;
  });
  return node;
}

function readTensorHeader(message: Uint8Array): GraphTensor {
  const tensor: GraphTensor = { name: '', dataType: 0, dims: [], message };
  fieldsOf(message, (field, reader, wireType) => {
    if (field === TENSOR_NAME) tensor.name = reader.string();
    else if (field === TENSOR_DATA_TYPE) tensor.dataType = reader.int32();
    else if (field === TENSOR_DIMS && wireType === WIRE_VARINT) tensor.dims.push(Number(reader.int64()));
    else if (field === TENSOR_DIMS) {
      const packed = Reader.create(reader.bytes());
      while (packed.pos < packed.len) tensor.dims.push(Number(packed.int64()));
    } else return false;
    return true;
  });
  return tensor;
}

function readName(message: Uint8Array): string {
  let name = '';
  fieldsOf(message, (field, reader) => {
    if (field !== VALUE_INFO_NAME) return false;
    name = reader.string();
    return true;
  });
  return name;
}

/** Splits a model into its graph's fields (nodes, initializers and value infos decoded) and everything else. */
export function parseModel(model: Uint8Array): ParsedModel {
  const parsed: ParsedModel = { otherFields: [], graphFields: [] };
  fieldsOf(model, (field, reader, wireType, start) => {
    if (field !== MODEL_GRAPH || wireType !== WIRE_LENGTH_DELIMITED) {
      reader.skipType(wireType);
      parsed.otherFields.push(model.subarray(start, reader.pos));
      return true;
    }
    const graph = reader.bytes();
    fieldsOf(graph, (graphField, graphReader, graphWireType, graphStart) => {
      let value: Uint8Array | undefined;
      if (graphWireType === WIRE_LENGTH_DELIMITED) value = graphReader.bytes();
      else graphReader.skipType(graphWireType);
      const bytes = graph.subarray(graphStart, graphReader.pos);
      if (value && graphField === GRAPH_NODE) parsed.graphFields.push({ field: GRAPH_NODE, bytes, node: readNode(value) });
      else if (value && graphField === GRAPH_INITIALIZER)
        parsed.graphFields.push({ field: GRAPH_INITIALIZER, bytes, tensor: readTensorHeader(value) });
      else if (value && (graphField === GRAPH_OUTPUT || graphField === GRAPH_VALUE_INFO))
        parsed.graphFields.push({ field: graphField, bytes, name: readName(value) });
      else parsed.graphFields.push({ field: graphField, bytes });
      return true;
    });
    return true;
  });
  return parsed;
}

export function summarizeGraph(model: Uint8Array): GraphSummary {
  const summary: GraphSummary = { nodes: [], outputNames: [] };
  for (const entry of parseModel(model).graphFields) {
    if ('node' in entry) summary.nodes.push(entry.node);
    else if (entry.field === GRAPH_OUTPUT && 'name' in entry) summary.outputNames.push(entry.name);
  }
  return summary;
}

/** The tensor's values as numbers, whichever of ONNX's storage fields holds them. */
export function tensorValues(tensor: GraphTensor): Float64Array {
  const count = tensor.dims.reduce((product, dim) => product * dim, 1);
  const values = new Float64Array(count);
  let filled = 0;
  fieldsOf(tensor.message, (field, reader) => {
    if (field === TENSOR_RAW_DATA) {
      const raw = reader.bytes();
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      const read: Record<number, [number, (offset: number) => number]> = {
        [ONNX_FLOAT]: [4, (offset) => view.getFloat32(offset, true)],
        [ONNX_UINT8]: [1, (offset) => view.getUint8(offset)],
        [ONNX_INT8]: [1, (offset) => view.getInt8(offset)],
        [ONNX_INT32]: [4, (offset) => view.getInt32(offset, true)],
        [ONNX_INT64]: [8, (offset) => Number(view.getBigInt64(offset, true))],
      };
      const reading = read[tensor.dataType];
      if (!reading) throw new Error(`tensor ${tensor.name}: data type ${tensor.dataType} is not supported`);
      const [size, at] = reading;
      for (let index = 0; index < raw.byteLength / size; index++) values[filled++] = at(index * size);
    } else if (field === TENSOR_FLOAT_DATA || field === TENSOR_INT32_DATA || field === TENSOR_INT64_DATA) {
      // Repeated numbers come packed (one length-delimited run) from every exporter Kokoro's files were made with.
      const packed = Reader.create(reader.bytes());
      while (packed.pos < packed.len) {
        values[filled++] = field === TENSOR_FLOAT_DATA ? packed.float() : field === TENSOR_INT32_DATA ? packed.int32() : Number(packed.int64());
      }
    } else return false;
    return true;
  });
  if (filled !== count) throw new Error(`tensor ${tensor.name}: ${filled} values for dims [${tensor.dims.join(', ')}]`);
  return values;
}

/** A length-delimited field: tag, length, then the payload. */
function lengthDelimited(field: number, payload: Uint8Array): Uint8Array {
  const header = Writer.create()
    .uint32((field << 3) | WIRE_LENGTH_DELIMITED)
    .uint32(payload.byteLength)
    .finish();
  return Buffer.concat([header, payload]);
}

export function encodeNode(node: Omit<GraphNode, 'castTo'>): Uint8Array {
  const writer = Writer.create();
  for (const input of node.inputs) writer.uint32((NODE_INPUT << 3) | WIRE_LENGTH_DELIMITED).string(input);
  for (const output of node.outputs) writer.uint32((NODE_OUTPUT << 3) | WIRE_LENGTH_DELIMITED).string(output);
  writer.uint32((NODE_NAME << 3) | WIRE_LENGTH_DELIMITED).string(node.name);
  writer.uint32((NODE_OP_TYPE << 3) | WIRE_LENGTH_DELIMITED).string(node.opType);
  for (const attribute of node.attributes) writer.uint32((NODE_ATTRIBUTE << 3) | WIRE_LENGTH_DELIMITED).bytes(attribute);
  if (node.domain) writer.uint32((NODE_DOMAIN << 3) | WIRE_LENGTH_DELIMITED).string(node.domain);
  return lengthDelimited(GRAPH_NODE, writer.finish());
}

export function encodeFloatTensor(name: string, dims: number[], values: Float32Array): Uint8Array {
  const writer = Writer.create();
  for (const dim of dims) writer.uint32(TENSOR_DIMS << 3).int64(dim);
  writer.uint32(TENSOR_DATA_TYPE << 3).int32(ONNX_FLOAT);
  writer.uint32((TENSOR_NAME << 3) | WIRE_LENGTH_DELIMITED).string(name);
  const header = writer.finish();
  const raw = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return lengthDelimited(GRAPH_INITIALIZER, Buffer.concat([header, lengthDelimited(TENSOR_RAW_DATA, raw)]));
}

/** A model from its non-graph fields and the encoded fields of one graph. */
export function assembleModel(otherFields: Uint8Array[], graphFields: Uint8Array[]): Buffer {
  const graph = Buffer.concat(graphFields);
  const header = Writer.create()
    .uint32((MODEL_GRAPH << 3) | WIRE_LENGTH_DELIMITED)
    .uint32(graph.byteLength)
    .finish();
  return Buffer.concat([...otherFields, header, graph]);
}

/**
 * The int64 tensor of frames per token that drives Kokoro's alignment: the Cast to INT64 reached from the
 * duration predictor's Round (Round -> Clip/Max -> Cast), whatever the export named it.
 */
export function findDurationTensor(summary: GraphSummary): string | undefined {
  const consumers = new Map<string, GraphNode[]>();
  for (const node of summary.nodes) {
    for (const input of node.inputs) consumers.set(input, [...(consumers.get(input) ?? []), node]);
  }
  for (const round of summary.nodes.filter((node) => node.opType === 'Round')) {
    let frontier = round.outputs;
    for (let depth = 0; depth < 3; depth++) {
      const next = frontier.flatMap((output) => consumers.get(output) ?? []);
      const cast = next.find((node) => node.opType === 'Cast' && node.castTo === ONNX_INT64);
      if (cast?.outputs[0]) return cast.outputs[0];
      frontier = next.filter((node) => node.opType === 'Clip' || node.opType === 'Max').flatMap((node) => node.outputs);
    }
  }
  return undefined;
}

/**
 * Bytes that, appended to a model, add an Identity node copying `tensorName` (int64) to `outputName` and declare
 * that as one more graph output, so the output has the same name whatever the export called the tensor.
 */
export function namedInt64OutputAppendix(tensorName: string, outputName: string): Uint8Array {
  const writer = Writer.create();
  writer.uint32((GRAPH_OUTPUT << 3) | WIRE_LENGTH_DELIMITED).fork();
  writer.uint32((VALUE_INFO_NAME << 3) | WIRE_LENGTH_DELIMITED).string(outputName);
  writer.uint32((VALUE_INFO_TYPE << 3) | WIRE_LENGTH_DELIMITED).fork();
  writer.uint32((TYPE_TENSOR << 3) | WIRE_LENGTH_DELIMITED).fork();
  writer.uint32(TENSOR_ELEM_TYPE << 3).int32(ONNX_INT64);
  writer.ldelim().ldelim().ldelim();
  const identity = encodeNode({
    name: `${outputName}_output`,
    opType: 'Identity',
    domain: '',
    inputs: [tensorName],
    outputs: [outputName],
    attributes: [],
  });
  return lengthDelimited(MODEL_GRAPH, Buffer.concat([identity, writer.finish()]));
}
