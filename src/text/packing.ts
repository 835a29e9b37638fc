// Greedy packing of words into runs under a size limit, cutting at the strongest break that works:
// between sentences first, then at clause punctuation, then between any two words.
import type { BreakStrength } from '../contract/pipeline.ts';

export interface Breakable {
  breakAfter: BreakStrength;
}

/** Weakest to strongest. */
const BREAK_ORDER: readonly BreakStrength[] = ['none', 'clause', 'sentence', 'paragraph'];

/** Whether a break is at least as strong as `minimum` (a paragraph end also ends a sentence). */
export function breaksAtLeast(strength: BreakStrength, minimum: BreakStrength): boolean {
  return BREAK_ORDER.indexOf(strength) >= BREAK_ORDER.indexOf(minimum);
}

/** The next weaker break, where a run that is still too long may be cut. */
function finer(strength: BreakStrength): BreakStrength | undefined {
  return BREAK_ORDER[BREAK_ORDER.indexOf(strength) - 1];
}

/** Split after every item whose break is at least `strength`. */
export function splitAtBreaks<T extends Breakable>(items: readonly T[], strength: BreakStrength): T[][] {
  const groups: T[][] = [[]];
  for (const item of items) {
    groups.at(-1)!.push(item);
    if (breaksAtLeast(item.breakAfter, strength)) groups.push([]);
  }
  return groups.filter((group) => group.length > 0);
}

/**
 * Runs of consecutive items, each of size (by `size`) at most `max` where possible. A single item larger than
 * `max` becomes a run of its own: the caller decides whether that is an error.
 */
export function packUnder<T extends Breakable>(
  items: readonly T[],
  size: (run: readonly T[]) => number,
  max: number,
  strength: BreakStrength = 'sentence',
): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  for (const group of splitAtBreaks(items, strength)) {
    if (size([...current, ...group]) <= max) {
      current.push(...group);
      continue;
    }
    if (current.length > 0) runs.push(current);
    current = [];
    const weaker = finer(strength);
    if (size(group) <= max || weaker === undefined) {
      current = [...group];
      continue;
    }
    const pieces = packUnder(group, size, max, weaker);
    runs.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? [];
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * Cut items into the fewest runs that each fit (`fits(run) <= 1`), and among those the cut that reads best:
 * the least total of `cutPenalty` at each cut plus `runPenalty` of each run. Runs are short (a sentence), so
 * this tries every cut.
 */
export function segment<T>(
  items: readonly T[],
  fits: (run: readonly T[]) => number,
  cutPenalty: (before: T, after: T) => number,
  runPenalty: (run: readonly T[]) => number = () => 0,
): T[][] {
  interface Best {
    runs: number;
    penalty: number;
    from: number;
  }
  const best: Array<Best | undefined> = [{ runs: 0, penalty: 0, from: -1 }];
  for (let end = 1; end <= items.length; end++) {
    for (let start = end - 1; start >= 0; start--) {
      const run = items.slice(start, end);
      // A run that does not fit only grows worse as it starts earlier, except for a lone item that must stand.
      if (fits(run) > 1 && end - start > 1) break;
      const previous = best[start];
      if (!previous) continue;
      const penalty = previous.penalty + runPenalty(run) + (start > 0 ? cutPenalty(items[start - 1]!, items[start]!) : 0);
      const current = best[end];
      if (!current || previous.runs + 1 < current.runs || (previous.runs + 1 === current.runs && penalty < current.penalty)) {
        best[end] = { runs: previous.runs + 1, penalty, from: start };
      }
    }
  }
  const runs: T[][] = [];
  for (let end = items.length; end > 0; end = best[end]!.from) runs.unshift(items.slice(best[end]!.from, end));
  return runs;
}
