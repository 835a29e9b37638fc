// The font families bundled with the project, as the composition's props name them. Pure: the schema and the
// layout math read it without loading any font.

export const FONT_FAMILIES = ['Inter', 'Roboto Slab'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

/**
 * The advance per character of a wide line of running text (letters, spaces, punctuation) in the bold weight,
 * in ems: the subtitle size is chosen so the longest cue line fits its box. Measured in Chromium (canvas
 * measureText) on the sample's cue lines and a few long Spanish, English and French lines: on average 0.50 (Inter)
 * and 0.49 (Roboto Slab), the widest line 0.54 and 0.53; these values add a little margin to the widest.
 */
export const AVERAGE_CHAR_EM: Record<FontFamily, number> = {
  Inter: 0.56,
  'Roboto Slab': 0.55,
};
