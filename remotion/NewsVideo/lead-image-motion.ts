// The lead image's slow push-in while the title is read, as one definition for the two painters of it: the
// browser (Background.tsx, a CSS transform on the cover-fitted image) and the fast renderer, where ffmpeg draws
// the same motion under the title card's transparent pictures (src/render/lead-image-zoom-filter.ts). Pure.

/** CSS `transform: scale(scale) translate(translateX%, translateY%)` about the image's centre, at `zoom` 0..1. */
export interface LeadImageTransform {
  scale: number;
  /** Percent of the frame's width and height, applied before the scale (CSS applies the rightmost first). */
  translateXPercent: number;
  translateYPercent: number;
}

export function leadImageTransform(zoom: number): LeadImageTransform {
  return { scale: 1.04 + 0.1 * zoom, translateXPercent: -1.5 * zoom, translateYPercent: -1 * zoom };
}

export function cssTransform({ scale, translateXPercent, translateYPercent }: LeadImageTransform): string {
  return `scale(${scale}) translate(${translateXPercent}%, ${translateYPercent}%)`;
}
