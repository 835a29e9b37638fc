// The engine side of a narration: one model session and its voices, reused across narrations, and synthesis
// pass by pass. The timing math is src/timing/word-times.ts, the narration's structure src/narration/assemble.ts;
// the request is checked where it comes in (src/pipeline/request.ts).
import path from 'node:path';
import { SAMPLE_RATE } from '../contract/audio-format.ts';
import { NARRATION_VERSION, type Narration } from '../contract/narration.ts';
import type { NarrationAudio, PhonemizedWord, SynthesizedChunk } from '../contract/pipeline.ts';
import { UserError } from '../errors.ts';
import { windowLevelsDb } from '../audio/levels.ts';
import { diskPassStore, memoryPassStore, type PassStore } from '../audio/pass-store.ts';
import { layOutTrack } from '../audio/track.ts';
import { chunkWords, chunkWordsWithin } from '../kokoro/chunks.ts';
import { PassCache, passKey } from '../audio/pass-cache.ts';
import { resolveModel, type ResolvedModel } from '../kokoro/model-files.ts';
import { openKokoroOnWorker } from '../kokoro/engine-worker.ts';
import type { Device, KokoroEngine } from '../kokoro/session.ts';
import { loadVoice, styleFor, type VoiceTable } from '../kokoro/voices.ts';
import { assembleStructure } from '../narration/assemble.ts';
import { endOverClosingPunctuation } from '../narration/spans.ts';
import { checkSpokenLength, checkTokenLength } from '../narration/length-limit.ts';
import { keptWordCount, plannedWordCount } from '../narration/target-length.ts';
import { passPrefix } from '../kokoro/pass-prefix.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { resolveLanguage } from '../phonemes/languages.ts';
import { DEFAULT_PHRASE_OPTIONS, phraseRuns } from '../text/phrases.ts';
import { spokenLocaleFor } from '../text/spoken-rules.ts';
import { calibrate } from '../timing/calibration.ts';
import { AUDIBLE_EDGE_OPTIONS, narrationTimes, type PassForTiming } from '../timing/word-times.ts';
import type { NarrateProgress, NarrateRequest } from './request.ts';
import { spokenInput, voiceInput } from './voice-input.ts';
import { phonemize } from '../phonemes/phonemize.ts';

export interface NarrateOptions {
  onProgress?: (progress: NarrateProgress) => void;
  /** Where the passes' samples wait for the timeline, in a temporary file; in memory when not given. */
  scratchFolder?: string;
  /** Passes read from and kept in this folder (src/audio/pass-cache.ts), so a re-synthesis makes only new ones. */
  passCache?: string;
  /** Offsets in the text where a pass must end: an earlier narration's pass ends, so an edit changes its pass only. */
  passEnds?: readonly number[];
  /** Told of each pass: made by the model, or read back from the pass cache. */
  onPass?: (source: 'synthesized' | 'reused') => void;
}

/** How a synthesis reaches its passes: where they are cached, how they are cut, who is told of each. */
type PassPlan = Pick<NarrateOptions, 'passCache' | 'passEnds' | 'onPass'>;

/** A pass once its samples are in the store: its frames, and its audio's window levels for word edges. */
function passForTiming({ chunk, durations, samples }: SynthesizedChunk): PassForTiming {
  return { chunk, durations, levels: windowLevelsDb(samples, SAMPLE_RATE, AUDIBLE_EDGE_OPTIONS.windowMs) };
}

export interface NarratorOptions {
  device: Device;
  model?: string;
  log?: (line: string) => void;
  /** Always shown: something the user asked for could not be done as asked. */
  warn?: (line: string) => void;
  onDownloadProgress?: (done: number, total: number | undefined) => void;
}

/** One model session and its voices, reused across narrations. */
export class Narrator {
  private engine: Promise<{ engine: KokoroEngine; model: ResolvedModel }> | undefined;
  private readonly voices = new Map<string, Promise<VoiceTable>>();

  constructor(private readonly options: NarratorOptions) {}

