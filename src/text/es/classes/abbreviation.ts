// Abbreviations from data/abbreviations.tsv: "Sr." -> "señor", "art." -> "artículo", "CC. AA." -> "comunidades
// autónomas". A title ("Sr.", "Avda.") is one only before a name, and its period never ends a sentence; any
// other abbreviation that closes a sentence keeps the sentence's full stop.
import { readTable } from '../data.ts';
import { endsSentence, textAfter } from '../context.ts';
import { escapePattern, fixed, type Tagger } from '../tagger.ts';

interface Abbreviation {
  spoken: string;
  /** "title": said only before a name ("Sr."); "number": said only before a number ("inc 3", "Inc. 3", while
   * "Apple Inc." stays); "plain": anywhere. */
  kind: 'title' | 'number' | 'plain';
}

let table: ReadonlyMap<string, Abbreviation> | undefined;
const abbreviations = () =>
  (table ??= new Map(
    readTable('abbreviations.tsv').map(([written, spoken, kind]) => [
      written!,
      { spoken: spoken!, kind: kind === 'title' || kind === 'number' ? kind : 'plain' },
    ]),
  ));

export const abbreviationTagger: Tagger = {
  semioticClass: 'abbreviation',
  // The start-of-word check stands once before the alternatives, not in each of them: compiling a \p{L} class per
  // abbreviation cost about 0.1 s on the first text of every process (a dry run included).
  pattern: fixed(
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${[...abbreviations().keys()]
        .sort((a, b) => b.length - a.length)
        .map((written) => `${escapePattern(written).replace(/ /g, '\\s?')}${/[\p{L}]$/u.test(written) ? '(?![\\p{L}])' : ''}`)
        .join('|')})`,
      'gu',
    ),
  ),
  read: ([written], context) => {
    const key = [...abbreviations().keys()].find((candidate) => candidate.replace(/ /g, '') === written!.replace(/\s/g, ''));
    const abbreviation = key === undefined ? undefined : abbreviations().get(key);
    if (!abbreviation) return undefined;
    const after = textAfter(context);
    if (abbreviation.kind === 'number') {
      // "Apple Inc. 3 veces": after a company's name it is the company's, number or not.
      const afterName = /\p{Lu}\p{Ll}+\s$/u.test(context.text.slice(Math.max(0, context.start - 30), context.start));
      return /^\s?\d/.test(after) && !afterName ? abbreviation.spoken : undefined;
    }
    if (abbreviation.kind === 'title') {
      // A title stands before a name: "Sr. Rodríguez", "Avda. de la Paz", "da. ana" (lowercase only for a lowercase title).
      const next = /^\s+(\p{L}+)/u.exec(after)?.[1];
      if (!next) return undefined;
      if (/^\p{Lu}/u.test(key!) && next === next.toLowerCase() && !/^(?:de|del|la|los|las)$/.test(next)) return undefined;
      return abbreviation.spoken;
    }
    return endsSentence(written!, context) ? `${abbreviation.spoken}.` : abbreviation.spoken;
  },
};
