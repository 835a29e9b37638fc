// The editorial pictures of an article body (the HTML Readability keeps), in document order, each with the
// address of its best size, its caption and credit, and where it sits among the paragraphs. Nothing is
// downloaded here: a later step fetches the survivors and drops near-duplicates by their pixels.

export interface BodyImage {
  /** Absolute http(s) address of the chosen size. */
  url: string;
  /** Pixel size of the chosen candidate as far as the markup states it; null when it does not. */
  width: number | null;
  height: number | null;
  caption: string | null;
  credit: string | null;
  /** How many of the narrated paragraphs come before the image: it stands before paragraph N (0-based). */
  paragraphIndex: number;
}

export type DropRule = 'not-web' | 'tracking-pixel' | 'decoration' | 'too-small' | 'extreme-aspect' | 'duplicate';
type SizeRule = Extract<DropRule, 'tracking-pixel' | 'too-small' | 'extreme-aspect'>;

/** Wide enough for a 1080p frame in either orientation; larger only costs download and decoding. */
const ENOUGH_WIDTH = 1920;
/** Below this declared side an image is a pixel, a spacer or a button, never a picture. */
const PIXEL_SIDE = 50;
/** A picture whose short side is smaller than this would be blown up several times in a 1080p frame. */
const MIN_SHORT_SIDE = 400;
/** Longer than 3:1 is a banner, a divider or a panorama strip that no 16:9 or 9:16 frame can show. */
const MAX_ASPECT = 3;

const DECORATION = /(?:^|[^a-z0-9])(?:icon|favicon|logo|avatar|sprite|ads?|advert|badge|emoji)s?(?:[^a-z0-9]|$)/i;
const CREDIT_CLASS = /credit|byline|author|copyright/i;
/** Query parameters that pick a size, crop, quality or the signature of such a variant, not a different picture. */
const SIZE_PARAMETERS = new Set(['w', 'h', 'width', 'height', 'resize', 'fit', 'crop', 'quality', 'q', 'dpr', 'auto', 'format', 'fm', 's', 'sig']);
/** WordPress-style -300x200 before the extension, and retina @2x. */
const SIZE_SUFFIX = /(?:-\d+x\d+|@\d+(?:\.\d+)?x)(?=\.[a-z0-9]+$)/i;
/** A Cloudinary-style path segment of transformations: w_640, c_fill,h_480,w_640. */
const TRANSFORM_SEGMENT = /^[a-z]{1,2}_[^/,]+(?:,[a-z]{1,2}_[^/,]+)*$/i;
/**
 * Credits written at the end of a caption: "… Photograph: Jane Doe", "… Foto: EFE", "… © AFP", or a
 * parenthesis naming an agency or a photo, "… (Reuters)", "… (AP Photo/Jane Doe)". Other trailing parentheses
 * ("(left)", "(2019)") stay in the caption.
 */
const CREDIT_WORD = '(?:Photograph|Photo|Foto|Fotografía|Imagen|Image|Picture|Credit|Crédito)s?\\s*:';
const CREDIT_LABEL = new RegExp(`\\s*${CREDIT_WORD}\\s*(.+)$`, 'i');
const CREDIT_SYMBOL = /\s*©\s*(.+)$/;
const CREDIT_PARENTHESIS =
  /\s*\(([^()]*\b(?:Reuters|AP|AFP|EFE|EPA|PA|Getty(?: Images)?|Shutterstock|Alamy|Bloomberg|dpa|Xinhua|Europa Press|[Pp]hoto|[Ff]oto)\b[^()]*)\)\s*$/;

/** The label a credit element may repeat ("Photo: Jane Doe"), which is not part of the name. */
const CREDIT_PREFIX = new RegExp(`^(?:${CREDIT_WORD}|©)\\s*`, 'i');

interface Candidate {
  url: string;
  /** Pixel width from a w descriptor, or from a density times the declared width; null when unknown. */
  width: number | null;
  density: number;
}

interface Facts {
  url: string;
  width: number | null;
  height: number | null;
  declaredWidth: number | null;
  declaredHeight: number | null;
  /** The img's class and alt, where sites name their logos and icons. */
  labels: string;
}

