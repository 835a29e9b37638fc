// Greedy packing of words into runs under a size limit, cutting at the strongest break that works:
// between sentences first, then at clause punctuation, then between any two words.
import type { BreakStrength } from '../contract/pipeline.ts';

export interface Breakable {
  breakAfter: BreakStrength;
}

const CUTS: Record<BreakStrength, readonly BreakStrength[]> = {
  sentence: ['sentence'],
  clause: ['sentence', 'clause'],
  none: ['sentence', 'clause', 'none'],
};
const FINER: Record<BreakStrength, BreakStrength | undefined> = { sentence: 'clause', clause: 'none', none: undefined };

/** Split after every item whose break is at least `strength`. */
export function splitAtBreaks<T extends Breakable>(items: readonly T[], strength: BreakStrength): T[][] {
  const groups: T[][] = [[]];
  for (const item of items) {
    groups.at(-1)!.push(item);
    if (CUTS[strength].includes(item.breakAfter)) groups.push([]);
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
    const finer = FINER[strength];
    if (size(group) <= max || finer === undefined) {
      current = [...group];
      continue;
    }
    const pieces = packUnder(group, size, max, finer);
    runs.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? [];
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

const STRENGTH_RANK: Record<BreakStrength, number> = { none: 0, clause: 1, sentence: 2 };

/** The weakest break the runs were cut at. */
function weakestCut<T extends Breakable>(runs: readonly T[][]): number {
  return Math.min(...runs.slice(0, -1).map((run) => STRENGTH_RANK[run.at(-1)!.breakAfter]));
}

/**
 * Like packUnder, but with runs of even size: the limit is lowered for as long as the number of runs and the
 * strength of the cuts stay the same, so a sentence cut in two is not cut into a full run and a scrap.
 */
export function packBalanced<T extends Breakable>(
  items: readonly T[],
  size: (run: readonly T[]) => number,
  max: number,
  strength: BreakStrength = 'sentence',
): T[][] {
  let best = packUnder(items, size, max, strength);
  if (best.length <= 1) return best;
  const cutStrength = weakestCut(best);
  for (let limit = max * 0.95; limit > 0; limit *= 0.95) {
    const runs = packUnder(items, size, limit, strength);
    if (runs.length > best.length || weakestCut(runs) < cutStrength || runs.some((run) => size(run) > limit)) break;
    best = runs;
  }
  return best;
}
