// A line of text parts, with the spoken word lit.
import type { TextLine } from './text-parts.ts';
import { Word, type HighlightLook } from './Word.tsx';

export const Line: React.FC<{ line: TextLine; litWord: number | null; highlight: HighlightLook }> = ({ line, litWord, highlight }) => (
  <>
    {line.map((part, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: a line's parts are fixed for its page and never reorder.
      <Word key={index} part={part} lit={part.word !== null && part.word === litWord} highlight={highlight} />
    ))}
  </>
);
