// eSpeak NG compiled to WASM: one instance per process, reused, since starting it costs ~150 ms. Its module is
// imported on first use, not with this file: loading it takes about 0.5 s, which commands that never phonemize
// (`--help`, an option refused) no longer pay, and which a narration pays after its Kokoro worker has started.

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

let workerPromise: Promise<EspeakWorker> | undefined;
let currentVoice: string | undefined;

async function espeakWorker(): Promise<EspeakWorker> {
  workerPromise ??= import('@echogarden/espeak-ng-emscripten').then(async ({ default: createEspeakModule }) => {
    const module: { eSpeakNGWorker: new () => EspeakWorker } = await createEspeakModule();
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
