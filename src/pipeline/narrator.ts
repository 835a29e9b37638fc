// The narration pipeline, top to bottom: text -> spoken form -> phonemes with word spans -> Kokoro chunks ->
// audio + durations -> timed words, phrases, sentences and cues. I/O (model, voices) comes in through the
// engine and voice loader; the timing math is in src/timing.
import path from 'node:path';
import { NARRATION_VERSION, type Narration, type TimingMethod } from '../contract/narration.ts';
import type { PassFrames, PhonemizedWord, SynthesizedChunk } from '../contract/pipeline.ts';
import { UserError } from '../errors.ts';
import { windowLevelsDb } from '../audio/pauses.ts';
import { diskPassStore, memoryPassStore, type PassStore } from '../audio/pass-store.ts';
import { layOutTrack, type NarrationTrack } from '../audio/track.ts';
import { buildCues, DEFAULT_CUE_RULES, type CueRules } from '../captions/cues.ts';
import { chunkWords } from '../kokoro/chunks.ts';
import { resolveModel, type ModelPrecision, type ResolvedModel } from '../kokoro/model-files.ts';
import { openKokoroOnWorker } from '../kokoro/engine-worker.ts';
import { SAMPLE_RATE, SAMPLES_PER_FRAME, type Device, type KokoroEngine } from '../kokoro/session.ts';
import { loadVoice, styleFor, type VoiceTable } from '../kokoro/voices.ts';
import { resolveLanguage } from '../phonemes/languages.ts';
import { phonemize } from '../phonemes/phonemize.ts';
import { DEFAULT_PHRASE_OPTIONS, phraseRuns, type PhraseOptions } from '../text/phrases.ts';
import { splitAtBreaks } from '../text/packing.ts';
import { spokenLocaleFor, spokenRuleFor } from '../text/spoken-rules.ts';
import { toSpokenText } from '../text/spoken-form.ts';
import { buildTimeline } from '../timing/timeline.ts';
import { AUDIBLE_EDGE_OPTIONS, audibleSpans, narrationLevels } from '../timing/refine.ts';
import { samplesToMs, spanOfWords } from '../timing/spans.ts';
import { calibrate } from '../timing/calibration.ts';
import { sectionRuns, sectionSpans, wordIndices } from '../timing/structure.ts';

export const MIN_SPEED = 0.5;
export const MAX_SPEED = 2;
export const DEFAULT_MAX_CHARS = 50_000;

export interface NarrateRequest {
  text: string;
  language: string;
  /** Spanish regional variant (es-ES, es-MX…) for numbers, currencies and dates; es-ES when not given. */
  locale?: string;
  voice: string;
  speed: number;
  timing: TimingMethod;
  phrases?: PhraseOptions;
  cueRules?: CueRules;
  /** Silence the calibrated method puts between phrases in its baseline timeline. */
  phraseSilenceMs?: number;
  maxChars?: number;
  /** The text's first paragraph is a title (an article's headline): it becomes the "title" section. */
  titled?: boolean;
}

export interface NarrateProgress {
  stage: 'synthesis' | 'calibration';
  done: number;
  total: number;
}

/** What synthesis decides; the writer adds the file names, the article and the run record. */
export type SynthesizedNarration = Omit<Narration, 'audio' | 'files' | 'article' | 'run'> & {
  audio: { sampleRate: number; durationMs: number };
};

export interface NarrationAudio {
  narration: SynthesizedNarration;
  /** The audio, read block by block; released by whoever writes it. */
  track: NarrationTrack;
}

export interface NarrateOptions {
  onProgress?: (progress: NarrateProgress) => void;
  /** Where the passes' samples wait for the timeline, in a temporary file; in memory when not given. */
  scratchFolder?: string;
}

/** A pass once its samples are in the store: what timing needs, and its audio's window levels for word edges. */
interface StoredPass extends PassFrames {
  levels: number[];
}

