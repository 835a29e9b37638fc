// The longest narration allowed (--max-minutes; 15 by default for videos and scheduled jobs), checked before any
// synthesis on estimates that can only undershoot: a text refused here would be refused after its synthesis
// too, which for a spoken form many times its written length (50,000 characters of "1%" say 375,000) took hours.
// The exact check on the synthesized length stays where the audio is made. Pure.
import { UserError } from '../errors.ts';

/** The fastest Kokoro read at speed 1 in the measures of target-length.ts: 48-54 ms a token per pass. */
const MIN_MS_PER_TOKEN = 48;
/**
 * Fewer phoneme tokens than characters of spoken text than any language reads, measured on news text: French 0.87,
 * Italian 1.04, Spanish 1.09-1.14, Portuguese 1.19, English 1.26, Hindi 1.46 (a token between words included).
 */
const MIN_TOKENS_PER_SPOKEN_CHAR = 0.8;

export interface LengthLimit {
  maxMs: number;
  speed: number;
}

function refuse(estimateMs: number, what: string, limit: LengthLimit): never {
  const minutes = (ms: number) => Number((ms / 60_000).toFixed(1)).toLocaleString('en');
  throw new UserError(
    `The narration would last at least ${minutes(estimateMs)} minutes (${what}), over --max-minutes ${minutes(limit.maxMs)}`,
    'Shorten the text, cut it with --max-seconds, raise --max-minutes, or pass --force',
  );
}

/** Before phonemizing: from the length of the spoken form alone. */
export function checkSpokenLength(spokenChars: number, limit: LengthLimit): void {
  const estimateMs = (spokenChars * MIN_TOKENS_PER_SPOKEN_CHAR * MIN_MS_PER_TOKEN) / limit.speed;
  if (estimateMs > limit.maxMs) refuse(estimateMs, `its spoken form has ${spokenChars.toLocaleString('en')} characters`, limit);
}

/** Once phonemized, before synthesis: from the tokens Kokoro will read, one between words. */
export function checkTokenLength(words: readonly { tokenIds: readonly number[] }[], limit: LengthLimit): void {
  const tokens = words.reduce((sum, word) => sum + word.tokenIds.length + 1, 0);
  const estimateMs = (tokens * MIN_MS_PER_TOKEN) / limit.speed;
  if (estimateMs > limit.maxMs) refuse(estimateMs, `${tokens.toLocaleString('en')} phoneme tokens`, limit);
}
