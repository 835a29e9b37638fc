// The NewsVideo composition's props: every one is a control in Remotion Studio, and the renderer passes
// { narrationSrc, format, fps } plus any style overrides; Remotion fills the rest from NEWS_VIDEO_DEFAULTS.
import { zColor } from '@remotion/zod-types';
import { z } from 'zod';
import { DEFAULT_FPS, FpsSchema, VideoFormatSchema, type Fps } from '../../src/contract/video.ts';
import { FONT_FAMILIES } from '../fonts/families.ts';
import { DEFAULT_LAYOUT, type ScreenLayout } from './screen.ts';

// Studio has no control for a union of number literals, so fps is a number checked against the contract's choices.
const FPS_CHOICES: readonly number[] = FpsSchema.options.map((option) => option.value);
export const isFps = (fps: number): fps is Fps => FPS_CHOICES.includes(fps);

export const HighlightStyleSchema = z.enum(['color', 'box', 'underline']);
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;
export const SubtitlePositionSchema = z.enum(['bottom', 'middle', 'top']);
export type SubtitlePosition = z.infer<typeof SubtitlePositionSchema>;

export const newsVideoSchema = z.object({
  /** URL of narration.json; audio, lead image and a relative logo are loaded relative to it. */
  narrationSrc: z.string().min(1),
  format: VideoFormatSchema,
  fps: z.number().refine(isFps, { message: `fps must be one of ${FPS_CHOICES.join(', ')}` }),
  /** Subtitles. */
  fontFamily: z.enum(FONT_FAMILIES),
  /** The largest subtitle size in pixels (the short edge is 1080); smaller when the longest line needs it. */
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
  closingSeconds: 4,
  showSyntheticVoiceLine: true,
  syntheticVoiceLine: '',
};

/** The timing the props control; the fade length is fixed by design. */
export function screenLayoutOf(props: Pick<NewsVideoProps, 'closingSeconds'>): ScreenLayout {
  return { ...DEFAULT_LAYOUT, closingSeconds: props.closingSeconds };
}
