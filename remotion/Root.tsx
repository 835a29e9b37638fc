// Registers the compositions (each lives in its own folder with its schema and metadata).
import { Composition, staticFile } from 'remotion';
import { NewsVideo } from './NewsVideo/index.tsx';
import { calculateNewsVideoMetadata } from './NewsVideo/calculate-metadata.ts';
import { NEWS_VIDEO_DEFAULTS, newsVideoSchema } from './NewsVideo/schema.ts';

export const COMPOSITION_IDS = { newsVideo: 'NewsVideo' } as const;

export const RemotionRoot: React.FC = () => (
  <Composition
    id={COMPOSITION_IDS.newsVideo}
    component={NewsVideo}
    schema={newsVideoSchema}
    calculateMetadata={calculateNewsVideoMetadata}
    // Replaced by calculateMetadata from the format, fps and narration; Remotion requires a value here.
    width={1080}
    height={1920}
    fps={30}
    durationInFrames={1}
    defaultProps={{ ...NEWS_VIDEO_DEFAULTS, narrationSrc: staticFile('sample/narration.json') }}
  />
);
