// The words as @remotion/captions `Caption[]`, so other Remotion projects can reuse our timings directly:
// every word but the first carries its leading space, which is how createTikTokStyleCaptions() pages them.
import type { Caption } from '@remotion/captions';
import type { TimedSpan } from '../contract/narration.ts';

export function toRemotionCaptions(words: readonly TimedSpan[]): Caption[] {
  return words.map((word, index) => ({
    text: index === 0 ? word.text : ` ${word.text}`,
    startMs: word.startMs,
    endMs: word.endMs,
    timestampMs: (word.startMs + word.endMs) / 2,
    confidence: null,
  }));
}
