// What the video shows at a frame, as plain data: the components draw it, the renderer picks the thumbnail and
// test frames with it, and the render-speed work groups frames whose picture is identical by `screenKey`.
// Pure (no React, no remotion), so it runs in Node tests and in the renderer as well as in the browser.
//
// Every boundary is a frame: a time in milliseconds becomes the first frame at or after it (`firstFrameAt`), and
// every decision compares frames with frames, so the components and the renderer never disagree by rounding.
import type { Narration } from '../../src/contract/narration.ts';
import { cuePages } from './pages.ts';
import { textParts, wordRangeAround, type TextLine } from './text-parts.ts';

export interface ScreenLayout {
  /** Seconds the closing card stays after the narration's audio ends. */
  closingSeconds: number;
  /** Seconds a card's content takes to fade in when it replaces another card. */
  fadeSeconds: number;
  /** The most characters a subtitle line holds (cues are cut into pages to keep to it); null: each cue whole. */
  maxLineChars: number | null;
  /** Off holds the pictures still (no push-in or pan, media-motion.ts). */
  motion: boolean;
}
export const DEFAULT_LAYOUT: ScreenLayout = { closingSeconds: 4, fadeSeconds: 0.4, maxLineChars: null, motion: true };

/** The discrete part of the picture: it changes only at word, page and card boundaries. */
export type ScreenState =
  | { card: 'title'; title: TextLine; litWord: number | null }
  | { card: 'subtitles'; cue: number | null; page: number | null; lines: TextLine[]; litWord: number | null }
  | { card: 'closing' };

/** The continuous part: each value in [0, 1]. */
export interface ScreenMotion {
  /** How far the current card's content has faded in (1 when still). */
  fade: number;
  /** How much of the narration has been heard. */
  progress: number;
}

export interface Screen {
  state: ScreenState;
  motion: ScreenMotion;
}

/** The first frame whose start is at or after `ms` (the epsilon absorbs float error in ms × fps). */
export function firstFrameAt(ms: number, fps: number): number {
  return Math.max(0, Math.ceil((ms * fps) / 1000 - 1e-6));
}

/** The whole video: the narration's audio, then the closing card. */
export function videoFrames(narration: Narration, fps: number, layout: ScreenLayout): number {
  return closingStartFrame(narration, fps) + Math.max(1, Math.round(layout.closingSeconds * fps));
}

function closingStartFrame(narration: Narration, fps: number): number {
  return firstFrameAt(narration.audio.durationMs, fps);
}

function titleSectionIndex(narration: Narration): number | null {
  const index = narration.sections.findIndex((section) => section.kind === 'title');
  return index === -1 ? null : index;
}

/** Frames [0, end) show the title card; null when the narration has no title. */
export function titleCardEndFrame(narration: Narration, fps: number): number | null {
  const title = titleSectionIndex(narration);
  if (title === null) return null;
  const firstBodyWord = narration.words.find((word) => word.section !== title);
  const end = Math.min(firstFrameAt(firstBodyWord?.startMs ?? narration.audio.durationMs, fps), closingStartFrame(narration, fps));
  return end > 0 ? end : null;
}

function titleLine(narration: Narration): TextLine {
  const section = titleSectionIndex(narration)!;
  const title = narration.sections[section]!;
  const firstWord = narration.words.findIndex((word) => word.section === section);
  if (firstWord === -1) return [{ text: title.text, word: null }];
  return textParts(narration, title.charStart, title.charEnd, wordRangeAround(narration, firstWord, 'section'));
}

/** The word lit at `frame`: the last one started, so a word stays lit through the gap until the next starts. */
function litWordAt(narration: Narration, frame: number, fps: number): number | null {
  const words = narration.words;
  let low = 0;
  let high = words.length; // the answer is the count of started words, minus one
  while (low < high) {
    const middle = (low + high) >> 1;
    if (firstFrameAt(words[middle]!.startMs, fps) <= frame) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? null : low - 1;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

export function screenAt(frame: number, fps: number, narration: Narration, layout: ScreenLayout): Screen {
  const titleEnd = titleCardEndFrame(narration, fps);
  const closingStart = closingStartFrame(narration, fps);
  const fadeFrames = Math.max(1, layout.fadeSeconds * fps);
  const progress = clamp01(frame / Math.max(1, closingStart));
  // The first card of the video is on screen from frame 0, with nothing to fade in from.
  const fadeSince = (cardStart: number): number => (cardStart === 0 ? 1 : clamp01((frame - cardStart + 1) / fadeFrames));

  if (frame >= closingStart) {
    return { state: { card: 'closing' }, motion: { fade: fadeSince(closingStart), progress } };
  }
  const lit = litWordAt(narration, frame, fps);
  if (titleEnd !== null && frame < titleEnd) {
    return { state: { card: 'title', title: titleLine(narration), litWord: lit }, motion: { fade: 1, progress } };
  }
  const fade = fadeSince(titleEnd ?? 0);
  if (lit === null) return { state: { card: 'subtitles', cue: null, page: null, lines: [], litWord: null }, motion: { fade, progress } };
  const cueIndex = narration.words[lit]!.cue;
  const pages = cuePages(narration, narration.cues[cueIndex]!, wordRangeAround(narration, lit, 'cue'), layout.maxLineChars);
  // The lit word is the last one started, so a page shows from its first word's start until the next page's.
  const page = pages.findIndex(({ words }) => words.first <= lit && lit <= words.last);
  return { state: { card: 'subtitles', cue: cueIndex, page, lines: pages[page]!.lines, litWord: lit }, motion: { fade, progress } };
}

/** Equal keys, equal discrete picture (within one narration and one set of props). */
export function screenKey(state: ScreenState): string {
  switch (state.card) {
    case 'title':
      return `title/${state.litWord ?? '-'}`;
    case 'subtitles':
      return `subtitles/${state.cue ?? '-'}/${state.page ?? '-'}/${state.litWord ?? '-'}`;
    case 'closing':
      return 'closing';
  }
}

/** The frames during which a word is lit: from its start until the next word starts (or the closing card). */
function litFrames(narration: Narration, wordIndex: number, fps: number): { first: number; last: number } {
  const word = narration.words[wordIndex];
  if (!word) throw new RangeError(`The narration has no word ${wordIndex} (it has ${narration.words.length})`);
  const next = narration.words[wordIndex + 1];
  const end = Math.min(next ? firstFrameAt(next.startMs, fps) : Number.POSITIVE_INFINITY, closingStartFrame(narration, fps));
  return { first: firstFrameAt(word.startMs, fps), last: end - 1 };
}

/** The lit frame nearest the middle of a word's own audio: where a still shows that word highlighted. */
export function wordMidpointFrame(narration: Narration, wordIndex: number, fps: number): number {
  const { first, last } = litFrames(narration, wordIndex, fps);
  const word = narration.words[wordIndex]!;
  if (last < first) throw new RangeError(`Word ${wordIndex} ("${word.text}") is never lit at ${fps} fps: the next word starts in the same frame`);
  const middle = Math.round((((word.startMs + word.endMs) / 2) * fps) / 1000);
  return Math.min(last, Math.max(first, middle));
}

/** A frame for `thumbnail.jpg`: the title card at its first frame, else the first subtitle page with its first word lit. */
export function thumbnailFrame(narration: Narration, fps: number): number {
  if (titleCardEndFrame(narration, fps) !== null || narration.words.length === 0) return 0;
  return wordMidpointFrame(narration, 0, fps);
}
