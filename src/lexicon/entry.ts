// One lexicon entry: a written word or phrase and how the newsroom wants it said. Plain data, so entries travel
// to a scheduler worker's process as they are.

export interface LexiconEntry {
  /** The written form, its words separated by single spaces (any run of white space matches one). */
  written: string;
  /** A respelling in the narration's language (eSpeak reads it), or Kokoro symbols given to the voice as they are. */
  said: { respelling: string } | { phonemes: string };
  /** Matches only as written; otherwise in any case ("REUTERS" in a headline too). */
  caseSensitive: boolean;
  /** file:line it came from, for the dry run and messages. */
  origin: string;
}
