// Word lists live in data/ as TSV files (one entry a line, tab-separated columns, `#` comments), read once when
// first needed, from disk next to this file: no network, and a list grows without touching code.
import { readFileSync } from 'node:fs';

const cache = new Map<string, string[][]>();
const maps = new Map<string, ReadonlyMap<string, string>>();

/** The rows of data/<name>, each split at tabs; blank lines and `#` comments left out. */
export function readTable(name: string): string[][] {
  let rows = cache.get(name);
  if (!rows) {
    const text = readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');
    rows = text
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.replace(/\r$/, '').split('\t'));
    cache.set(name, rows);
  }
  return rows;
}

/** data/<name> as a map from its first column to its second (built once). */
export function readMap(name: string): ReadonlyMap<string, string> {
  let map = maps.get(name);
  if (!map) {
    map = new Map(readTable(name).map((row) => [row[0]!, row[1] ?? '']));
    maps.set(name, map);
  }
  return map;
}
