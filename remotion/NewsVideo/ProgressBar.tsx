// How much of the narration has been heard, as a thin bar along the top edge (clear of every platform's controls).
import { AbsoluteFill } from 'remotion';

export const ProgressBar: React.FC<{ progress: number; color: string }> = ({ progress, color }) => (
  <AbsoluteFill style={{ height: 10, backgroundColor: 'rgba(255, 255, 255, 0.22)' }}>
    <div style={{ height: '100%', width: `${progress * 100}%`, backgroundColor: color }} />
  </AbsoluteFill>
);
