// A narration held to a target length (--max-seconds): it keeps the title and ends at the last whole sentence
// that fits, at a paragraph end when one is close. What would be cut is not synthesized: the words that can fit
// are estimated from their tokens, synthesis stops once its passes cover the length, and the cut is made on the
// passes' own durations, so it is exact. Pure.
import type { BreakStrength } from '../contract/pipeline.ts';
import { UserError } from '../errors.ts';
import { breaksAtLeast } from '../text/packing.ts';

/**
 * Kokoro's speaking rate at speed 1, measured: 2,309 tokens in 114.8 s over the six passes of three narrations
 * (the sample, bench/texts/medio.txt, corto.txt), 48-54 ms a token per pass.
 */
export const ESTIMATED_MS_PER_TOKEN = 50;
/** Words planned past the estimate: a pass that reads faster than the estimate still reaches the length. */
const PLANNING_MARGIN = 1.25;
/** A paragraph end at least this share of the latest sentence end that fits is the better place to stop. */
const PARAGRAPH_PULL = 0.85;

interface PlannedWord {
  tokenIds: readonly number[];
  breakAfter: BreakStrength;
}

/** How many words to synthesize for `budgetMs`: those the estimate fits with a margin, to the end of their sentence. */
export function plannedWordCount(words: readonly PlannedWord[], budgetMs: number, speed: number): number {
  const msPerToken = ESTIMATED_MS_PER_TOKEN / speed;
  let spentMs = 0;
  let count = 0;
  while (count < words.length && spentMs <= budgetMs * PLANNING_MARGIN) {
    spentMs += (words[count]!.tokenIds.length + 1) * msPerToken;
    count++;
  }
  while (count < words.length && !breaksAtLeast(words[count - 1]!.breakAfter, 'sentence')) count++;
  return count;
}

interface TimedWord {
  breakAfter: BreakStrength;
  endMs: number;
}

/**
 * How many of the synthesized words to keep so the narration lasts at most `budgetMs`: up to the last sentence
 * end within it, or a paragraph end close before that (the text's last word ends a sentence too). The title
 * (the first `titleWords` words) must fit.
 */
export function keptWordCount(words: readonly TimedWord[], budgetMs: number, titleWords: number): number {
  const endsHere = (index: number, strength: BreakStrength) => breaksAtLeast(words[index]!.breakAfter, strength);
  let sentence = -1;
  for (let index = 0; index < words.length && words[index]!.endMs <= budgetMs; index++) if (endsHere(index, 'sentence')) sentence = index;
  if (titleWords > 0 && sentence < titleWords - 1) {
    const titleSeconds = (words[titleWords - 1]!.endMs / 1000).toFixed(1);
    throw new UserError(
      `The title alone reads for ${titleSeconds} s, longer than the ${(budgetMs / 1000).toFixed(1)} s the narration may last`,
      'Raise --max-seconds (the closing card needs its seconds too), or shorten the title',
    );
  }
  if (sentence === -1) {
    throw new UserError(`Not one sentence fits in ${(budgetMs / 1000).toFixed(1)} s`, 'Raise --max-seconds');
  }
  for (let index = sentence; index >= 0 && words[index]!.endMs >= words[sentence]!.endMs * PARAGRAPH_PULL; index--) {
    if (endsHere(index, 'paragraph')) return index + 1;
  }
  return sentence + 1;
}
