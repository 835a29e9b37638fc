// Kokoro voices are style tables of 510 rows x 256 floats, one row per input length. They come as the NPZ
// voices-v1.0.bin, or as one raw float32 file per voice (<name>.bin); a blend mixes several tables.
import AdmZip from 'adm-zip';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { modelDirectory, VOICES_FILE } from './model-files.ts';
import { fetchVoicesFromNpm, isKnownVoice } from './voice-files.ts';

export const STYLE_ROWS = 510;
export const STYLE_SIZE = 256;
const VOICE_BYTES = STYLE_ROWS * STYLE_SIZE * 4;

export type VoiceTable = Float32Array;

interface VoiceLibrary {
  tables: Map<string, () => Promise<VoiceTable>>;
}

function rawVoice(bytes: Uint8Array, origin: string): VoiceTable {
  if (bytes.byteLength !== VOICE_BYTES) {
    throw new UserError(`${origin} is ${bytes.byteLength} bytes, not a Kokoro voice (${VOICE_BYTES} bytes)`, 'Replace the file');
  }
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** A float32 .npy array of shape (510, 1, 256): header, then raw little-endian data. */
function npyVoice(bytes: Buffer, origin: string): VoiceTable {
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.subarray(10, 10 + headerLength).toString('latin1');
  if (!header.includes("'<f4'") || !/\(510,\s*1,\s*256\)/.test(header)) {
    throw new UserError(`${origin} is not a float32 (510, 1, 256) voice array`, 'Replace voices-v1.0.bin');
  }
  return rawVoice(bytes.subarray(10 + headerLength), origin);
}

function voiceFolders(): string[] {
  return [path.join(modelDirectory(), 'voices'), process.env.KOKORO_VOICES_DIR].filter(
    (folder): folder is string => folder !== undefined && existsSync(folder),
  );
}

async function loadLibrary(): Promise<VoiceLibrary> {
  const tables = new Map<string, () => Promise<VoiceTable>>();
  const npz = path.join(modelDirectory(), VOICES_FILE.file);
  if (existsSync(npz)) {
    const archive = new AdmZip(npz);
    for (const entry of archive.getEntries()) {
      if (!entry.entryName.endsWith('.npy')) continue;
      const name = entry.entryName.slice(0, -'.npy'.length);
      tables.set(name, async () => npyVoice(entry.getData(), `${npz}:${entry.entryName}`));
    }
  }
  for (const folder of voiceFolders()) {
    for (const file of (await readdir(folder)).filter((name) => name.endsWith('.bin')).sort()) {
      const name = file.slice(0, -'.bin'.length);
      if (!tables.has(name)) tables.set(name, async () => rawVoice(await readFile(path.join(folder, file)), path.join(folder, file)));
    }
  }
  return { tables };
}

export async function listVoices(): Promise<string[]> {
  return [...(await loadLibrary()).tables.keys()].sort();
}

/** Parse "ef_dora" or a blend "ef_dora:0.7,em_alex:0.3" into weights that sum to 1. */
export function parseVoiceSpec(spec: string): Array<{ name: string; weight: number }> {
  const parts = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const entries = parts.map((part) => {
    const [name = '', weightText] = part.split(':');
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!/^[a-z]{2}_[a-z0-9]+$/i.test(name) || !Number.isFinite(weight) || weight <= 0) {
      throw new UserError(`Voice "${spec}" is not a voice name or a blend`, 'Write --voice ef_dora or --voice ef_dora:0.7,em_alex:0.3');
    }
    return { name, weight };
  });
  if (entries.length === 0) throw new UserError('No voice given', 'Write --voice ef_dora');
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  return entries.map((entry) => ({ name: entry.name, weight: entry.weight / total }));
}

/** The style table for a voice or blend, fetching the official voices from the npm registry if one is missing. */
export async function loadVoice(spec: string, log?: (line: string) => void): Promise<VoiceTable> {
  const wanted = parseVoiceSpec(spec);
  let library = await loadLibrary();
  if (wanted.some((entry) => !library.tables.has(entry.name) && isKnownVoice(entry.name))) {
    await fetchVoicesFromNpm(log);
    library = await loadLibrary();
  }
  const blend = new Float32Array(STYLE_ROWS * STYLE_SIZE);
  for (const { name, weight } of wanted) {
    const load = library.tables.get(name);
    if (!load) {
      const known = [...library.tables.keys()].sort();
      throw new UserError(
        `Voice "${name}" is not available${known.length ? ` (available: ${known.join(', ')})` : ': no voices were found'}`,
        known.length
          ? 'Pick one of those with --voice (narrate --list-voices prints them)'
          : `Put ${VOICES_FILE.file} in ${modelDirectory()}, or set KOKORO_VOICES_DIR to a folder of <voice>.bin files`,
      );
    }
    const table = await load();
    for (let index = 0; index < blend.length; index++) blend[index]! += weight * table[index]!;
  }
  return blend;
}

/**
 * The style row for an input of `tokenCount` phoneme tokens (pads excluded): row n - 1, as hexgrad's pipeline
 * (`pack[len(phonemes) - 1]`) and kokoro-onnx 0.6 pick it. (kokoro.js and older kokoro-onnx used row n.)
 */
export function styleFor(table: VoiceTable, tokenCount: number): Float32Array {
  const row = Math.min(Math.max(tokenCount - 1, 0), STYLE_ROWS - 1);
  return table.slice(row * STYLE_SIZE, (row + 1) * STYLE_SIZE);
}
