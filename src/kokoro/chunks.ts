// Long text -> Kokoro passes. Kokoro reads at most 510 phoneme tokens at once, and reads best the longest
// passage it can: whole sentences packed together, cut inside a sentence only at clause punctuation, and
// between plain words only when a clause alone is too long.
import type { KokoroChunk, PhonemizedWord } from '../contract/pipeline.ts';
import { UserError } from '../errors.ts';
import { SPACE, tokenIdsOf } from '../phonemes/kokoro-vocab.ts';
import { packUnder } from '../text/packing.ts';
import { MAX_PHONEME_TOKENS } from '../contract/audio-format.ts';

const OPENING_PUNCTUATION = /[(“]/g;

/** The tokens of consecutive words: word, its closing punctuation, a space, the next word's opening punctuation. */
export function assembleChunk(words: PhonemizedWord[]): KokoroChunk {
  const tokenIds: number[] = [];
  const wordTokenRanges: Array<[number, number]> = [];
  let openingBeforeNext: number[] = [];
  words.forEach((word, index) => {
    tokenIds.push(...openingBeforeNext);
    wordTokenRanges.push([tokenIds.length, tokenIds.length + word.tokenIds.length]);
    tokenIds.push(...word.tokenIds);
    tokenIds.push(...tokenIdsOf(word.punctuationAfter.replace(OPENING_PUNCTUATION, '')));
    openingBeforeNext = tokenIdsOf((word.punctuationAfter.match(OPENING_PUNCTUATION) ?? []).join(''));
    if (index < words.length - 1) tokenIds.push(...tokenIdsOf(SPACE));
  });
  return { words, tokenIds, wordTokenRanges };
}

/** An upper bound of the tokens `words` take in one chunk. */
function tokenCost(words: readonly PhonemizedWord[]): number {
  return words.reduce((sum, word) => sum + word.tokenIds.length + [...word.punctuationAfter].length + 1, 0) - 1;
}

export function chunkWords(words: PhonemizedWord[], maxTokens = MAX_PHONEME_TOKENS): KokoroChunk[] {
  return packUnder(words, tokenCost, maxTokens).map((run) => {
    const chunk = assembleChunk(run);
    if (chunk.tokenIds.length > maxTokens) {
      throw new UserError(`The word "${run[0]!.text.slice(0, 40)}" alone is longer than Kokoro can read in one pass`, 'Break it up');
    }
    return chunk;
  });
}

/**
 * Passes that end where earlier ones did: the words cut at `passEnds` (offsets into the text, the ends of an
 * earlier narration's passes moved by an edit), each run packed on its own. An edit inside one pass then changes
 * that pass alone: greedy packing of the whole text would shift every later boundary when one sentence grows.
 */
export function chunkWordsWithin(words: PhonemizedWord[], passEnds: readonly number[]): KokoroChunk[] {
  const runs: PhonemizedWord[][] = [];
  let passed = 0;
  let runPassed = -1;
  for (const word of words) {
    while (passed < passEnds.length && word.charStart >= passEnds[passed]!) passed++;
    if (passed !== runPassed) {
      runs.push([]);
      runPassed = passed;
    }
    runs.at(-1)!.push(word);
  }
  return runs.flatMap((run) => chunkWords(run));
}
