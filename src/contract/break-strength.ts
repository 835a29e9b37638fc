// What a word's `breakAfter` means, decided once from the text between it and the next word, for every reader of
// it: phonemize hands Kokoro punctuation to match (src/phonemes/phonemize.ts), chunks and phrases are cut at the
// strongest breaks, subtitle cues and the video's pages prefer to cut where the text breaks (cutStrength), and a
// narration.json of version 2, whose words do not carry it, gets it derived the same way. Plain values, no zod:
// phonemizing (a dry run) needs them, not the schema (src/contract/narration.ts builds its enum from them).

/**
 * How strongly the text breaks after a word. 'paragraph' is a blank line in the written text (after a title, a
 * heading, a paragraph); a single line break (a byline, a list item) ends a sentence even without a full stop.
 */
export const BREAK_STRENGTHS = ['none', 'clause', 'sentence', 'paragraph'] as const;
export type BreakStrength = (typeof BREAK_STRENGTHS)[number];

const PARAGRAPH_BREAK = /\n\s*\n/;
const SENTENCE_END = /[.!?…]/;
// Written as well as Kokoro's forms: an en dash folds onto Kokoro's em dash, brackets onto its parentheses.
const CLAUSE_END = /[,;:—–()[\]]/;

/** The break after a word, from the text between it and the next word (`isLast`: there is no next word). */
export function breakStrengthBetween(between: string, isLast: boolean): BreakStrength {
  if (isLast) return 'sentence';
  if (PARAGRAPH_BREAK.test(between)) return 'paragraph';
  if (between.includes('\n')) return 'sentence';
  if (SENTENCE_END.test(between)) return 'sentence';
  return CLAUSE_END.test(between) ? 'clause' : 'none';
}

/** How a subtitle cut after a word reads: after a sentence (or paragraph), after a clause, or between plain words. */
export function cutStrength(breakAfter: BreakStrength): 'sentence' | 'clause' | 'plain' {
  if (breakAfter === 'sentence' || breakAfter === 'paragraph') return 'sentence';
  return breakAfter === 'clause' ? 'clause' : 'plain';
}
