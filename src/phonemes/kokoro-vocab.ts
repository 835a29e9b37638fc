// Kokoro-82M v1.0's phoneme vocabulary (config.json `vocab`, Apache-2.0) and the mapping of eSpeak IPA onto it.
import vocabJson from './kokoro-vocab.json' with { type: 'json' };

const VOCAB: Readonly<Record<string, number>> = vocabJson;

export const PAD_TOKEN_ID = 0;
export const SPACE = ' ';

// misaki's espeak post-processing: eSpeak writes these diphthongs and affricates as two letters joined by a
// tie; Kokoro was trained on one symbol for each. eSpeak's phoneme events give them without the tie.
const JOINED_PHONEMES: ReadonlyMap<string, string> = new Map([
  ['aɪ', 'I'],
  ['aʊ', 'W'],
  ['dz', 'ʣ'],
  ['dʒ', 'ʤ'],
  ['eɪ', 'A'],
  ['oʊ', 'O'],
  ['əʊ', 'Q'],
  ['ss', 'S'],
  ['ts', 'ʦ'],
  ['tʃ', 'ʧ'],
  ['ɔɪ', 'Y'],
]);

const STRESS_MARKS = /^[ˈˌ]+/;

/** One eSpeak phoneme (stress marks included) as Kokoro symbols; symbols Kokoro lacks are dropped. */
export function kokoroPhoneme(espeakPhoneme: string): string {
  const stress = STRESS_MARKS.exec(espeakPhoneme)?.[0] ?? '';
  const body = espeakPhoneme.slice(stress.length).replaceAll('^', '').replaceAll('-', '');
  return keepKnownSymbols(stress + (JOINED_PHONEMES.get(body) ?? body));
}

export function keepKnownSymbols(symbols: string): string {
  let kept = '';
  for (const symbol of symbols) if (symbol in VOCAB) kept += symbol;
  return kept;
}

/** The symbols of `symbols` that Kokoro has no token for, each once, in order. */
export function unknownSymbols(symbols: string): string[] {
  return [...new Set([...symbols].filter((symbol) => !(symbol in VOCAB)))];
}

const SYMBOL_OF_ID: ReadonlyMap<number, string> = new Map(Object.entries(VOCAB).map(([symbol, id]) => [id, symbol]));

/** Token ids back to the symbols Kokoro is given (for the dry run). */
export function symbolsOf(tokenIds: readonly number[]): string {
  return tokenIds.map((id) => SYMBOL_OF_ID.get(id) ?? '').join('');
}

export function tokenIdsOf(symbols: string): number[] {
  const ids: number[] = [];
  for (const symbol of symbols) {
    const id = VOCAB[symbol];
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

// Written punctuation as Kokoro punctuation tokens. Inverted Spanish marks have no token (the closing mark
// carries the intonation); quotes and dashes fold onto the symbols Kokoro knows.
const PUNCTUATION_TO_KOKORO: ReadonlyMap<string, string> = new Map([
  [';', ';'],
  [':', ':'],
  [',', ','],
  ['.', '.'],
  ['!', '!'],
  ['?', '?'],
  ['—', '—'],
  ['–', '—'],
  ['…', '…'],
  ['"', '"'],
  ['(', '('],
  [')', ')'],
  ['“', '“'],
  ['”', '”'],
  ['«', '“'],
  ['»', '”'],
  ['[', '('],
  [']', ')'],
]);

/** The Kokoro punctuation said in a stretch of text between two words ("..." becomes "…"). */
export function kokoroPunctuation(between: string): string {
  let symbols = '';
  for (const char of between.replaceAll('...', '…')) symbols += PUNCTUATION_TO_KOKORO.get(char) ?? '';
  return symbols;
}
