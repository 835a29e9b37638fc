// YouTube chapters from the narration's sections. YouTube shows chapters only when the first starts at 0:00,
// there are at least three, and each lasts at least ten seconds; sections too short to stand alone join the
// chapter before them, and a video whose sections cannot make three such chapters gets none.
import type { Chapter } from '../contract/publish.ts';

export const MIN_CHAPTERS = 3;
export const MIN_CHAPTER_MS = 10_000;
/** Long enough to say what the chapter is about, short enough for a player's chapter bar. */
const MAX_TITLE_CHARS = 60;

export interface ChapterSection {
  text: string;
  startMs: number;
}

/** m:ss, or h:mm:ss from an hour on, as YouTube reads timestamps in a description. */
export function chapterTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** The section's opening words, cut at a word before MAX_TITLE_CHARS, one line. */
export function chapterTitle(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_TITLE_CHARS) return line;
  const cut = line.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
  return `${line.slice(0, cut > 0 ? cut : MAX_TITLE_CHARS - 1).replace(/[\s,;:.—–-]+$/u, '')}…`;
}

/** Chapters over a video of `videoMs`, from its sections in order (the first is moved to 0:00). */
export function chaptersOf(sections: readonly ChapterSection[], videoMs: number): Chapter[] {
  const starts: ChapterSection[] = [];
  for (const section of sections) {
    const startMs = starts.length === 0 ? 0 : section.startMs;
    const previous = starts.at(-1);
    if (!previous || startMs - previous.startMs >= MIN_CHAPTER_MS) starts.push({ text: section.text, startMs });
  }
  // The last chapter runs to the end of the video: too short, it joins the one before.
  if (starts.length > 1 && videoMs - starts.at(-1)!.startMs < MIN_CHAPTER_MS) starts.pop();
  if (starts.length < MIN_CHAPTERS) return [];
  return starts.map(({ text, startMs }) => ({ startMs, timestamp: chapterTimestamp(startMs), title: chapterTitle(text) }));
}
