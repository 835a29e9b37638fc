// Written text -> what the voice should read, with the map back. Emoji and pictographs are not read aloud;
// language-specific rules (numbers, dates, abbreviations) rewrite the rest.
import { SpokenTextBuilder, type SpokenText } from './spoken-text.ts';

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

export function toSpokenText(written: string, rule: SpokenRule = keepAsWritten, options: SpokenOptions = {}): SpokenText {
  const builder = new SpokenTextBuilder(written);
  keepSpeakable(written, builder, 0, written.length, rule, options);
  return builder.build();
}
