// The NewsVideo composition's props: every one is a control in Remotion Studio, and the renderer passes
// { narrationSrc, format, fps } plus any style overrides; Remotion fills the rest from NEWS_VIDEO_DEFAULTS.
import { zColor } from '@remotion/zod-types';
import { z } from 'zod';
import { DEFAULT_FPS, FpsSchema, FRAME_SIZES, VideoFormatSchema, type Fps } from '../../src/contract/video.ts';
import { FONT_FAMILIES } from '../fonts/families.ts';
import { maxSubtitleLineChars, safeWidth } from './geometry.ts';
import { DEFAULT_LAYOUT, type ScreenLayout } from './screen.ts';

// Studio has no control for a union of number literals, so fps is a number checked against the contract's choices.
const FPS_CHOICES: readonly number[] = FpsSchema.options.map((option) => option.value);
export const isFps = (fps: number): fps is Fps => FPS_CHOICES.includes(fps);

export const HighlightStyleSchema = z.enum(['color', 'box', 'underline']);
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;
export const SubtitlePositionSchema = z.enum(['bottom', 'middle', 'top']);
export type SubtitlePosition = z.infer<typeof SubtitlePositionSchema>;

export const newsVideoSchema = z.object({
  /** URL of narration.json; audio, pictures and a relative logo are loaded relative to it. */
  narrationSrc: z.string().min(1),
  format: VideoFormatSchema,
  fps: z.number().refine(isFps, { message: `fps must be one of ${FPS_CHOICES.join(', ')}` }),
  /** Subtitles. */
  fontFamily: z.enum(FONT_FAMILIES),
  /**
   * The subtitle size in pixels (the short edge is 1080). Vertical and square cut cues into short lines so they
   * reach it; landscape shows each cue whole, smaller when its longest line needs it.
   */
  fontSize: z.number().int().min(24).max(120),
  textColor: zColor(),
  highlightColor: zColor(),
  highlightStyle: HighlightStyleSchema,
  subtitlePosition: SubtitlePositionSchema,
  backgroundBox: z.boolean(),
  boxColor: zColor(),
  /** Title card. */
  titleFontFamily: z.enum(FONT_FAMILIES),
  /** Brand. */
  brandName: z.string(),
  /** URL of a logo image (absolute, or relative to narrationSrc); empty for none. */
  logoSrc: z.string(),
  accentColor: zColor(),
  showProgressBar: z.boolean(),
  /**
   * Off leaves the pictures behind the cards out (transparent where they would be): the fast renderer turns it
   * off and draws the pictures' motion and crossfades with ffmpeg underneath.
   */
  drawMedia: z.boolean(),
  /** Off holds the pictures still: no slow push-in or pan. */
  motion: z.boolean(),
  /** Off hides the "Foto: …" credit of the picture on screen. */
  showCredits: z.boolean(),
  /** Closing card. */
  closingSeconds: z.number().min(1).max(15),
  showSyntheticVoiceLine: z.boolean(),
  /** Empty: the sentence for the narration's language ("Voz sintética…", "Synthetic voice…"). */
  syntheticVoiceLine: z.string(),
});
export type NewsVideoProps = z.infer<typeof newsVideoSchema>;

export const NEWS_VIDEO_DEFAULTS: Omit<NewsVideoProps, 'narrationSrc'> = {
  format: 'vertical',
  fps: DEFAULT_FPS,
  fontFamily: 'Inter',
  fontSize: 64,
  textColor: '#FFFFFF',
  highlightColor: '#FFD23F',
  highlightStyle: 'box',
  subtitlePosition: 'bottom',
  backgroundBox: true,
  boxColor: 'rgba(10, 14, 26, 0.72)',
  titleFontFamily: 'Roboto Slab',
  brandName: 'Kokoro News',
  logoSrc: '',
  accentColor: '#E63946',
  showProgressBar: true,
  drawMedia: true,
  motion: true,
  showCredits: true,
  closingSeconds: 4,
  showSyntheticVoiceLine: true,
  syntheticVoiceLine: '',
};

/** The timing and the subtitle line length the props control; the fade length is fixed by design. */
export function screenLayoutOf(props: Pick<NewsVideoProps, 'closingSeconds' | 'format' | 'fontSize' | 'fontFamily' | 'motion'>): ScreenLayout {
  const { width, height } = FRAME_SIZES[props.format];
  const maxLineChars = maxSubtitleLineChars(props.format, props.fontSize, safeWidth(props.format, width, height), props.fontFamily);
  return { ...DEFAULT_LAYOUT, closingSeconds: props.closingSeconds, maxLineChars, motion: props.motion };
}
