import type { BreakStrength, PhonemizedWord } from '../../src/contract/pipeline.ts';
import { tokenIdsOf } from '../../src/phonemes/kokoro-vocab.ts';

/** Words of `text` split on spaces, each with `tokensPerWord` phoneme tokens; breaks read from punctuation. */
export function syntheticWords(text: string, tokensPerWord = 3): PhonemizedWord[] {
  return [...text.matchAll(/\S+/g)].map((match) => {
    const core = match[0].replace(/[.,;:!?]+$/, '');
    const punctuation = match[0].slice(core.length);
    const breakAfter: BreakStrength = /[.!?]/.test(punctuation) ? 'sentence' : /[,;:]/.test(punctuation) ? 'clause' : 'none';
    const phonemes = 'a'.repeat(tokensPerWord);
    return {
      text: core,
      charStart: match.index,
      charEnd: match.index + core.length,
      phonemes,
      tokenIds: tokenIdsOf(phonemes),
      punctuationAfter: punctuation,
      breakAfter,
    };
  });
}
