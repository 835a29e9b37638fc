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
      // Inline padding cancelled by a negative margin: the box reaches past the word without moving its neighbours.
      return { color: '#101010', textShadow: 'none', backgroundColor: color, padding: '0.04em 0.08em', margin: '0 -0.08em', borderRadius: '0.18em' };
    case 'underline':
      return { textDecorationLine: 'underline', textDecorationColor: color, textDecorationThickness: '0.12em', textUnderlineOffset: '0.18em' };
  }
}

export const Word: React.FC<{ part: TextPart; lit: boolean; highlight: HighlightLook }> = ({ part, lit, highlight }) => (
  <span style={lit ? litStyle(highlight) : undefined}>{part.text}</span>
);