/** Word edges are read on 5 ms windows: 120 samples, so a 600-sample frame is 5 whole windows. */
const EDGE_WINDOW_SAMPLES = (SAMPLE_RATE * AUDIBLE_EDGE_OPTIONS.windowMs) / 1000;

function storedPass({ chunk, durations, samples }: SynthesizedChunk): StoredPass {
  return { chunk, durations, levels: windowLevelsDb(samples, SAMPLE_RATE, AUDIBLE_EDGE_OPTIONS.windowMs) };
}

export interface NarratorOptions {
  device: Device;
  model?: string;
  precision?: ModelPrecision;
  log?: (line: string) => void;
  /** Always shown: something the user asked for could not be done as asked. */
  warn?: (line: string) => void;
  onDownloadProgress?: (done: number, total: number | undefined) => void;
}

export function validateRequest(request: NarrateRequest): void {
  const maxChars = request.maxChars ?? DEFAULT_MAX_CHARS;
  if (request.text.trim() === '') throw new UserError('The text is empty', 'Give some text with --text, --file or on standard input');
  if (request.text.length > maxChars) {
    throw new UserError(
      `The text has ${request.text.length.toLocaleString('en')} characters, over the limit of ${maxChars.toLocaleString('en')}`,
      'Split it into parts, or raise the limit with --max-chars',
    );
  }
  validateSpeed(request.speed);
  resolveLanguage(request.language);
}

export function validateSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw new UserError(`Speed ${speed} is outside ${MIN_SPEED}-${MAX_SPEED}`, `Pass --speed between ${MIN_SPEED} and ${MAX_SPEED}`);
  }
}

/** One model session and its voices, reused across narrations. */
export class Narrator {
  private engine: Promise<{ engine: KokoroEngine; model: ResolvedModel }> | undefined;
  private readonly voices = new Map<string, Promise<VoiceTable>>();

  constructor(private readonly options: NarratorOptions) {}