function text(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** A width or height attribute in pixels; "100%" or "auto" says nothing about pixels. */
function pixels(value: string | null): number | null {
  const match = /^\s*(\d+)(?:px)?\s*$/.exec(value ?? '');
  return match && Number(match[1]) > 0 ? Number(match[1]) : null;
}

function webAddress(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A srcset's candidates as the HTML standard splits them: the address runs to the first whitespace (commas
 * inside it belong to it, as in Cloudinary's w_640,h_480), its descriptor to the next comma.
 */
function parseSrcset(srcset: string): Array<{ href: string; descriptor: string }> {
  const candidates: Array<{ href: string; descriptor: string }> = [];
  for (let rest = srcset.replace(/^[\s,]+/, ''); rest; rest = rest.replace(/^[\s,]+/, '')) {
    let href = /^\S+/.exec(rest)?.[0] ?? '';
    rest = rest.slice(href.length);
    let descriptor = '';
    if (/,$/.test(href)) href = href.replace(/,+$/, '');
    else {
      descriptor = /^[^,]*/.exec(rest)?.[0] ?? '';
      rest = rest.slice(descriptor.length);
    }
    candidates.push({ href, descriptor: descriptor.trim() });
  }
  return candidates;
}

function srcsetCandidates(srcset: string | null, declaredWidth: number | null, base: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { href, descriptor } of parseSrcset(srcset ?? '')) {
    const url = webAddress(href, base);
    if (!url) continue;
    const width = /^(\d+)w$/.exec(descriptor);
    const density = /^(\d+(?:\.\d+)?)x$/.exec(descriptor);
    if (width) candidates.push({ url, width: Number(width[1]), density: 1 });
    else {
      const factor = density ? Number(density[1]) : 1;
      candidates.push({ url, width: declaredWidth ? Math.round(declaredWidth * factor) : null, density: factor });
    }
  }
  return candidates;
}

/**
 * Every size the markup offers for this img: its own srcset and those of its <picture>'s <source>s, lazy-loading
 * data-srcset/data-src included, and the plain src at the declared width. Non-web addresses (data: placeholders
 * of lazy loaders) are left out here so that they never win over the real picture.
 */
function candidatesOf(image: Element, declaredWidth: number | null, base: string): Candidate[] {
  const sources = image.parentElement?.tagName === 'PICTURE' ? [...image.parentElement.querySelectorAll('source')] : [];
  const srcsets = [image, ...sources].flatMap((element) => [element.getAttribute('data-srcset'), element.getAttribute('srcset')]);
  const candidates = srcsets.flatMap((srcset) => srcsetCandidates(srcset, declaredWidth, base));
  for (const attribute of ['data-src', 'data-lazy-src', 'src']) {
    const href = image.getAttribute(attribute)?.trim();
    // An empty src would resolve to the page itself.
    const url = href ? webAddress(href, base) : null;
    if (url) candidates.push({ url, width: declaredWidth, density: 1 });
  }
  return candidates;
}

/** The smallest candidate wide enough for 1080p, else the widest; by density when no width is known. */
function chooseCandidate(candidates: Candidate[]): Candidate | null {
  const sized = candidates.filter((candidate): candidate is Candidate & { width: number } => candidate.width !== null);
  if (sized.length === 0)
    return candidates.reduce<Candidate | null>((best, candidate) => (!best || candidate.density > best.density ? candidate : best), null);
  const enough = sized.filter((candidate) => candidate.width >= ENOUGH_WIDTH).sort((a, b) => a.width - b.width);
  return enough[0] ?? sized.reduce((best, candidate) => (candidate.width > best.width ? candidate : best));
}

/** What the rules look at; null when the img offers no http(s) address at all (a data: URI, a javascript: link). */
function factsOf(image: Element, base: string): Facts | null {
  const declaredWidth = pixels(image.getAttribute('width'));
  const declaredHeight = pixels(image.getAttribute('height'));
  const chosen = chooseCandidate(candidatesOf(image, declaredWidth, base));
  if (!chosen) return null;
  const width = chosen.width ?? declaredWidth;
  // The chosen size keeps the declared shape: a 300x200 img whose srcset offers 2048w is 2048x1365.
  const height = declaredWidth && declaredHeight && width ? Math.round((width * declaredHeight) / declaredWidth) : declaredHeight;
  const labels = `${image.getAttribute('class') ?? ''} ${image.getAttribute('alt') ?? ''}`;
  return { url: chosen.url, width, height, declaredWidth, declaredHeight, labels };
}

function decoration(image: Facts): boolean {
  return DECORATION.test(new URL(image.url).pathname) || DECORATION.test(image.labels);
}

/**
 * The rule a picture of this size breaks, if any: a pixel or spacer, a short side under MIN_SHORT_SIDE, or a
 * shape past MAX_ASPECT. Applied to the sizes the markup declares and again to the real size once downloaded.
 */
export function sizeRule(width: number | null, height: number | null): SizeRule | null {
  if ((width !== null && width < PIXEL_SIDE) || (height !== null && height < PIXEL_SIDE)) return 'tracking-pixel';
  if (width === null || height === null) return null;
  if (Math.min(width, height) < MIN_SHORT_SIDE) return 'too-small';
  if (Math.max(width, height) > MAX_ASPECT * Math.min(width, height)) return 'extreme-aspect';
  return null;
}

/** The first rule that drops the picture, after 'not-web': a pixel as declared, a decoration, then its size. */
function markupRule(image: Facts): DropRule | null {
  if (sizeRule(image.declaredWidth, image.declaredHeight) === 'tracking-pixel') return 'tracking-pixel';
  if (decoration(image)) return 'decoration';
  return sizeRule(image.width, image.height);
}

/** The same picture at any size: the address without its size parameters, size suffixes or transformations. */
function sameImageKey(url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname
    .split('/')
    .filter((segment) => !TRANSFORM_SEGMENT.test(segment))
    .join('/')
    .replace(SIZE_SUFFIX, '');
  const query = [...parsed.searchParams].filter(([name]) => !SIZE_PARAMETERS.has(name.toLowerCase()));
  return `${parsed.host}${path}?${new URLSearchParams(query)}`;
}

/** A credit/byline/author/copyright element with text that is not the whole caption (nor wraps it). */
function isCreditElement(element: Element): boolean {
  return (
    CREDIT_CLASS.test(element.getAttribute('class') ?? '') &&
    element.tagName !== 'FIGCAPTION' &&
    !element.querySelector('figcaption') &&
    text(element.textContent) !== ''
  );
}

/**
 * A photo essay's caption written as a one-item list right after the figure (the Guardian's form), where no
 * <figcaption> is. The extractor leaves such a list out of the narrated paragraphs.
 */
export function isCaptionList(element: Element): boolean {
  return (
    (element.tagName === 'UL' || element.tagName === 'OL') &&
    element.children.length === 1 &&
    element.children[0]!.tagName === 'LI' &&
    element.previousElementSibling?.tagName === 'FIGURE'
  );
}

/** The caption list after the run of figures this one opens or belongs to ("Clockwise from top: …" names them all). */
function captionListAfter(figure: Element): Element | null {
  let next = figure.nextElementSibling;
  while (next?.tagName === 'FIGURE' && !next.querySelector('figcaption')) next = next.nextElementSibling;
  return next && isCaptionList(next) ? next : null;
}

/** Credit from a credit element inside the figure, else from the end of the caption. */
function captionAndCredit(image: Element): { caption: string | null; credit: string | null } {
  const figure = image.closest('figure');
  if (!figure) return { caption: null, credit: null };
  const creditElement = [...figure.querySelectorAll('[class]')].find(isCreditElement);
  let credit = text(creditElement?.textContent).replace(CREDIT_PREFIX, '') || null;
  const captionElement = (figure.querySelector('figcaption') ?? captionListAfter(figure))?.cloneNode(true) as Element | undefined;
  if (!captionElement) return { caption: null, credit };
  for (const element of captionElement.querySelectorAll('[class]')) if (isCreditElement(element)) element.remove();
  let caption = text(captionElement.textContent);
  if (!credit) {
    const suffix = CREDIT_LABEL.exec(caption) ?? CREDIT_SYMBOL.exec(caption) ?? CREDIT_PARENTHESIS.exec(caption);
    if (suffix) {
      credit = text(suffix[1]);
      caption = caption.slice(0, suffix.index).trim();
    }
  }
  return { caption: caption || null, credit: credit || null };
}

/** How many of `paragraphs` (in document order) start before `image`; one holding the image is its own, after it. */
function paragraphsBefore(image: Element, paragraphs: readonly Element[]): number {
  let count = 0;
  for (const paragraph of paragraphs) {
    const position = paragraph.compareDocumentPosition(image);
    if (!(position & image.DOCUMENT_POSITION_FOLLOWING)) break;
    if (!(position & image.DOCUMENT_POSITION_CONTAINED_BY)) count++;
  }
  return count;
}

/**
 * The editorial images under `root` (an article body) in document order; `pageUrl` resolves relative addresses,
 * `paragraphs` are the body's narrated paragraph elements in order, which place each image. Each image left out
 * is reported to `onDrop` with the rule that dropped it; of one picture at several sizes the first in the text is kept.
 */
export function bodyImages(
  root: ParentNode,
  pageUrl: string,
  paragraphs: readonly Element[],
  onDrop?: (url: string, rule: DropRule) => void,
): BodyImage[] {
  const kept: BodyImage[] = [];
  const seen = new Set<string>();
  for (const element of root.querySelectorAll('img')) {
    const facts = factsOf(element, pageUrl);
    if (!facts) {
      onDrop?.(element.getAttribute('src') ?? '', 'not-web');
      continue;
    }
    const rule = markupRule(facts) ?? (seen.has(sameImageKey(facts.url)) ? 'duplicate' : null);
    if (rule) {
      onDrop?.(facts.url, rule);
      continue;
    }
    seen.add(sameImageKey(facts.url));
    kept.push({
      url: facts.url,
      width: facts.width,
      height: facts.height,
      ...captionAndCredit(element),
      paragraphIndex: paragraphsBefore(element, paragraphs),
    });
  }
  return kept;
}
