// The publisher's mark in the top corner of the safe area: logo and name, underlined in the accent colour.
import { Img } from 'remotion';
import { BRAND_ROW_HEIGHT } from './geometry.ts';

export interface BrandLook {
  name: string;
  /** Absolute URL, or null for none. */
  logoUrl: string | null;
  accentColor: string;
}

export const Brand: React.FC<{ brand: BrandLook; top: number; left: number }> = ({ brand, top, left }) => {
  if (!brand.name && !brand.logoUrl) return null;
  return (
    <div style={{ position: 'absolute', top, left, height: BRAND_ROW_HEIGHT, display: 'flex', alignItems: 'center', gap: 18 }}>
      {brand.logoUrl && <Img src={brand.logoUrl} style={{ height: BRAND_ROW_HEIGHT - 20, width: 'auto' }} />}
      {brand.name && (
        <div
          style={{
            fontFamily: 'Inter',
            fontWeight: 800,
            fontSize: 34,
            letterSpacing: '0.06em',
            textTransform: 'uppercase',
            color: '#FFFFFF',
            borderBottom: `6px solid ${brand.accentColor}`,
            paddingBottom: 4,
            textShadow: '0 0.05em 0.3em rgba(0, 0, 0, 0.6)',
          }}
        >
          {brand.name}
        </div>
      )}
    </div>
  );
};
