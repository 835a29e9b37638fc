// The opening card, on screen while the title is read: site, title (the spoken word lit), byline and date,
// anchored to the bottom of the safe area over the background.
import { AbsoluteFill } from 'remotion';
import type { FontFamily } from '../fonts/families.ts';
import type { Insets } from './geometry.ts';
import { Line } from './Line.tsx';
import type { TextLine } from './text-parts.ts';
import type { HighlightLook } from './Word.tsx';

export interface TitleCardContent {
  title: TextLine;
  siteName: string | null;
  /** Byline and date, already joined; null when the article has neither. */
  credit: string | null;
}

export const TitleCard: React.FC<{
  content: TitleCardContent;
  litWord: number | null;
  fontFamily: FontFamily;
  fontSize: number;
  highlight: HighlightLook;
  accentColor: string;
  area: Insets;
}> = ({ content, litWord, fontFamily, fontSize, highlight, accentColor, area }) => (
  <AbsoluteFill style={{ padding: `${area.top}px ${area.right}px ${area.bottom}px ${area.left}px`, justifyContent: 'flex-end' }}>
    <div
      style={{
        borderLeft: `12px solid ${accentColor}`,
        paddingLeft: 36,
        display: 'flex',
        flexDirection: 'column',
        gap: 22,
        alignItems: 'flex-start',
      }}
    >
      {content.siteName && (
        <div
          style={{
            fontFamily: 'Inter',
            fontWeight: 800,
            fontSize: 30,
            letterSpacing: '0.08em',
            textTransform: 'uppercase',
            color: '#FFFFFF',
            backgroundColor: accentColor,
            padding: '6px 16px',
            borderRadius: 6,
          }}
        >
          {content.siteName}
        </div>
      )}
      <div
        style={{
          fontFamily,
          fontWeight: 700,
          fontSize,
          lineHeight: 1.15,
          color: '#FFFFFF',
          textWrap: 'balance',
          textShadow: '0 0.04em 0.3em rgba(0, 0, 0, 0.7)',
        }}
      >
        <Line line={content.title} litWord={litWord} highlight={highlight} />
      </div>
      {content.credit && (
        <div
          style={{
            fontFamily: 'Inter',
            fontWeight: 400,
            fontSize: 32,
            color: 'rgba(255, 255, 255, 0.88)',
            textShadow: '0 0.05em 0.3em rgba(0, 0, 0, 0.8)',
          }}
        >
          {content.credit}
        </div>
      )}
    </div>
  </AbsoluteFill>
);
