// Where things go in each format and how big the text is. Pure, in pixels of the composition (the short edge
// is always 1080; the renderer's scale shrinks the output, not these numbers).
import type { VideoFormat } from '../../src/contract/video.ts';
import { AVERAGE_CHAR_EM, type FontFamily } from '../fonts/families.ts';

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The part of the frame no platform covers. Vertical (TikTok, Reels, Shorts): the top bar, the caption and
 * account name over the bottom fifth, the like/comment/share column on the right. Landscape and square: the
 * usual title-safe margin (5 %), a little more at the bottom for the players' controls.
 */
export function safeArea(format: VideoFormat, width: number, height: number): Insets {
  switch (format) {
    case 'vertical':
      return { top: 0.1 * height, right: 0.15 * width, bottom: 0.2 * height, left: 0.06 * width };
    case 'landscape':
      return { top: 0.06 * height, right: 0.05 * width, bottom: 0.1 * height, left: 0.05 * width };
    case 'square':
      return { top: 0.07 * height, right: 0.06 * width, bottom: 0.1 * height, left: 0.06 * width };
  }
}

/** The box's inner padding around subtitle lines, in ems of the subtitle size. */
export const SUBTITLE_PADDING_EM = { vertical: 0.3, horizontal: 0.5 };

/**
 * One subtitle size for the whole video: the largest up to `maxSize` at which the longest cue line (in
 * characters) fits the safe width with the box's padding, so pages never change size from one to the next.
 */
export function subtitleFontSize(maxSize: number, safeWidth: number, longestLineChars: number, family: FontFamily): number {
  const ems = Math.max(1, longestLineChars) * AVERAGE_CHAR_EM[family] + 2 * SUBTITLE_PADDING_EM.horizontal;
  return Math.floor(Math.min(maxSize, safeWidth / ems));
}

/** The title card's headline: large for a short title, smaller as it grows, never wider than about four lines. */
export function titleFontSize(titleChars: number, safeWidth: number, family: FontFamily): number {
  const largest = 96;
  const linesWanted = Math.min(4, Math.max(2, Math.ceil(titleChars / 28)));
  const fitting = (safeWidth * linesWanted) / (Math.max(1, titleChars) * AVERAGE_CHAR_EM[family] * 1.15);
  return Math.floor(Math.min(largest, fitting));
}

/** The brand row's height at the top of the safe area; subtitles placed at the top start below it. */
export const BRAND_ROW_HEIGHT = 84;
