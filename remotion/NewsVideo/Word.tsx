// One piece of a line: a word (lit or not) or the spaces and punctuation between words. The highlight never
// changes the word's size, so a line does not move when the lit word changes.
import type { CSSProperties } from 'react';
import type { HighlightStyle } from './schema.ts';
import type { TextPart } from './text-parts.ts';

export interface HighlightLook {
  style: HighlightStyle;
  color: string;
}

function litStyle({ style, color }: HighlightLook): CSSProperties {
  switch (style) {
    case 'color':
      return { color };
    case 'box':
      // box-shadow paints past the word's edges without taking layout space.
      return { color: '#101010', textShadow: 'none', backgroundColor: color, boxShadow: `0 0 0 0.12em ${color}`, borderRadius: '0.08em' };
    case 'underline':
      return { textDecorationLine: 'underline', textDecorationColor: color, textDecorationThickness: '0.12em', textUnderlineOffset: '0.18em' };
  }
}

export const Word: React.FC<{ part: TextPart; lit: boolean; highlight: HighlightLook }> = ({ part, lit, highlight }) => (
  <span style={lit ? litStyle(highlight) : undefined}>{part.text}</span>
);
