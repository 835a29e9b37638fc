// Where a text says lexicon entries: whole words only, the longest entry at a place winning and, between entries
// of the same length, the later one (a user's file over the shipped one, --lexicon over both). Entries are found
// by their first word, so a long list costs a map lookup a word, not a scan of the text per entry.
import type { SaidAs } from '../text/spoken-form.ts';
import type { LexiconEntry } from './entry.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const REGEXP_SYNTAX = /[\^$\\.*+?()[\]{}|/]/gu;

export interface LexiconMatch {
  start: number;
  end: number;
  entry: LexiconEntry;
}

interface Candidate {
  pattern: RegExp;
  entry: LexiconEntry;
  rank: number;
}

function patternOf(entry: LexiconEntry): RegExp {
  const source = entry.written
    .split(' ')
    .map((word) => word.replace(REGEXP_SYNTAX, '\\$&'))
    .join('\\s+');
  return new RegExp(source, entry.caseSensitive ? 'uy' : 'iuy');
}

export class Lexicon {
  private readonly byFirstWord = new Map<string, Candidate[]>();

  constructor(entries: readonly LexiconEntry[]) {
    entries.forEach((entry, rank) => {
      const key = entry.written.match(WORD)![0].toLowerCase();
      const candidates = this.byFirstWord.get(key) ?? [];
      candidates.push({ pattern: patternOf(entry), entry, rank });
      this.byFirstWord.set(key, candidates);
    });
  }

  /** The entries the text says, in order, none overlapping. */
  matches(written: string): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    if (this.byFirstWord.size === 0) return found;
    let cursor = 0;
    for (const word of written.matchAll(WORD)) {
      if (word.index < cursor) continue;
      let best: { end: number; rank: number; entry: LexiconEntry } | undefined;
      for (const { pattern, entry, rank } of this.byFirstWord.get(word[0].toLowerCase()) ?? []) {
        pattern.lastIndex = word.index;
        const match = pattern.exec(written);
        if (!match) continue;
        const end = word.index + match[0].length;
        if (WORD_CHARACTER.test(written[end] ?? '')) continue;
        if (!best || end > best.end || (end === best.end && rank > best.rank)) best = { end, rank, entry };
      }
      if (best) {
        found.push({ start: word.index, end: best.end, entry: best.entry });
        cursor = best.end;
      }
    }
    return found;
  }
}

/** What each match has the voice say: its respelling, or its written form heard as the entry's phonemes or language. */
export function saidAs(written: string, matches: readonly LexiconMatch[]): SaidAs[] {
  return matches.map(({ start, end, entry }) =>
    'respelling' in entry.said ? { start, end, spoken: entry.said.respelling } : { start, end, spoken: written.slice(start, end), heard: entry.said },
  );
}
