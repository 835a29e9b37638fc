// Written text -> what the voice should read, with the map back. Emoji and pictographs are not read aloud;
// spans the newsroom says its own way (lexicon entries) are said so; language-specific rules (numbers, dates,
// abbreviations) rewrite the rest.
import { type Heard, SpokenTextBuilder, type SpokenText } from './spoken-text.ts';

// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner, selector and skin tone is removed on its own, whatever it joins.
const UNSPOKEN = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]+/gu;

export interface SpokenOptions {
  /** BCP-47 locale of the text (`es-ES`, `es-MX`, `es-AR`…): numbers, currencies and dates differ by country. */
  locale?: string;
}

export type SpokenRule = (written: string, builder: SpokenTextBuilder, from: number, to: number, options?: SpokenOptions) => void;

function keepSpeakable(written: string, builder: SpokenTextBuilder, from: number, to: number, rewrite: SpokenRule, options: SpokenOptions): void {
  let cursor = from;
  for (const match of written.slice(from, to).matchAll(UNSPOKEN)) {
    const start = from + match.index;
    rewrite(written, builder, cursor, start, options);
    builder.replace(start, start + match[0].length, ' ');
    cursor = start + match[0].length;
  }
  rewrite(written, builder, cursor, to, options);
}

const keepAsWritten: SpokenRule = (_written, builder, from, to) => {
  builder.keep(from, to);
};

/**
 * A written span said another way whatever the rules would say of it: a respelling, given Kokoro phonemes, or
 * its spoken text read by another language's eSpeak voice.
 */
export interface SaidAs {
  start: number;
  end: number;
  spoken: string;
  heard?: Heard;
}

/** `saidAs`: in order and not overlapping; each becomes one piece, so all it says maps back to its whole span. */
export function toSpokenText(
  written: string,
  rule: SpokenRule = keepAsWritten,
  options: SpokenOptions = {},
  saidAs: readonly SaidAs[] = [],
): SpokenText {
  const builder = new SpokenTextBuilder(written);
  let cursor = 0;
  for (const said of saidAs) {
    keepSpeakable(written, builder, cursor, said.start, rule, options);
    builder.replace(said.start, said.end, said.spoken, said.heard);
    cursor = said.end;
  }
  keepSpeakable(written, builder, cursor, written.length, rule, options);
  return builder.build();
}
