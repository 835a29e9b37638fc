// The fonts ship inside the bundle (the @fontsource packages' woff2 files), so a render never touches the
// network. Each weight comes as two files, latin and latin-ext, with the unicode ranges @fontsource gives them:
// latin alone covers á é í ó ú ü ñ ç ¿ ¡ « », latin-ext the rest of the European languages Kokoro speaks.
import { loadFont } from '@remotion/fonts';
import interLatin400 from '@fontsource/inter/files/inter-latin-400-normal.woff2';
import interLatinExt400 from '@fontsource/inter/files/inter-latin-ext-400-normal.woff2';
import interLatin700 from '@fontsource/inter/files/inter-latin-700-normal.woff2';
import interLatinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2';
import interLatin800 from '@fontsource/inter/files/inter-latin-800-normal.woff2';
import interLatinExt800 from '@fontsource/inter/files/inter-latin-ext-800-normal.woff2';
import slabLatin400 from '@fontsource/roboto-slab/files/roboto-slab-latin-400-normal.woff2';
import slabLatinExt400 from '@fontsource/roboto-slab/files/roboto-slab-latin-ext-400-normal.woff2';
import slabLatin700 from '@fontsource/roboto-slab/files/roboto-slab-latin-700-normal.woff2';
import slabLatinExt700 from '@fontsource/roboto-slab/files/roboto-slab-latin-ext-700-normal.woff2';
import type { FontFamily } from './families.ts';

// Copied from @fontsource's CSS (the same ranges Google Fonts uses for these subsets).
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const FILES: ReadonlyArray<{ family: FontFamily; weight: string; latin: string; latinExt: string }> = [
  { family: 'Inter', weight: '400', latin: interLatin400, latinExt: interLatinExt400 },
  { family: 'Inter', weight: '700', latin: interLatin700, latinExt: interLatinExt700 },
  { family: 'Inter', weight: '800', latin: interLatin800, latinExt: interLatinExt800 },
  { family: 'Roboto Slab', weight: '400', latin: slabLatin400, latinExt: slabLatinExt400 },
  { family: 'Roboto Slab', weight: '700', latin: slabLatin700, latinExt: slabLatinExt700 },
];

/** Load every bundled face; each load holds the render (delayRender) until its font is ready. */
export async function loadBundledFonts(): Promise<void> {
  await Promise.all(
    FILES.flatMap(({ family, weight, latin, latinExt }) => [
      loadFont({ family, weight, url: latin, unicodeRange: LATIN, format: 'woff2' }),
      loadFont({ family, weight, url: latinExt, unicodeRange: LATIN_EXT, format: 'woff2' }),
    ]),
  );
}
