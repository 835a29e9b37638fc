// Phrases as the seed cuts them: one per sentence, a sentence longer than maxChars cut into the fewest pieces
// that fit (where it reads best: at clause punctuation, else before a conjunction), and phrases shorter than
// minChars joined to the next.
import { UserError } from '../errors.ts';
import type { Breakable } from './packing.ts';
import { cutPenalty, evenness } from './cut-points.ts';
import { segment, splitAtBreaks } from './packing.ts';

export interface PhraseOptions {
  minChars: number;
  maxChars: number;
}

export const DEFAULT_PHRASE_OPTIONS: PhraseOptions = { minChars: 25, maxChars: 120 };

interface Spanned extends Breakable {
  text: string;
  charStart: number;
  charEnd: number;
}

function charLength(run: readonly Spanned[]): number {
  return run.length === 0 ? 0 : run.at(-1)!.charEnd - run[0]!.charStart;
}

export function validatePhraseOptions(options: PhraseOptions): void {
  if (
    !Number.isInteger(options.minChars) ||
    !Number.isInteger(options.maxChars) ||
    options.minChars < 0 ||
    options.maxChars < 1 ||
    options.minChars > options.maxChars
  ) {
    throw new UserError(
      `Phrase lengths --min-phrase-chars ${options.minChars} and --max-phrase-chars ${options.maxChars} are not whole numbers with 0 <= min <= max`,
      `Pass, for example, --min-phrase-chars ${DEFAULT_PHRASE_OPTIONS.minChars} --max-phrase-chars ${DEFAULT_PHRASE_OPTIONS.maxChars}`,
    );
  }
}

export function phraseRuns<T extends Spanned>(words: readonly T[], options: PhraseOptions = DEFAULT_PHRASE_OPTIONS): T[][] {
  validatePhraseOptions(options);
  const pieces = splitAtBreaks(words, 'sentence').flatMap((sentence) =>
    charLength(sentence) <= options.maxChars
      ? [sentence]
      : segment(
          sentence,
          (run) => charLength(run) / options.maxChars,
          cutPenalty,
          (run) => evenness(charLength(run) / options.maxChars),
        ),
  );
  const phrases: T[][] = [];
  for (const piece of pieces) {
    const last = phrases.at(-1);
    if (last && charLength(last) < options.minChars && charLength([...last, ...piece]) <= options.maxChars) last.push(...piece);
    else phrases.push([...piece]);
  }
  return phrases;
}
