// The composition itself in the page, with the narration's real audio and word highlight: what the editor approves
// is what the renderer draws, because both run remotion/NewsVideo with the same props.
import { Player } from '@remotion/player';
import { FRAME_SIZES } from '../../contract/video.ts';
import type { Narration } from '../../contract/narration.ts';
import { NewsVideo } from '../../../remotion/NewsVideo/index.tsx';
import { type NewsVideoProps, screenLayoutOf } from '../../../remotion/NewsVideo/schema.ts';
import { videoFrames } from '../../../remotion/NewsVideo/screen.ts';

export const Preview: React.FC<{ narration: Narration; props: NewsVideoProps }> = ({ narration, props }) => {
  const { width, height } = FRAME_SIZES[props.format];
  return (
    <div className={`preview preview-${props.format}`} data-testid="preview">
      <Player
        // A new revision is a new narration: remount so the Player measures its length again.
        key={props.narrationSrc}
        component={NewsVideo}
        inputProps={props}
        durationInFrames={videoFrames(narration, props.fps, screenLayoutOf(props))}
        compositionWidth={width}
        compositionHeight={height}
        fps={props.fps}
        controls
        acknowledgeRemotionLicense
        style={{ width: '100%' }}
      />
    </div>
  );
};