  private loaded(): Promise<{ engine: KokoroEngine; model: ResolvedModel }> {
    this.engine ??= resolveModel({
      explicit: this.options.model,
      precision: 'int8',
      onProgress: this.options.onDownloadProgress,
      log: this.options.log,
    }).then(async (model) => ({
      model,
      engine: await openKokoroOnWorker(model.path, { device: this.options.device, warn: this.options.warn }).catch((error: unknown) => {
        throw new UserError(
          `The model ${model.path} could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
          'Delete it so a fresh copy is fetched, or pass another --model',
        );
      }),
    }));
    return this.engine;
  }

  /** Starts loading the model on its thread now, e.g. while the text is fetched; a failure surfaces where it is used. */
  preload(): void {
    this.loaded().catch(() => undefined);
  }

  private async kokoro(): Promise<KokoroEngine> {
    return (await this.loaded()).engine;
  }

  /** The model file in use and its sha256, for the run record. */
  async model(): Promise<{ file: string; sha256: string }> {
    const { model } = await this.loaded();
    return { file: path.basename(model.path), sha256: model.sha256 };
  }

  private voice(spec: string): Promise<VoiceTable> {
    let table = this.voices.get(spec);
    if (!table) {
      table = loadVoice(spec, this.options.log);
      this.voices.set(spec, table);
      table.catch(() => this.voices.delete(spec));
    }
    return table;
  }

  /** Words of the text, phonemized, in written coordinates. */
  async phonemizeText(text: string, language: string, locale?: string, lexicon?: readonly LexiconEntry[]): Promise<PhonemizedWord[]> {
    return (await voiceInput(text, language, locale, lexicon)).words;
  }

  /**
   * Synthesize words as Kokoro chunks, one pass each, in order, handing each pass to `take` as it comes; `take`
   * answering 'enough' ends the synthesis there.
   */
  private async eachPass(
    words: PhonemizedWord[],
    voice: string,
    speed: number,
    take: (pass: SynthesizedChunk) => Promise<'more' | 'enough'>,
    onChunk?: (done: number, total: number) => void,
    plan: PassPlan = {},
  ): Promise<void> {
    const [{ engine, model }, table] = await Promise.all([this.loaded(), this.voice(voice)]);
    const chunks = plan.passEnds ? chunkWordsWithin(words, plan.passEnds) : chunkWords(words);
    const cache = plan.passCache === undefined ? null : new PassCache(plan.passCache);
    for (const [index, chunk] of chunks.entries()) {
      const key = passKey({ modelSha256: model.sha256, voice, speed, tokenIds: chunk.tokenIds });
      const cached = await cache?.get(key);
      const pass = cached ?? (await engine.synthesize(chunk.tokenIds, styleFor(table, chunk.tokenIds.length), speed));
      if (cache && !cached) await cache.put(key, pass);
      plan.onPass?.(cached ? 'reused' : 'synthesized');
      const answer = await take({ chunk, samples: pass.samples, durations: pass.durations });
      onChunk?.(index + 1, chunks.length);
      if (answer === 'enough') return;
    }
  }

  /** Synthesize words as Kokoro chunks, one pass each, in order, every pass's samples kept in memory. */
  async synthesizeWords(
    words: PhonemizedWord[],
    voice: string,
    speed: number,
    onChunk?: (done: number, total: number) => void,
  ): Promise<SynthesizedChunk[]> {
    const synthesized: SynthesizedChunk[] = [];
    await this.eachPass(
      words,
      voice,
      speed,
      async (pass) => {
        synthesized.push(pass);
        return 'more';
      },
      onChunk,
    );
    return synthesized;
  }

  /** The narration of a request already checked (validateRequest) where it came in. */
  async narrate(request: NarrateRequest, options: NarrateOptions = {}): Promise<NarrationAudio> {
    const language = resolveLanguage(request.language);
    const { spoken } = spokenInput(request.text, request.language, request.locale, request.lexicon);
    // A narration cut to --max-seconds is short by construction; any other is held to its longest length before
    // the model even loads, and again on its tokens before the first pass.
    const limit = request.maxDurationMs !== undefined && request.maxMs === undefined ? { maxMs: request.maxDurationMs, speed: request.speed } : null;
    if (limit) checkSpokenLength(spoken.spoken.length, limit);
    // The model and the voice load while the text is phonemized (a failure is reported when they are awaited).
    const loading = Promise.all([this.kokoro(), this.voice(request.voice)]);
    loading.catch(() => undefined);
    const { words } = await phonemize(spoken, language);
    if (limit) checkTokenLength(words, limit);
    await loading;
    if (request.maxMs !== undefined) return this.narrateWithin(request, request.maxMs, words, options.onProgress, options);
    const store = options.scratchFolder ? await diskPassStore(options.scratchFolder) : memoryPassStore();
    try {
      const passes: PassForTiming[] = [];
      const keep = async (pass: SynthesizedChunk) => {
        await store.add(pass.samples);
        passes.push(passForTiming(pass));
        return 'more' as const;
      };
      await this.eachPass(
        words,
        request.voice,
        request.speed,
        keep,
        (done, total) => options.onProgress?.({ stage: 'synthesis', done, total }),
        options,
      );
      return await this.narrationFrom(request, words, passes, store, options.onProgress);
    } catch (error) {
      await store.release();
      throw error;
    }
  }

  /**
   * The narration cut to at most `maxMs` (see src/narration/target-length.ts): the passes that can fit are
   * synthesized until they cover the length, then cut at a sentence end on their own durations. The passes stay in
   * memory: a length limit bounds them.
   */
  private async narrateWithin(
    request: NarrateRequest,
    maxMs: number,
    words: PhonemizedWord[],
    onProgress: ((progress: NarrateProgress) => void) | undefined,
    plan: PassPlan,
  ) {
    const planned = words.slice(0, plannedWordCount(words, maxMs, request.speed));
    const synthesized: SynthesizedChunk[] = [];
    const timed = () => narrationTimes(synthesized.map(passForTiming));
    const take = async (pass: SynthesizedChunk) => {
      synthesized.push(pass);
      return timed().durationMs >= maxMs ? ('enough' as const) : ('more' as const);
    };
    await this.eachPass(planned, request.voice, request.speed, take, (done, total) => onProgress?.({ stage: 'synthesis', done, total }), plan);
    const times = timed();
    const spoken = synthesized.flatMap((pass) => pass.chunk.words);
    const titleWords = request.titled ? spoken.findIndex((word) => word.breakAfter === 'paragraph') + 1 : 0;
    const kept = keptWordCount(
      spoken.map((word, index) => ({ breakAfter: word.breakAfter, endMs: times.words[index]!.endMs })),
      maxMs,
      titleWords,
    );
    const passes: SynthesizedChunk[] = [];
    let remaining = kept;
    for (const pass of synthesized) {
      if (remaining === 0) break;
      passes.push(passPrefix(pass, remaining));
      remaining -= Math.min(remaining, pass.chunk.words.length);
    }
    const lastWord = spoken[kept - 1]!;
    const text = request.text.slice(0, endOverClosingPunctuation(request.text, lastWord.charEnd));
    const result = await this.buildNarration({ ...request, text }, spoken.slice(0, kept), passes, onProgress);
    return { ...result, narration: { ...result.narration, shortened: { maxSeconds: maxMs / 1000, fullTextChars: request.text.length } } };
  }

  /** From passes already in memory to the narration (benches and tests that synthesize passes themselves). */
  async buildNarration(
    request: NarrateRequest,
    words: PhonemizedWord[],
    synthesized: SynthesizedChunk[],
    onProgress?: (progress: NarrateProgress) => void,
  ): Promise<NarrationAudio> {
    const store = memoryPassStore();
    for (const pass of synthesized) await store.add(pass.samples);
    return this.narrationFrom(request, words, synthesized.map(passForTiming), store, onProgress);
  }

  /** From the passes to the narration: words timed (exact, or calibrated), the structure assembled, the audio laid out. */
  private async narrationFrom(
    request: NarrateRequest,
    words: PhonemizedWord[],
    passes: PassForTiming[],
    store: PassStore,
    onProgress?: (progress: NarrateProgress) => void,
  ): Promise<NarrationAudio> {
    const times = narrationTimes(passes);
    let timedWords = words.map((word, index) => ({ ...word, startMs: times.words[index]!.startMs, endMs: times.words[index]!.endMs }));
    const phraseOptions = request.phrases ?? DEFAULT_PHRASE_OPTIONS;
    let calibration: Narration['calibration'];
    let phraseTimes: Array<{ startMs: number; endMs: number }> | undefined;
    if (request.timing === 'calibrated') {
      const phraseSilenceMs = request.phraseSilenceMs ?? 0;
      const result = await calibrate({
        phrases: phraseRuns(words, phraseOptions),
        synthesizePhrase: (phraseWords) => this.synthesizeWords(phraseWords, request.voice, request.speed),
        totalMs: times.durationMs,
        phraseSilenceMs,
        onPhrase: (done, total) => onProgress?.({ stage: 'calibration', done, total }),
      });
      timedWords = result.words;
      phraseTimes = result.phrases;
      calibration = { scalingFactor: result.scalingFactor, phraseSilenceMs };
    }
    const language = resolveLanguage(request.language).code;
    return {
      track: layOutTrack(store, { sampleRate: SAMPLE_RATE, offsets: times.passOffsets, totalSamples: times.totalSamples }),
      narration: {
        version: NARRATION_VERSION,
        text: request.text,
        language,
        locale: spokenLocaleFor(language, request.locale),
        voice: request.voice,
        speed: request.speed,
        timing: request.timing,
        audio: { sampleRate: SAMPLE_RATE, durationMs: times.durationMs },
        ...assembleStructure(request.text, timedWords, times.words, { phrases: phraseOptions, titled: request.titled ?? false, phraseTimes }),
        chunks: passes.map(({ chunk }, index) => ({
          ...times.passes[index]!,
          charStart: chunk.words[0]!.charStart,
          charEnd: chunk.words.at(-1)!.charEnd,
          tokenCount: chunk.tokenIds.length,
        })),
        ...(calibration ? { calibration } : {}),
      },
    };
  }

  async release(): Promise<void> {
    // A model that failed to load was reported where it was needed, or was never needed (a preload).
    const loaded = await this.engine?.catch(() => undefined);
    await loaded?.engine.release();
  }
}
