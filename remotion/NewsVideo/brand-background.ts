// The background of a section without a picture: a picture of the brand colours (a deep gradient from the accent
// colour, two soft glows and a few diagonal bands) that moves as a photo does (media-motion.ts). One SVG for both
// painters: the browser shows it as an image, the fast renderer rasterizes the same text for ffmpeg. Pure.
import type { Size } from './media-motion.ts';

export function brandBackgroundSvg(accentColor: string, { width, height }: Size): string {
  const long = Math.max(width, height);
  const band = (offset: number, opacity: number) =>
    `<rect x="${-long}" y="${offset * long}" width="${3 * long}" height="${0.07 * long}" fill="#FFFFFF" fill-opacity="${opacity}" transform="rotate(-28 ${width / 2} ${height / 2})"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '<defs>',
    `<linearGradient id="base" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${accentColor}"/><stop offset="0.48" stop-color="#1B1F3B"/><stop offset="1" stop-color="#0A0D18"/></linearGradient>`,
    `<radialGradient id="glow"><stop offset="0" stop-color="${accentColor}" stop-opacity="0.55"/><stop offset="1" stop-color="${accentColor}" stop-opacity="0"/></radialGradient>`,
    '</defs>',
    `<rect width="${width}" height="${height}" fill="url(#base)"/>`,
    `<circle cx="${0.82 * width}" cy="${0.72 * height}" r="${0.45 * long}" fill="url(#glow)"/>`,
    `<circle cx="${0.1 * width}" cy="${0.15 * height}" r="${0.3 * long}" fill="url(#glow)"/>`,
    band(0.1, 0.05),
    band(0.32, 0.035),
    band(0.58, 0.05),
    '</svg>',
  ].join('');
}
