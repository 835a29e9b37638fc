// Text -> words with Kokoro tokens. eSpeak says which phonemes each word gets, except where the spoken text
// gives them or has another language's eSpeak voice read them (lexicon entries); the text between words gives the punctuation Kokoro should hear; the spoken-text
// map gives each word back its written span.
import { type BreakStrength, breakStrengthBetween } from '../contract/break-strength.ts';
import type { PhonemizedText, PhonemizedWord } from '../contract/pipeline.ts';
import { UserError } from '../errors.ts';
import type { FixedPhonemes, SpokenText } from '../text/spoken-text.ts';
import { espeakWords, type EspeakWord } from './espeak.ts';
import { kokoroPhoneme, kokoroPunctuation, tokenIdsOf } from './kokoro-vocab.ts';
import { type KokoroLanguage, resolveLanguage } from './languages.ts';

interface SpokenWord {
  start: number;
  end: number;
  phonemes: string[];
}

const EDGE_PUNCTUATION = /^[.,;:!?¡¿"“”«»()[\]{}—–…'‘’*-]+|[.,;:!?¡¿"“”«»()[\]{}—–…'‘’*-]+$/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?…]/;
// What Kokoro reliably pauses at where a line ends (bench/linebreak-tokens.ts): a sentence end or a colon.
const LINE_END_PAUSE = /[.!?…:]/;

export async function phonemize(text: SpokenText, language: KokoroLanguage): Promise<PhonemizedText> {
  const espeak = await espeakWords(text.spoken, language.espeakVoice);
  const spokenWords = attachPhonemes(text, espeak, await givenPhonemes(text));
  if (spokenWords.length === 0) {
    throw new UserError('The text has nothing to say: it holds no words, only punctuation, symbols or emoji', 'Give a text with at least one word');
  }
  return { text: text.written, language: language.code, words: toWrittenWords(text, spokenWords) };
}

/**
 * The spans whose phonemes do not come from the narration's eSpeak voice, in order: those given, and those read by
 * the eSpeak voice of another Kokoro language (English names in a Spanish narration).
 */
async function givenPhonemes(text: SpokenText): Promise<FixedPhonemes[]> {
  if (text.foreignSpans.length === 0) return [...text.fixedPhonemes];
  const foreign: FixedPhonemes[] = [];
  for (const { spokenStart, spokenEnd, language } of text.foreignSpans) {
    const words = await espeakWords(text.spoken.slice(spokenStart, spokenEnd), resolveLanguage(language).espeakVoice);
    const phonemes = words.map((word) => word.phonemes.map(kokoroPhoneme).join('')).filter((symbols) => symbols !== '');
    foreign.push({ spokenStart, spokenEnd, phonemes: phonemes.join(' ') });
  }
  return [...text.fixedPhonemes, ...foreign].sort((a, b) => a.spokenStart - b.spokenStart);
}

/** Each whitespace-separated word of the text with the phonemes of the eSpeak words that start inside it. */
function attachPhonemes(text: SpokenText, espeak: EspeakWord[], fixed: readonly FixedPhonemes[]): SpokenWord[] {
  const { spoken } = text;
  const utf16IndexOfCodePoint = codePointToUtf16Index(spoken);
  const tokens: SpokenWord[] = [];
  for (const match of spoken.matchAll(/\S+/gu)) {
    const core = match[0].replace(EDGE_PUNCTUATION, '');
    if (core === '') continue;
    const start = match.index + match[0].indexOf(core);
    tokens.push({ start, end: start + core.length, phonemes: [] });
  }
  let tokenIndex = 0;
  for (const word of espeak) {
    const position = utf16IndexOfCodePoint[word.codePointStart] ?? spoken.length;
    // A position between words belongs to the next word (eSpeak may point at its opening punctuation);
    // positions only move forward, except inside numbers, where they may point back within the same word.
    while (tokenIndex < tokens.length - 1 && tokens[tokenIndex]!.end <= position) tokenIndex++;
    const symbols = word.phonemes.map(kokoroPhoneme).join('');
    if (symbols !== '') tokens[tokenIndex]?.phonemes.push(symbols);
  }
  return mergeSilentTokens(withFixedPhonemes(tokens, fixed), spoken);
}

/** The words of a span said with given phonemes become one word with those phonemes, whatever eSpeak read there. */
function withFixedPhonemes(tokens: SpokenWord[], fixed: readonly FixedPhonemes[]): SpokenWord[] {
  if (fixed.length === 0) return tokens;
  const words: SpokenWord[] = [];
  let next = 0;
  let merging: FixedPhonemes | undefined;
  for (const token of tokens) {
    while (next < fixed.length && fixed[next]!.spokenEnd <= token.start) next++;
    const span = fixed[next];
    if (span === undefined || token.end <= span.spokenStart) words.push(token);
    else if (merging === span) words.at(-1)!.end = token.end;
    else words.push({ start: token.start, end: token.end, phonemes: [span.phonemes] });
    merging = span !== undefined && token.end > span.spokenStart ? span : undefined;
  }
  return words;
}

/**
 * eSpeak sometimes says two written words as one group (clitics, numbers): the second gets no phonemes of
 * its own and joins its neighbour. Tokens with no letter or digit and no phonemes (emoji) are not spoken.
 */
function mergeSilentTokens(tokens: SpokenWord[], spoken: string): SpokenWord[] {
  const words: SpokenWord[] = [];
  let orphan: SpokenWord | undefined;
  for (const token of tokens) {
    if (token.phonemes.length === 0) {
      if (!HAS_LETTER_OR_DIGIT.test(spoken.slice(token.start, token.end))) continue;
      const previous = words.at(-1);
      if (previous) previous.end = token.end;
      else orphan ??= token;
      continue;
    }
    if (orphan) {
      token.start = orphan.start;
      orphan = undefined;
    }
    words.push(token);
  }
  return words;
}

function toWrittenWords(text: SpokenText, spokenWords: SpokenWord[]): PhonemizedWord[] {
  const words: PhonemizedWord[] = [];
  spokenWords.forEach((spokenWord, index) => {
    const [charStart, charEnd] = text.writtenSpan(spokenWord.start, spokenWord.end);
    const next = spokenWords[index + 1];
    const between = text.spoken.slice(spokenWord.end, next?.start ?? text.spoken.length);
    const phonemes = spokenWord.phonemes.join(' ');
    const previous = words.at(-1);
    if (previous && charStart < previous.charEnd) {
      // Several spoken words say one written word ("1.250.000" -> "un millón doscientos...").
      previous.charEnd = Math.max(previous.charEnd, charEnd);
      previous.text = text.written.slice(previous.charStart, previous.charEnd);
      previous.phonemes += ` ${phonemes}`;
      previous.tokenIds = tokenIdsOf(previous.phonemes);
      Object.assign(previous, punctuationAfter(between, next === undefined));
      return;
    }
    words.push({
      text: text.written.slice(charStart, charEnd),
      charStart,
      charEnd,
      phonemes,
      tokenIds: tokenIdsOf(phonemes),
      ...punctuationAfter(between, next === undefined),
    });
  });
  return words;
}

/**
 * The Kokoro punctuation after a word and how strongly the text breaks there. A line break ends what is being
 * said even without a full stop (a title, a byline, a caption, a list item), so Kokoro is given a pause-bearing token
 * there: a full stop at a blank line (after a title, a heading, a paragraph), a colon at a single line break
 * where the line has no sentence end or colon of its own. On 81 unpunctuated short lines of a real page
 * (bench/linebreak-tokens.ts) the audio paused at 96% of the line ends given a colon, 93% given a full stop and
 * 77% given the semicolon used before. The tokens are only
 * heard: the written text, and so the subtitles and word spans, stay as written.
 */
function punctuationAfter(between: string, isLast: boolean): { punctuationAfter: string; breakAfter: BreakStrength } {
  const breakAfter = breakStrengthBetween(between, isLast);
  let punctuation = kokoroPunctuation(between);
  if ((breakAfter === 'paragraph' || isLast) && !SENTENCE_END.test(punctuation)) punctuation += '.';
  else if (between.includes('\n') && !LINE_END_PAUSE.test(punctuation)) punctuation += ':';
  return { punctuationAfter: punctuation, breakAfter };
}

function codePointToUtf16Index(text: string): number[] {
  const indices: number[] = [];
  let utf16Index = 0;
  for (const char of text) {
    indices.push(utf16Index);
    utf16Index += char.length;
  }
  indices.push(utf16Index);
  return indices;
}
