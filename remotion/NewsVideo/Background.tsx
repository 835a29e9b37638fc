// Behind every card: the article's lead image, slowly panned and zoomed while the title is read and then held
// still, or the brand gradient when the article has none. A dark veil keeps white text readable on any photo.
// With drawImage off only the veil is drawn, on a transparent page: the fast renderer lays these pictures over
// the image that ffmpeg moves itself (lead-image-motion.ts holds the one definition of that motion).
import { AbsoluteFill, Img } from 'remotion';
import { cssTransform, leadImageTransform } from './lead-image-motion.ts';

const VEIL = 'linear-gradient(to bottom, rgba(0, 0, 0, 0.45) 0%, rgba(0, 0, 0, 0.15) 30%, rgba(0, 0, 0, 0.35) 55%, rgba(0, 0, 0, 0.85) 100%)';

export const Background: React.FC<{ leadImageUrl: string | null; drawImage: boolean; accentColor: string; zoom: number }> = ({
  leadImageUrl,
  drawImage,
  accentColor,
  zoom,
}) => {
  if (!leadImageUrl) {
    return <AbsoluteFill style={{ background: `linear-gradient(150deg, ${accentColor} 0%, #1B1F3B 48%, #0A0D18 100%)` }} />;
  }
  if (!drawImage) return <AbsoluteFill style={{ background: VEIL }} />;
  return (
    <AbsoluteFill style={{ backgroundColor: '#0A0D18', overflow: 'hidden' }}>
      <Img src={leadImageUrl} style={{ width: '100%', height: '100%', objectFit: 'cover', transform: cssTransform(leadImageTransform(zoom)) }} />
      <AbsoluteFill style={{ background: VEIL }} />
    </AbsoluteFill>
  );
};
