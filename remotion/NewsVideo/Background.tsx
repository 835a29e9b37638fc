// Behind every card: the article's lead image, slowly panned and zoomed while the title is read and then held
// still, or the brand gradient when the article has none. A dark veil keeps white text readable on any photo.
import { AbsoluteFill, Img } from 'remotion';

export const Background: React.FC<{ leadImageUrl: string | null; accentColor: string; zoom: number }> = ({ leadImageUrl, accentColor, zoom }) => {
  if (!leadImageUrl) {
    return <AbsoluteFill style={{ background: `linear-gradient(150deg, ${accentColor} 0%, #1B1F3B 48%, #0A0D18 100%)` }} />;
  }
  return (
    <AbsoluteFill style={{ backgroundColor: '#0A0D18', overflow: 'hidden' }}>
      <Img
        src={leadImageUrl}
        style={{
          width: '100%',
          height: '100%',
          objectFit: 'cover',
          transform: `scale(${1.04 + 0.1 * zoom}) translate(${-1.5 * zoom}%, ${-1 * zoom}%)`,
        }}
      />
      <AbsoluteFill style={{ background: 'linear-gradient(to bottom, rgba(0, 0, 0, 0.45) 0%, rgba(0, 0, 0, 0.15) 30%, rgba(0, 0, 0, 0.35) 55%, rgba(0, 0, 0, 0.85) 100%)' }} />
    </AbsoluteFill>
  );
};
