// Where a line of text reads well when cut: after punctuation; else before a conjunction or preposition;
// never after an article or determiner, which belongs with its noun. Spanish first, then the other Kokoro
// languages' commonest words.
import { type BreakStrength, cutStrength } from '../contract/break-strength.ts';

const GOOD_STARTS = new Set(
  (
    'y e o u ni pero que porque aunque sino pues como cuando donde si a ante bajo con contra de del desde durante en entre ' +
    'hacia hasta mediante para por según sin sobre tras al and or but because that which of in on at to for with from by ' +
    'et ou mais donc que qui dans sur pour avec sans par de des du e ma che di da con per tra fra em para com sem por'
  ).split(' '),
);
const NEVER_ENDS = new Set(
  (
    'el la los las un una unos unas lo al del su sus mi mis tu tus este esta estos estas ese esa esos esas aquel aquella ' +
    'nuestro nuestra cada otro otra y e o u ni que se me te nos the a an this that these those my your his her its our their and or ' +
    'le la les un une des ce cette il lo gli i uno o os as um uma'
  ).split(' '),
);

export interface CutWord {
  text: string;
  breakAfter: BreakStrength;
}

/** How bad a cut between `before` and `after` reads: 0 after a sentence, more elsewhere, most after an article. */
export function cutPenalty(before: CutWord, after: CutWord): number {
  const nextWord = after.text.toLowerCase();
  const strength = cutStrength(before.breakAfter);
  let penalty = strength === 'sentence' ? 0 : strength === 'clause' ? 5 : GOOD_STARTS.has(nextWord) ? 20 : 40;
  if (NEVER_ENDS.has(before.text.toLowerCase())) penalty += 500;
  return penalty;
}

/** Among cuts that read equally well, even pieces: the sum of squared sizes is least when they are equal. */
export function evenness(share: number): number {
  return 40 * share * share;
}
