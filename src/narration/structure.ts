// Where each word sits in the narration's structure (its sentence, phrase, cue and section), so a reader such
// as the video finds them by index instead of searching text, and the sections (title, paragraphs) as spans.
import type { Cue, Section, TimedSpan } from '../contract/narration.ts';
import type { BreakStrength } from '../contract/pipeline.ts';
import { splitAtBreaks } from '../text/packing.ts';
import { spanOfWords, type TimedWordLike } from './spans.ts';

interface StructuredWord extends TimedWordLike {
  breakAfter: BreakStrength;
}

/** For runs that cover a list in order, the index of the run holding each item. */
export function runIndexOfEach(runs: readonly (readonly unknown[])[]): number[] {
  return runs.flatMap((run, index) => run.map(() => index));
}

/** For each word, the index of the span (ordered, not overlapping) whose characters contain the word's start. */
export function containingSpanIndex(words: readonly TimedWordLike[], spans: ReadonlyArray<Pick<Cue, 'charStart' | 'charEnd'>>): number[] {
  let spanIndex = 0;
  return words.map((word) => {
    while (spanIndex < spans.length && spans[spanIndex]!.charEnd <= word.charStart) spanIndex++;
    const span = spans[spanIndex];
    if (!span || span.charStart > word.charStart) throw new Error(`no span holds the word at character ${word.charStart}`);
    return spanIndex;
  });
}

/** The words of the title (the first paragraph, when the narration has one) and of each paragraph. */
export function sectionRuns<T extends StructuredWord>(words: readonly T[]): T[][] {
  return splitAtBreaks(words, 'paragraph');
}

export function sectionSpans(text: string, runs: readonly (readonly TimedWordLike[])[], titled: boolean): Array<Omit<Section, 'media'>> {
  return runs.map((run, index) => ({ ...spanOfWords(text, run), kind: titled && index === 0 ? 'title' : 'paragraph' }));
}

export interface WordIndices {
  sentence: number;
  phrase: number;
  cue: number;
  section: number;
}

/** Each word's sentence, phrase, cue and section, given the runs and spans built from the same words. */
export function wordIndices(
  words: readonly StructuredWord[],
  runs: { sentences: readonly (readonly unknown[])[]; phrases: readonly (readonly unknown[])[]; sections: readonly (readonly unknown[])[] },
  cues: ReadonlyArray<Pick<TimedSpan, 'charStart' | 'charEnd'>>,
): WordIndices[] {
  const sentence = runIndexOfEach(runs.sentences);
  const phrase = runIndexOfEach(runs.phrases);
  const section = runIndexOfEach(runs.sections);
  const cue = containingSpanIndex(words, cues);
  return words.map((_, index) => ({ sentence: sentence[index]!, phrase: phrase[index]!, cue: cue[index]!, section: section[index]! }));
}
