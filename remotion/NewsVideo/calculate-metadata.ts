// Size, frame rate and length come from the props and the narration, so the renderer passes only
// { narrationSrc, format, fps, ...style } and never computes a duration itself.
import type { CalculateMetadataFunction } from 'remotion';
import { FRAME_SIZES } from '../../src/contract/video.ts';
import { loadNarration } from './load-narration.ts';
import { screenLayoutOf, type NewsVideoProps } from './schema.ts';
import { videoFrames } from './screen.ts';

export const calculateNewsVideoMetadata: CalculateMetadataFunction<NewsVideoProps> = async ({ props }) => {
  const narration = await loadNarration(props.narrationSrc);
  const { width, height } = FRAME_SIZES[props.format];
  return { width, height, fps: props.fps, durationInFrames: videoFrames(narration, props.fps, screenLayoutOf(props)) };
};
