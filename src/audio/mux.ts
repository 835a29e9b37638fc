// The narration's sound goes into the MP4 here, not through Remotion: Remotion's audio path stream-copies
// raw AAC into the MP4 with no edit list, so the encoder's priming samples play first and the voice lands
// 43 ms behind the picture (measured by cross-correlation). ffmpeg encoding straight into the MP4 writes the
// edit list that skips them, and the voice lines up with the subtitles to the sample.
import { runFfmpeg } from '../media/ffmpeg.ts';

/** Video stream copied from `silentVideo`, the narration encoded as AAC 48 kHz stereo and padded to the video's end. */
export function muxNarrationAudio(silentVideo: string, narrationAudio: string, target: string): Promise<void> {
  return runFfmpeg({
    inputs: [{ source: silentVideo }, { source: narrationAudio }],
    outputOptions: [
      ...['-map', '0:v:0', '-map', '1:a:0', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2'],
      // The closing card outlasts the voice: silence fills the audio track to the video's last frame.
      ...['-af', 'apad', '-shortest', '-movflags', '+faststart'],
    ],
    format: 'mp4',
    output: target,
    task: 'add the narration to the video',
    fix: 'Check that FFMPEG_PATH names a working ffmpeg, or unset it',
  });
}
