// Stand-ins for a page's photographs: real JPEGs made with sharp at the size the page asks for, each a different
// scene (seeded shapes over a textured gradient) with one subject, a skin-toned head over a red body, at a known place.
// Real photos cannot be fetched here (no image CDN is reachable); bench/focus-crop.ts measures real ones.
import sharp from 'sharp';

/** The grain's noise frequency (per pixel) and strength: the finest and strongest that kept smartcrop on each subject. */
const GRAIN_FREQUENCY = 0.4;
const GRAIN_OPACITY = 0.45;

/** A small deterministic generator, so every run draws the same scenes. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** The scene of `seed` at `width`x`height`, its subject centred at `subjectX` (a fraction of the width), as a JPEG. */
export async function standInPhoto(seed: number, width: number, height: number, subjectX: number): Promise<Buffer> {
  const next = random(seed * 7919 + 13);
  const hue = Math.floor(next() * 360);
  const shapes = Array.from({ length: 14 }, () => {
    const [x, y, w, h] = [next() * width, next() * height, (0.05 + next() * 0.3) * width, (0.05 + next() * 0.3) * height];
    const grey = Math.floor(40 + next() * 180);
    return `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="rgb(${grey},${grey},${grey})" opacity="0.8"/>`;
  });
  // Each scene's own grain, seeded noise a few pixels across: too fine for smartcrop, which looks at a copy some 256 px
  // across, and coarse enough to reach the video's frame. Without it the flat gradients of any two scenes look
  // alike to SSIM, and a video frame could pass for the wrong scene.
  const grain = `<filter id="n"><feTurbulence type="fractalNoise" baseFrequency="${GRAIN_FREQUENCY}" numOctaves="2" seed="${seed}"/><feColorMatrix type="saturate" values="0"/></filter>`;
  const head = Math.round(height * 0.14);
  const cx = Math.round(subjectX * width);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},25%,35%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},25%,60%)"/></linearGradient>
${grain}</defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}<rect width="100%" height="100%" filter="url(#n)" opacity="${GRAIN_OPACITY}"/>
<rect x="${cx - head}" y="${Math.round(height * 0.45)}" width="${head * 2}" height="${Math.round(height * 0.45)}" fill="#b3262e"/>
<circle cx="${cx}" cy="${Math.round(height * 0.33)}" r="${head}" fill="#e0ac8a"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
