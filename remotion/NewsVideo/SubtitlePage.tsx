// A subtitle page: the cue's one or two lines, placed inside the format's safe area.
import { AbsoluteFill } from 'remotion';
import type { FontFamily } from '../fonts/families.ts';
import { SUBTITLE_PADDING_EM, type Insets } from './geometry.ts';
import { Line } from './Line.tsx';
import type { SubtitlePosition } from './schema.ts';
import type { TextLine } from './text-parts.ts';
import type { HighlightLook } from './Word.tsx';

export interface SubtitleLook {
  fontFamily: FontFamily;
  fontSize: number;
  textColor: string;
  highlight: HighlightLook;
  position: SubtitlePosition;
  /** null: no box, a shadow keeps the text readable instead. */
  boxColor: string | null;
}

const JUSTIFY: Record<SubtitlePosition, 'flex-end' | 'center' | 'flex-start'> = { bottom: 'flex-end', middle: 'center', top: 'flex-start' };

export const SubtitlePage: React.FC<{ lines: TextLine[]; litWord: number | null; look: SubtitleLook; area: Insets; fade: number }> = ({
  lines,
  litWord,
  look,
  area,
  fade,
}) => (
  <AbsoluteFill
    style={{
      padding: `${area.top}px ${area.right}px ${area.bottom}px ${area.left}px`,
      justifyContent: JUSTIFY[look.position],
      alignItems: 'center',
      opacity: fade,
    }}
  >
    {lines.length > 0 && (
      <div
        style={{
          fontFamily: look.fontFamily,
          fontWeight: 700,
          fontSize: look.fontSize,
          lineHeight: 1.32,
          color: look.textColor,
          textAlign: 'center',
          textWrap: 'balance',
          padding: `${SUBTITLE_PADDING_EM.vertical}em ${SUBTITLE_PADDING_EM.horizontal}em`,
          borderRadius: '0.3em',
          backgroundColor: look.boxColor ?? undefined,
          textShadow: look.boxColor ? undefined : '0 0.04em 0.25em rgba(0, 0, 0, 0.95), 0 0 0.08em rgba(0, 0, 0, 0.9)',
        }}
      >
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a page's lines are fixed for the page and never reorder.
          <div key={index}>
            <Line line={line} litWord={litWord} highlight={look.highlight} />
          </div>
        ))}
      </div>
    )}
  </AbsoluteFill>
);
