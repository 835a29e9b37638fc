// The last seconds: brand, where the article comes from, and the notice that the voice is synthetic
// (platforms ask creators to label synthetic voices).
import { AbsoluteFill, Img } from 'remotion';
import type { Insets } from './geometry.ts';
import type { BrandLook } from './Brand.tsx';

export interface ClosingContent {
  /** "Fuente: El Diario", null without an article. */
  source: string | null;
  url: string | null;
  /** null when hidden. */
  syntheticVoiceLine: string | null;
}

export const ClosingCard: React.FC<{ content: ClosingContent; brand: BrandLook; area: Insets; fade: number }> = ({ content, brand, area, fade }) => (
  <AbsoluteFill
    style={{
      opacity: fade,
      background: `linear-gradient(160deg, #1B1F3B 0%, #0A0D18 70%)`,
      padding: `${area.top}px ${area.right}px ${area.bottom}px ${area.left}px`,
      justifyContent: 'center',
      alignItems: 'center',
      textAlign: 'center',
      color: '#FFFFFF',
      fontFamily: 'Inter',
      gap: 28,
    }}
  >
    {brand.logoUrl && <Img src={brand.logoUrl} style={{ height: 140, width: 'auto' }} />}
    {brand.name && <div style={{ fontWeight: 800, fontSize: 64, letterSpacing: '0.05em', textTransform: 'uppercase' }}>{brand.name}</div>}
    <div style={{ width: 160, height: 8, backgroundColor: brand.accentColor, borderRadius: 4 }} />
    {content.source && <div style={{ fontWeight: 700, fontSize: 44 }}>{content.source}</div>}
    {content.url && <div style={{ fontWeight: 400, fontSize: 32, color: 'rgba(255, 255, 255, 0.8)', overflowWrap: 'anywhere' }}>{content.url}</div>}
    {content.syntheticVoiceLine && (
      <div style={{ fontWeight: 400, fontSize: 30, color: 'rgba(255, 255, 255, 0.75)', maxWidth: '90%', marginTop: 40 }}>
        {content.syntheticVoiceLine}
      </div>
    )}
  </AbsoluteFill>
);
