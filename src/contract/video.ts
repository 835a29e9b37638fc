// The video formats and frame rates the product renders; the composition and the renderer share them.
// zod only: the Remotion bundle imports this module.
import { z } from 'zod';

export const VideoFormatSchema = z.enum(['landscape', 'vertical', 'square']);
export type VideoFormat = z.infer<typeof VideoFormatSchema>;
export const VIDEO_FORMATS = VideoFormatSchema.options;

export const FRAME_SIZES: Record<VideoFormat, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  vertical: { width: 1080, height: 1920 },
  square: { width: 1080, height: 1080 },
};

export const FpsSchema = z.union([z.literal(25), z.literal(30), z.literal(60)]);
export type Fps = z.infer<typeof FpsSchema>;
export const DEFAULT_FPS: Fps = 30;
