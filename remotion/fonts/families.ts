// The font families bundled with the project, as the composition's props name them. Pure: the schema and the
// layout math read it without loading any font.

export const FONT_FAMILIES = ['Inter', 'Roboto Slab'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

/**
 * The average advance of a character of running Spanish text (letters, spaces, punctuation) in the bold weight,
 * in ems: the subtitle size is chosen so the longest cue line fits its box. Measured on the committed sample's
 * cue lines rendered in Chromium.
 */
export const AVERAGE_CHAR_EM: Record<FontFamily, number> = {
  Inter: 0.56,
  'Roboto Slab': 0.55,
};
