// Behind every card: the section's picture (or the brand background), moving slowly toward its focus point and
// crossfading into the next section's, as media-motion.ts defines; a dark veil keeps white text readable on any
// picture. With drawMedia off only the veil is drawn, on a transparent page: the fast renderer lays these
// pictures over the pictures that ffmpeg moves itself, by the same definition.
import { AbsoluteFill, Img } from 'remotion';
import { cssPlacement, type MotionKind, type Point, type Size } from './media-motion.ts';

const VEIL = 'linear-gradient(to bottom, rgba(0, 0, 0, 0.45) 0%, rgba(0, 0, 0, 0.15) 30%, rgba(0, 0, 0, 0.35) 55%, rgba(0, 0, 0, 0.85) 100%)';

/** One picture on screen: its URL, size and focus, the span's motion, and how far it has gone. */
export interface BackgroundLayer {
  key: number;
  url: string;
  size: Size;
  focus: Point;
  kind: MotionKind;
  progress: number;
  opacity: number;
}

export const Background: React.FC<{ layers: readonly BackgroundLayer[]; drawMedia: boolean; frame: Size }> = ({ layers, drawMedia, frame }) => (
  <AbsoluteFill style={{ overflow: 'hidden' }}>
    {drawMedia &&
      layers.map((layer) => {
        const placed = cssPlacement(layer.size, layer.focus, layer.kind, frame, layer.progress);
        return (
          <AbsoluteFill key={layer.key} style={{ opacity: layer.opacity, backgroundColor: '#0A0D18' }}>
            <AbsoluteFill style={{ transformOrigin: '0 0', transform: placed.transform }}>
              <Img src={layer.url} style={{ position: 'absolute', ...placed.image, maxWidth: 'none' }} />
            </AbsoluteFill>
          </AbsoluteFill>
        );
      })}
    <AbsoluteFill style={{ background: VEIL }} />
  </AbsoluteFill>
);
