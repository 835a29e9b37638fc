// One lexicon entry: a written word or phrase and how the newsroom wants it said. Plain data, so entries travel
// to a scheduler worker's process as they are.

export interface LexiconEntry {
  /** The written form, its words separated by single spaces (any run of white space matches one). */
  written: string;
  /**
   * A respelling in the narration's language (eSpeak reads it), Kokoro symbols given to the voice as they are, or
   * the Kokoro language (a code of src/phonemes/languages.ts) whose eSpeak voice reads the written form.
   */
  said: { respelling: string } | { phonemes: string } | { language: string };
  /** Matches only as written; otherwise in any case ("REUTERS" in a headline too). */
  caseSensitive: boolean;
  /** file:line it came from, for the dry run and messages. */
  origin: string;
}
