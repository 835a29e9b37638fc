// The last pass: whatever digit or symbol no class claimed is read safely, so the voice never meets a bare symbol
// between words: digits one by one, a symbol by its name (data/symbols.tsv), decorative marks silently.
import { textAfter } from '../context.ts';
import { readMap } from '../data.ts';
import { spellDigits } from '../spelling.ts';
import { fixed, type Tagger } from '../tagger.ts';

const symbolNames = () => readMap('symbols.tsv');

// Marks a newsreader passes over, and what some symbols say outside an address.
const SILENT = new Set(['©', '®', '™', '*', '†', '‡', '•', '·', '¶', '§', '^', '`', '~', '|', '\\', '{', '}', '<', '>', '_']);
const IN_TEXT: Readonly<Record<string, string>> = {
  '&': 'y',
  '+': 'más',
  '=': 'igual a',
  '%': 'por ciento',
  '‰': 'por mil',
  '@': 'arroba',
  '°': 'grados',
  º: 'grados',
  '€': 'euros',
  $: 'dólares',
  '£': 'libras',
  '¥': 'yenes',
  '±': 'más menos',
  '×': 'por',
  '÷': 'entre',
  '/': ' ',
  '²': 'al cuadrado',
  '³': 'al cubo',
  ª: ' ',
};

/** Anything that is not a letter, space or the punctuation the phonemizer turns into pauses (º and ª are
 * letters to Unicode, but marks to the voice). */
export const UNSPEAKABLE = /[ºª]|[^\p{L}\p{M}\s.,;:!?¡¿'"«»“”‘’()[\]…—–-]/u;

export const leftoverTagger: Tagger = {
  semioticClass: 'leftover',
  pattern: fixed(/\d+|[ºª]|[^\p{L}\p{M}\s.,;:!?¡¿'"«»“”‘’()[\]…—–-]/gu),
  read: ([written], context) => {
    if (/^\d+$/.test(written!)) return spellDigits(written!);
    // "#1" is "número uno"; a "#" before anything else (a Markdown heading) is not read.
    if (written === '#') return /^\s?\d/.test(textAfter(context, 2)) ? 'número' : ' ';
    if (SILENT.has(written!)) return ' ';
    return IN_TEXT[written!] ?? symbolNames().get(written!) ?? ' ';
  },
};