  private loaded(): Promise<{ engine: KokoroEngine; model: ResolvedModel }> {
    this.engine ??= resolveModel({
      explicit: this.options.model,
      precision: this.options.precision ?? 'int8',
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
  async phonemizeText(text: string, language: string, locale?: string): Promise<PhonemizedWord[]> {
    const kokoroLanguage = resolveLanguage(language);
    const spoken = toSpokenText(text, spokenRuleFor(kokoroLanguage.code), { locale });
    return (await phonemize(spoken, kokoroLanguage)).words;
  }

  /** Synthesize words as Kokoro chunks, one pass each, in order, handing each pass to `take` as it comes. */
  private async eachPass(
    words: PhonemizedWord[],
    voice: string,
    speed: number,
    take: (pass: SynthesizedChunk) => Promise<void>,
    onChunk?: (done: number, total: number) => void,
  ): Promise<void> {
    const [engine, table] = await Promise.all([this.kokoro(), this.voice(voice)]);
    const chunks = chunkWords(words);
    for (const [index, chunk] of chunks.entries()) {
      await take({ chunk, ...(await engine.synthesize(chunk.tokenIds, styleFor(table, chunk.tokenIds.length), speed)) });
      onChunk?.(index + 1, chunks.length);
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
    await this.eachPass(words, voice, speed, async (pass) => void synthesized.push(pass), onChunk);
    return synthesized;
  }

  async narrate(request: NarrateRequest, options: NarrateOptions = {}): Promise<NarrationAudio> {
    validateRequest(request);
    // The model and the voice load while the text is phonemized (a failure is reported when they are awaited).
    const loading = Promise.all([this.kokoro(), this.voice(request.voice)]);
    loading.catch(() => undefined);
    const words = await this.phonemizeText(request.text, request.language, request.locale);
    await loading;
    const store = options.scratchFolder ? await diskPassStore(options.scratchFolder) : memoryPassStore();
    try {
      const passes: StoredPass[] = [];
      const keep = async (pass: SynthesizedChunk) => {
        await store.add(pass.samples);
        passes.push(storedPass(pass));
      };
      await this.eachPass(words, request.voice, request.speed, keep, (done, total) => options.onProgress?.({ stage: 'synthesis', done, total }));
      return await this.narrationFrom(request, words, passes, store, options.onProgress);
    } catch (error) {
      await store.release();
      throw error;
    }
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
    return this.narrationFrom(request, words, synthesized.map(storedPass), store, onProgress);
  }

  /** From the passes to the narration: audio laid out, words timed (exact, or calibrated), spans and cues. */
  private async narrationFrom(
    request: NarrateRequest,
    words: PhonemizedWord[],
    passes: StoredPass[],
    store: PassStore,
    onProgress?: (progress: NarrateProgress) => void,
  ): Promise<NarrationAudio> {
    const timeline = buildTimeline(passes, SAMPLES_PER_FRAME);
    const ms = (sample: number) => samplesToMs(sample, SAMPLE_RATE);
    // Each word is timed where its sound is, within bounds set by the frame-exact spans (timeline.words).
    const levels = narrationLevels(
      passes.map((pass) => pass.levels),
      timeline.gapsBefore,
      EDGE_WINDOW_SAMPLES,
    );
    const audible = audibleSpans(levels, EDGE_WINDOW_SAMPLES, timeline.words);
    let timedWords = words.map((word, index) => ({
      ...word,
      startMs: ms(audible[index]!.startSample),
      endMs: ms(audible[index]!.endSample),
    }));
    const phraseOptions = request.phrases ?? DEFAULT_PHRASE_OPTIONS;
    let calibration: Narration['calibration'];
    let calibratedPhrases: Array<{ startMs: number; endMs: number }> | undefined;
    if (request.timing === 'calibrated') {
      const phraseSilenceMs = request.phraseSilenceMs ?? 0;
      const result = await calibrate({
        phrases: phraseRuns(words, phraseOptions),
        synthesizePhrase: (phraseWords) => this.synthesizeWords(phraseWords, request.voice, request.speed),
        totalMs: ms(timeline.totalSamples),
        phraseSilenceMs,
        onPhrase: (done, total) => onProgress?.({ stage: 'calibration', done, total }),
      });
      timedWords = result.words;
      calibratedPhrases = result.phrases;
      calibration = { scalingFactor: result.scalingFactor, phraseSilenceMs };
    }
    const text = request.text;
    const phraseWords = phraseRuns(timedWords, phraseOptions);
    const sentenceWords = splitAtBreaks(timedWords, 'sentence');
    const sectionWords = sectionRuns(timedWords);
    // The seed times a phrase by its whole stretched audio, not by its words.
    const phrases = phraseWords.map((run, index) => ({ ...spanOfWords(text, run), ...calibratedPhrases?.[index] }));
    const cues = buildCues(text, phrases, timedWords, request.cueRules ?? DEFAULT_CUE_RULES);
    const indices = wordIndices(timedWords, { sentences: sentenceWords, phrases: phraseWords, sections: sectionWords }, cues);
    return {
      track: layOutTrack(store, { sampleRate: SAMPLE_RATE, offsets: timeline.chunkOffsets, totalSamples: timeline.totalSamples }),
      narration: {
        version: NARRATION_VERSION,
        text,
        language: resolveLanguage(request.language).code,
        locale: spokenLocaleFor(resolveLanguage(request.language).code, request.locale),
        voice: request.voice,
        speed: request.speed,
        timing: request.timing,
        audio: { sampleRate: SAMPLE_RATE, durationMs: ms(timeline.totalSamples) },
        words: timedWords.map((word, index) => ({
          ...spanOfWords(text, [word], false),
          frameStartMs: ms(timeline.words[index]!.startSample),
          frameEndMs: ms(timeline.words[index]!.endSample),
          ...indices[index]!,
        })),
        phrases,
        sentences: sentenceWords.map((run) => spanOfWords(text, run)),
        sections: sectionSpans(text, sectionWords, request.titled ?? false),
        cues,
        chunks: passes.map(({ chunk }, index) => ({
          startMs: ms(timeline.chunkOffsets[index]!),
          endMs: ms(timeline.chunkEnds[index]!),
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
