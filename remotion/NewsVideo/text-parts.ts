// A stretch of the narrated text cut into what the screen draws: the words (each with its index, so one can be
// highlighted) and the spaces and punctuation between them, which are never highlighted. Pure: no React.
import type { Cue, Narration } from '../../src/contract/narration.ts';

export interface TextPart {
  text: string;
  /** Index into `narration.words`; null for the spaces and punctuation between words. */
  word: number | null;
}
export type TextLine = TextPart[];

/** An inclusive range of word indices. */
export interface WordRange {
  first: number;
  last: number;
}

const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ');

/** The words from `first` to `last` and the text around them within [charStart, charEnd), as one line. */
export function textParts(narration: Narration, charStart: number, charEnd: number, words: WordRange): TextLine {
  const parts: TextLine = [];
  let position = charStart;
  for (let index = words.first; index <= words.last; index++) {
    const word = narration.words[index]!;
    if (word.charStart > position) parts.push({ text: collapseSpaces(narration.text.slice(position, word.charStart)), word: null });
    parts.push({ text: word.text, word: index });
    position = word.charEnd;
  }
  if (charEnd > position) parts.push({ text: collapseSpaces(narration.text.slice(position, charEnd)), word: null });
  return trimLine(parts);
}

/** Drop the spaces a line starts or ends with (a line break replaces them). */
function trimLine(parts: TextLine): TextLine {
  const trimmed = parts.map((part, index) => {
    let text = part.text;
    if (index === 0) text = text.trimStart();
    if (index === parts.length - 1) text = text.trimEnd();
    return { ...part, text };
  });
  return trimmed.filter((part) => part.text !== '');
}

/** The indices of the words that carry `key === value`, which are contiguous because words are in text order. */
export function wordRangeAround(narration: Narration, anyIndex: number, key: 'cue' | 'section'): WordRange {
  const words = narration.words;
  const value = words[anyIndex]![key];
  let first = anyIndex;
  let last = anyIndex;
  while (first > 0 && words[first - 1]![key] === value) first--;
  while (last < words.length - 1 && words[last + 1]![key] === value) last++;
  return { first, last };
}

/**
 * A cue as the lines the narration chose for it (at most two). The cue gives each line as a string with spaces
 * collapsed; the second line starts at the word where the first line's text ends.
 */
export function cueLines(narration: Narration, cue: Cue, words: WordRange): TextLine[] {
  if (cue.lines.length < 2 || words.first === words.last) return [textParts(narration, cue.charStart, cue.charEnd, words)];
  const firstLine = cue.lines[0]!;
  const lengthBefore = (index: number) => collapseSpaces(narration.text.slice(cue.charStart, narration.words[index]!.charStart)).trim().length;
  let secondStart = words.first + 1;
  for (let index = words.first + 1; index <= words.last; index++) {
    // The exact match wins; otherwise (a cue written by another tool) the closest cut keeps the lines near their sizes.
    if (Math.abs(lengthBefore(index) - firstLine.length) < Math.abs(lengthBefore(secondStart) - firstLine.length)) secondStart = index;
  }
  const cut = narration.words[secondStart]!.charStart;
  return [
    textParts(narration, cue.charStart, cut, { first: words.first, last: secondStart - 1 }),
    textParts(narration, cut, cue.charEnd, { first: secondStart, last: words.last }),
  ];
}
