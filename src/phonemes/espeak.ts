// eSpeak NG compiled to WASM: one instance per process, reused, since starting it costs ~150 ms. Its module is
// imported on first use, not with this file: loading it takes about 0.5 s, which commands that never phonemize
// (`--help`, an option refused) no longer pay, and which a narration pays after its Kokoro worker has started.
import { espeakVoices } from './languages.ts';

/** One word as eSpeak read it: where it starts in the text (in code points) and its IPA phonemes. */
export interface EspeakWord {
  codePointStart: number;
  phonemes: string[];
}

interface EspeakEvent {
  type: string;
  text_position: number;
  id: string | number | undefined;
}

interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wordsPerMinute: number): void;
  synthesize(text: string, callback: (audio: Int16Array, events: EspeakEvent[]) => number): void;
}

/** The part of Emscripten's in-memory file system the module exports that is used here. */
interface EmscriptenFs {
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
  unlink(path: string): void;
}

let workerPromise: Promise<EspeakWorker> | undefined;
let currentVoice: string | undefined;

const DATA_FOLDER = '/usr/share/espeak-ng-data';

/**
 * Removes the voice files Kokoro never asks for: the languages it does not read (132 of 140 in lang/) and the
 * variants and MBROLA voices (all 198 in voices/). eSpeak's initializer reads every voice file to list its voices;
 * with 8 left it takes about 45 ms of CPU instead of 250, which a dry run (`--say`) pays on every call. A voice file
 * is named by its language ("roa/es") or by the language it is a variant of ("gmw/en", British English), so both
 * names are kept.
 */
function keepOnlyVoices(fs: EmscriptenFs, voices: readonly string[]): void {
  const kept = new Set(voices.flatMap((voice) => [voice, voice.split('-')[0]!]));
  const prune = (folder: string, keep: (name: string) => boolean) => {
    for (const name of fs.readdir(folder)) {
      if (name === '.' || name === '..') continue;
      const file = `${folder}/${name}`;
      if (fs.isDir(fs.stat(file).mode)) prune(file, keep);
      else if (!keep(name.toLowerCase())) fs.unlink(file);
    }
  };
  prune(`${DATA_FOLDER}/lang`, (name) => kept.has(name));
  prune(`${DATA_FOLDER}/voices`, () => false);
}

async function espeakWorker(): Promise<EspeakWorker> {
  workerPromise ??= import('@echogarden/espeak-ng-emscripten').then(async ({ default: createEspeakModule }) => {
    const module: { eSpeakNGWorker: new () => EspeakWorker; FS: EmscriptenFs } = await createEspeakModule();
    keepOnlyVoices(module.FS, espeakVoices());
    const worker = new module.eSpeakNGWorker();
    // Only the events are used; the fastest rate makes eSpeak render the least audio on the way.
    worker.set_rate(450);
    return worker;
  });
  return workerPromise;
}

/**
 * eSpeak's word events, each followed by its phoneme events: the word-to-phoneme map, numbers and abbreviations
 * expanded by eSpeak's own rules. Positions are eSpeak's (1-based code points), made 0-based here.
 */
export async function espeakWords(text: string, espeakVoice: string): Promise<EspeakWord[]> {
  const worker = await espeakWorker();
  if (currentVoice !== espeakVoice) {
    if (worker.set_voice(espeakVoice) !== 0) throw new Error(`eSpeak NG has no voice "${espeakVoice}"`);
    currentVoice = espeakVoice;
  }
  const words: EspeakWord[] = [];
  worker.synthesize(text, (_audio, events) => {
    for (const event of events) {
      if (event.type === 'word') words.push({ codePointStart: event.text_position - 1, phonemes: [] });
      else if (event.type === 'phoneme' && typeof event.id === 'string' && event.id !== '') {
        words.at(-1)?.phonemes.push(event.id);
      }
    }
    return 0;
  });
  return words;
}
