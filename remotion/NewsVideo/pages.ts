// A cue as the pages the screen shows one after another. Landscape shows each cue whole, as the narration laid it
// out (lines up to ~42 characters); a narrow screen would shrink those lines to ~34 px, so there a cue is cut at
// word boundaries into pages of at most two short lines, and the text stays large. Pure: no React.
import { cutStrength } from '../../src/contract/break-strength.ts';
import type { Cue, Narration } from '../../src/contract/narration.ts';
import { cueLines, textParts, type TextLine, type WordRange } from './text-parts.ts';

export interface SubtitlePage {
  /** The words the page shows: it is on screen from the first one's start until the next page's. */
  words: WordRange;
  /** One or two lines. */
  lines: TextLine[];
}

export const lineLength = (line: TextLine): number => line.reduce((chars, part) => chars + part.text.length, 0);

/**
 * What a layout costs; the cheapest wins. Fewer pages first (each stays on screen longer), then cuts where the
 * voice pauses, then lines of similar length. A line holding only one short word ("que", "sí.") costs more than an
 * extra page, so it is left only when no layout avoids it.
 */
const COST = {
  page: 10,
  line: 1,
  /** Per cut, by what ends the text before it: a sentence, a clause, nothing. */
  pageCut: { sentence: 0, clause: 2, plain: 5 },
  lineCut: { sentence: 0, clause: 1, plain: 2 },
  /** A plain cut right after a word of one to three letters ("de", "los", "the"): it leaves the next word's article or preposition hanging. */
  afterShortWord: 8,
  /** A cut between two words with no space between them (a language written without spaces): a last resort. */
  noSpace: 40,
  /** Times the difference of a page's two line lengths, as a share of the line limit. */
  unevenLines: 4,
  shortWordAlone: 30,
};
/** A word this short alone on its line looks stranded. */
const SHORT_WORD_CHARS = 4;
/** A word this short at a line's end is most often an article, preposition or conjunction. */
const FUNCTION_WORD_CHARS = 3;

interface Cut {
  /** The character where the text after the cut starts: after the gap's last space, so «¿ stay with their word. */
  at: number;
  /** What the text does there: the word's own break strength, as the cues read it (cutStrength). */
  kind: 'sentence' | 'clause' | 'plain' | 'noSpace';
  /** The word before the cut is short enough to be an article or preposition. */
  afterShortWord: boolean;
}

/** The cut before word `index` (not the cue's first word). */
function cutBefore(narration: Narration, index: number): Cut {
  const previous = narration.words[index - 1]!;
  const gap = narration.text.slice(previous.charEnd, narration.words[index]!.charStart);
  const afterShortWord = previous.text.length <= FUNCTION_WORD_CHARS;
  let afterSpace = gap.length;
  while (afterSpace > 0 && !/\s/u.test(gap[afterSpace - 1]!)) afterSpace--;
  if (afterSpace === 0) return { at: previous.charEnd + gap.length, kind: 'noSpace', afterShortWord };
  return { at: previous.charEnd + afterSpace, kind: cutStrength(previous.breakAfter), afterShortWord };
}

function cutCost(cut: Cut, costs: Record<'sentence' | 'clause' | 'plain', number>): number {
  if (cut.kind === 'noSpace') return COST.noSpace;
  return costs[cut.kind] + (cut.kind === 'plain' && cut.afterShortWord ? COST.afterShortWord : 0);
}

/**
 * The pages of a cue whose words are `words`. With `maxLineChars` null, one page with the cue's own lines;
 * otherwise pages of one or two lines of at most `maxLineChars` characters each (a single longer word gets a
 * line of its own), chosen by dynamic programming over the cut points so the whole cue is laid out at least cost.
 */
export function cuePages(narration: Narration, cue: Cue, words: WordRange, maxLineChars: number | null): SubtitlePage[] {
  if (maxLineChars === null) return [{ words, lines: cueLines(narration, cue, words) }];
  // screenAt asks for every frame, and a long cue's layout takes about a millisecond: remember it per narration.
  const remembered = pagesMadeFor(narration);
  const key = `${words.first}-${words.last}/${maxLineChars}`;
  const known = remembered.get(key);
  if (known) return known;
  const pages = cutIntoPages(narration, cue, words, maxLineChars);
  remembered.set(key, pages);
  return pages;
}

