// A lexicon file: one entry a line, tab-separated, `#` at a line's start or after white space starting a comment
// ("C#" stays a name):
//   Reuters<TAB>róiters
//   Meta<TAB>méta<TAB>case
//   Nvidia<TAB>/enbˈidja/
//   Washington<TAB>@en<TAB>case      (read by eSpeak's English voice, its phonemes given to the narration's voice)
// A bad line is refused with its file:line and the fix, since an editor fixes the file, not the code.
import { UserError } from '../errors.ts';
import { unknownSymbols } from '../phonemes/kokoro-vocab.ts';
import { findLanguage, supportedLanguageCodes } from '../phonemes/languages.ts';
import type { LexiconEntry } from './entry.ts';

const STARTS_WITH_WORD_CHARACTER = /^[\p{L}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;
const PHONEMES = /^\/(.*)\/$/su;
const LANGUAGE = /^@(\S+)$/u;
const CASE_FLAG = 'case';
const SHAPE =
  'Write the written form, a tab, how it is said (a respelling, Kokoro phonemes between slashes, or @ and the language whose voice reads it), and optionally a tab and "case"';

const COMMENT = /(?:^|\s)#.*$/su;

/** The fields of a line before its comment, trimmed; none for a blank or comment line. Tabs may repeat, to align. */
function fields(line: string): string[] {
  const content = line.replace(COMMENT, '');
  if (content.trim() === '') return [];
  const [first = '', ...rest] = content.split('\t').map((cell) => cell.trim());
  return [first, ...rest.filter((cell) => cell !== '')];
}

function said(cell: string, where: string, written: string): LexiconEntry['said'] {
  const languageCode = LANGUAGE.exec(cell)?.[1];
  if (languageCode !== undefined) {
    const language = findLanguage(languageCode);
    if (!language)
      throw new UserError(
        `${where}: "${written}" is to be read in "${languageCode}", a language Kokoro cannot speak here`,
        `Write @ and one of: ${supportedLanguageCodes().join(', ')} (or en, pt)`,
      );
    return { language: language.code };
  }
  const phonemes = PHONEMES.exec(cell)?.[1];
  if (phonemes === undefined) {
    if (!HAS_LETTER.test(cell)) throw new UserError(`${where}: "${written}" is said as "${cell}", which has no letter`, SHAPE);
    return { respelling: cell.replace(/\s+/gu, ' ') };
  }
  const symbols = phonemes.trim().replace(/\s+/gu, ' ');
  if (symbols === '')
    throw new UserError(`${where}: "${written}" has empty phonemes //`, 'Put Kokoro symbols between the slashes, or write a respelling');
  const unknown = unknownSymbols(symbols);
  if (unknown.length > 0) {
    const listed = unknown.map((symbol) => `"${symbol}" (U+${symbol.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    throw new UserError(
      `${where}: the phonemes of "${written}" have symbols Kokoro does not know: ${listed}`,
      'Use only the symbols of src/phonemes/kokoro-vocab.json (ɡ, not g; ʧ for tʃ), or write a respelling',
    );
  }
  return { phonemes: symbols };
}

export function parseLexicon(text: string, file: string): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  text.split(/\r?\n/u).forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    const cells = fields(line);
    if (cells.length === 0) return;
    const [written = '', spoken, flag, ...rest] = cells;
    if (spoken === undefined) {
      const hint = /\s/u.test(written) ? ' (no tab: columns are separated by tabs, not spaces)' : '';
      throw new UserError(`${where}: "${written}" has no pronunciation${hint}`, SHAPE);
    }
    if (!STARTS_WITH_WORD_CHARACTER.test(written))
      throw new UserError(
        `${where}: "${written}" does not start with a letter or digit`,
        'Entries match whole words: start the written form with one',
      );
    if ((flag !== undefined && flag !== CASE_FLAG) || rest.length > 0)
      throw new UserError(
        `${where}: "${written}" has an unknown third column "${[flag, ...rest].join('\t')}"`,
        `The only option is "${CASE_FLAG}" (match the written case exactly)`,
      );
    entries.push({
      written: written.normalize('NFC').replace(/\s+/gu, ' '),
      said: said(spoken.normalize('NFC'), where, written),
      caseSensitive: flag === CASE_FLAG,
      origin: where,
    });
  });
  return entries;
}
