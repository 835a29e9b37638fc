// npx tsx bench/linebreak-tokens.ts [-- --text wikipedia|news --tokens ';.:—,…']: which Kokoro token, given where
// a line ends without punctuation, does the voice really pause at? Two real texts, one block per line:
// `wikipedia`, the short blocks (headings, contents entries, captions, list items, at most 60 characters) of
// Readability's Wikipedia test page (test/helpers/page-lines.ts), read by af_heart; `news`, the 41 shortest real
// sentences of test/fixtures/spanish/news-sentences.tsv without their full stop (test/helpers/headline-lines.ts),
// read by ef_dora. The text is narrated once per token, that token given at every line end with no punctuation
// written, and each such boundary instant (halfway from the line's last word to the next line's first) is looked up
// in the energy pauses of the audio (test/helpers/pauses.ts: 10 ms windows, 35 dB under the 90th-percentile
// window, at least 80 ms).
import { parseArgs } from 'node:util';
import '../test/helpers/env.ts';
import { collectSamples } from '../src/audio/track.ts';
import type { PhonemizedWord } from '../src/contract/pipeline.ts';
import { Narrator } from '../src/pipeline/narrator.ts';
import { headlineLines } from '../test/helpers/headline-lines.ts';
import { shortPageLines } from '../test/helpers/page-lines.ts';
import { detectPauses } from '../test/helpers/pauses.ts';

const { values } = parseArgs({ options: { text: { type: 'string', default: 'wikipedia' }, tokens: { type: 'string', default: ';.:—,…' } } });
const [lines, language, voice] =
  values.text === 'news' ? [headlineLines(0, 41), 'es', 'ef_dora'] : [shortPageLines('wikipedia', 60), 'en-us', 'af_heart'];

/** The words after which a line ends with no punctuation written: the ones given the candidate token. */
function lineEnds(text: string, words: readonly PhonemizedWord[]): number[] {
  return words.flatMap((word, index) => {
    const next = words[index + 1];
    return next && /^[^\S\n]*\n\s*$/.test(text.slice(word.charEnd, next.charStart)) ? [index] : [];
  });
}

const narrator = new Narrator({ device: 'cpu' });
const text = lines.join('\n');
const words = await narrator.phonemizeText(text, language);
const ends = lineEnds(text, words);
console.log(`${ends.length} line ends, ${words.length} words`);
console.log('token\tinside a pause >= 80 ms\tn\tmedian pause ms');
for (const token of values.tokens) {
  const given = words.map((word, index) => (ends.includes(index) ? { ...word, punctuationAfter: token } : word));
  const passes = await narrator.synthesizeWords(given, voice, 1);
  const { narration, track } = await narrator.buildNarration({ text, language, voice, speed: 1, timing: 'exact' }, given, passes);
  const pauses = detectPauses(await collectSamples(track), narration.audio.sampleRate);
  const lengths = ends.map((index) => {
    const instant = (narration.words[index]!.endMs + narration.words[index + 1]!.startMs) / 2;
    const pause = pauses.find((candidate) => candidate.startMs <= instant && instant <= candidate.endMs);
    return pause ? pause.endMs - pause.startMs : 0;
  });
  const sorted = [...lengths].sort((a, b) => a - b);
  const inside = lengths.filter((length) => length > 0).length;
  console.log(`${token}\t${((inside / ends.length) * 100).toFixed(0)}%\t${ends.length}\t${sorted[Math.floor(sorted.length / 2)]}`);
}
await narrator.release();