const pagesMade = new WeakMap<Narration, Map<string, SubtitlePage[]>>();
function pagesMadeFor(narration: Narration): Map<string, SubtitlePage[]> {
  const made = pagesMade.get(narration) ?? new Map<string, SubtitlePage[]>();
  pagesMade.set(narration, made);
  return made;
}

function cutIntoPages(narration: Narration, cue: Cue, words: WordRange, maxLineChars: number): SubtitlePage[] {
  const cuts = new Map<number, Cut>();
  const cut = (index: number): Cut => cuts.get(index) ?? cuts.set(index, cutBefore(narration, index)).get(index)!;
  const lines = new Map<string, TextLine>();
  const line = (first: number, last: number): TextLine => {
    const key = `${first}-${last}`;
    const cached = lines.get(key);
    if (cached) return cached;
    const start = first === words.first ? cue.charStart : cut(first).at;
    const end = last === words.last ? cue.charEnd : cut(last + 1).at;
    const made = textParts(narration, start, end, { first, last });
    lines.set(key, made);
    return made;
  };
  const fits = (first: number, last: number): boolean => first === last || lineLength(line(first, last)) <= maxLineChars;
  const stranded = (first: number, last: number): number =>
    first === last && narration.words[first]!.text.length <= SHORT_WORD_CHARS ? COST.shortWordAlone : 0;

  /** The cheapest one- or two-line layout of words first..last on one page; null when they need three lines. */
  const pageLayout = (first: number, last: number): { cost: number; secondLine: number | null } | null => {
    if (fits(first, last)) return { cost: COST.line + stranded(first, last), secondLine: null };
    let best: { cost: number; secondLine: number | null } | null = null;
    for (let second = first + 1; second <= last; second++) {
      if (!fits(first, second - 1) || !fits(second, last)) continue;
      const uneven = Math.abs(lineLength(line(first, second - 1)) - lineLength(line(second, last))) / maxLineChars;
      const cost =
        2 * COST.line + cutCost(cut(second), COST.lineCut) + COST.unevenLines * uneven + stranded(first, second - 1) + stranded(second, last);
      if (!best || cost < best.cost) best = { cost, secondLine: second };
    }
    return best;
  };

  // cheapest[i]: the least cost of laying out the words from i to the cue's end; a single word always fits a page.
  const cheapest: { cost: number; pageEnd: number; secondLine: number | null }[] = [];
  cheapest[words.last + 1] = { cost: 0, pageEnd: words.last, secondLine: null };
  for (let first = words.last; first >= words.first; first--) {
    let best: { cost: number; pageEnd: number; secondLine: number | null } | null = null;
    for (let last = first; last <= words.last; last++) {
      const layout = pageLayout(first, last);
      if (!layout) break; // more words only need more lines
      const cutAfter = last === words.last ? 0 : cutCost(cut(last + 1), COST.pageCut);
      const cost = COST.page + layout.cost + cutAfter + cheapest[last + 1]!.cost;
      if (!best || cost < best.cost) best = { cost, pageEnd: last, secondLine: layout.secondLine };
    }
    cheapest[first] = best!;
  }

  const pages: SubtitlePage[] = [];
  for (let first = words.first; first <= words.last; first = cheapest[first]!.pageEnd + 1) {
    const { pageEnd, secondLine } = cheapest[first]!;
    pages.push({
      words: { first, last: pageEnd },
      lines: secondLine === null ? [line(first, pageEnd)] : [line(first, secondLine - 1), line(secondLine, pageEnd)],
    });
  }
  return pages;
}

/** Each cue's word range, in cue order (a cue without words has none to show). */
function cueWordRanges(narration: Narration): Map<number, WordRange> {
  const ranges = new Map<number, WordRange>();
  narration.words.forEach((word, index) => {
    const range = ranges.get(word.cue);
    if (range) range.last = index;
    else ranges.set(word.cue, { first: index, last: index });
  });
  return ranges;
}

/** The longest line, in characters, of any page of the narration: the subtitle size is chosen so it fits. */
export function longestPageLine(narration: Narration, maxLineChars: number | null): number {
  let longest = 0;
  for (const [cueIndex, words] of cueWordRanges(narration)) {
    for (const page of cuePages(narration, narration.cues[cueIndex]!, words, maxLineChars)) {
      for (const pageLine of page.lines) longest = Math.max(longest, lineLength(pageLine));
    }
  }
  return longest;
}
