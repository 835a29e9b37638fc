// In-memory shapes passed between stages: text -> phonemized words -> Kokoro chunks -> synthesized chunks ->
// a narration and its audio track. They never reach disk as they are; what reaches disk is in narration.ts.
import type { Narration, Section } from './narration.ts';

import type { BreakStrength } from './break-strength.ts';

export type { BreakStrength } from './break-strength.ts';

/** A word of the written text with the Kokoro tokens that say it. */
export interface PhonemizedWord {
  /** Written text of the word (what subtitles show), e.g. "1.250.000". */
  text: string;
  charStart: number;
  charEnd: number;
  /** Kokoro symbols for the word; may hold inner spaces when one written word is spoken as several. */
  phonemes: string;
  tokenIds: number[];
  /** Kokoro punctuation symbols that follow the word in the text (kept so the model phrases naturally). */
  punctuationAfter: string;
  breakAfter: BreakStrength;
}

export interface PhonemizedText {
  /** The written text the word spans index into. */
  text: string;
  language: string;
  words: PhonemizedWord[];
}

/** One Kokoro pass: consecutive words whose tokens fit the context. */
export interface KokoroChunk {
  words: PhonemizedWord[];
  /** Token ids without the two pads. */
  tokenIds: number[];
  /** Per word, [start, end) into tokenIds of the phoneme tokens that say it. */
  wordTokenRanges: Array<[number, number]>;
}

/** What one pass produced: audio and the frame count of every input token, pads included. */
export interface SynthesizedChunk {
  chunk: KokoroChunk;
  samples: Float32Array;
  durations: number[];
}

/** What timing needs of a pass: its words and frame counts, not its samples (which may be on disk by then). */
export type PassFrames = Omit<SynthesizedChunk, 'samples'>;

/** The narration's audio, read in order one block at a time, so no encoder needs it whole in memory. */
export interface NarrationTrack {
  readonly sampleRate: number;
  readonly totalSamples: number;
  /** Every sample in order: the silence before each pass, then the pass. */
  blocks(): AsyncGenerator<Float32Array>;
  /** Frees what holds the passes (a temporary file); the track cannot be read afterwards. */
  release(): Promise<void>;
}

/** What synthesis decides; the writer adds the file names, the article, its pictures and the run record. */
export type SynthesizedNarration = Omit<Narration, 'audio' | 'files' | 'article' | 'run' | 'media' | 'sections'> & {
  audio: { sampleRate: number; durationMs: number };
  sections: Array<Omit<Section, 'media'>>;
};

export interface NarrationAudio {
  narration: SynthesizedNarration;
  /** The audio, read block by block; released by whoever writes it. */
  track: NarrationTrack;
}

/** Which of the page's pictures a video shows: the lead image and the body's, the lead image alone, or none. */
export const MEDIA_CHOICES = ['article', 'lead', 'none'] as const;
export type MediaChoice = (typeof MEDIA_CHOICES)[number];

/** A picture the user named (--media): a file path or an http(s) URL, pinned to a section or spread. */
export interface UserPicture {
  source: string;
  section: number | null;
}
