// Just enough of the ONNX protobuf to find Kokoro's duration tensor and make it a graph output, without a
// schema: a model is a ModelProto, and protobuf merges a repeated message field that appears again at the
// end of the bytes, so appending `graph { output { ... } }` adds one output and leaves every weight untouched.
import protobuf from 'protobufjs/minimal.js';

const { Reader, Writer } = protobuf;

const WIRE_LENGTH_DELIMITED = 2;
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_OUTPUT = 12;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_OP_TYPE = 4;
const NODE_ATTRIBUTE = 5;
const ATTRIBUTE_NAME = 1;
const ATTRIBUTE_INT = 3;
const VALUE_INFO_NAME = 1;
const VALUE_INFO_TYPE = 2;
const TYPE_TENSOR = 1;
const TENSOR_ELEM_TYPE = 1;
const ONNX_INT64 = 7;

interface GraphNode {
  opType: string;
  inputs: string[];
  outputs: string[];
  castTo?: number;
}

export interface GraphSummary {
  nodes: GraphNode[];
  outputNames: string[];
}

function fieldsOf(bytes: Uint8Array, visit: (field: number, reader: protobuf.Reader, wireType: number) => boolean): void {
  const reader = Reader.create(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (!visit(tag >>> 3, reader, tag & 7)) reader.skipType(tag & 7);
  }
}

function readNode(bytes: Uint8Array): GraphNode {
  const node: GraphNode = { opType: '', inputs: [], outputs: [] };
  fieldsOf(bytes, (field, reader) => {
    if (field === NODE_INPUT) node.inputs.push(reader.string());
    else if (field === NODE_OUTPUT) node.outputs.push(reader.string());
    else if (field === NODE_OP_TYPE) node.opType = reader.string();
    else if (field === NODE_ATTRIBUTE) {
      let name = '';
      let value: number | undefined;
      fieldsOf(reader.bytes(), (attributeField, attributeReader) => {
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

export function summarizeGraph(model: Uint8Array): GraphSummary {
  const summary: GraphSummary = { nodes: [], outputNames: [] };
  fieldsOf(model, (field, reader, wireType) => {
    if (field !== MODEL_GRAPH || wireType !== WIRE_LENGTH_DELIMITED) return false;
    fieldsOf(reader.bytes(), (graphField, graphReader) => {
      if (graphField === GRAPH_NODE) summary.nodes.push(readNode(graphReader.bytes()));
      else if (graphField === GRAPH_OUTPUT) {
        fieldsOf(graphReader.bytes(), (valueField, valueReader) => {
          if (valueField !== VALUE_INFO_NAME) return false;
          summary.outputNames.push(valueReader.string());
          return true;
        });
      } else return false;
      return true;
    });
    return true;
  });
  return summary;
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

/** Bytes that, appended to a model, declare `tensorName` (int64) as one more graph output. */
export function int64OutputAppendix(tensorName: string): Uint8Array {
  const writer = Writer.create();
  writer.uint32((MODEL_GRAPH << 3) | WIRE_LENGTH_DELIMITED).fork();
  writer.uint32((GRAPH_OUTPUT << 3) | WIRE_LENGTH_DELIMITED).fork();
  writer.uint32((VALUE_INFO_NAME << 3) | WIRE_LENGTH_DELIMITED).string(tensorName);
  writer.uint32((VALUE_INFO_TYPE << 3) | WIRE_LENGTH_DELIMITED).fork();
  writer.uint32((TYPE_TENSOR << 3) | WIRE_LENGTH_DELIMITED).fork();
  writer.uint32(TENSOR_ELEM_TYPE << 3).int32(ONNX_INT64);
  writer.ldelim().ldelim().ldelim().ldelim();
  return writer.finish();
}
