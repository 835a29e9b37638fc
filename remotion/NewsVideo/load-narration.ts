// narration.json reaches the composition over HTTP: in Studio from public/ (staticFile), in a render from the
// renderer's static server on 127.0.0.1. Every file it names is relative to it, so the same narration folder
// works in both. One fetch per URL per browser tab: calculateMetadata and the component share it.
import { type Narration, readNarration } from '../../src/contract/narration.ts';

/** A file named by narration.json (audio, lead image) or a relative logo URL, as an absolute URL. */
export function besideNarration(file: string, narrationSrc: string): string {
  return new URL(file, new URL(narrationSrc, window.location.href)).href;
}

const loaded = new Map<string, Promise<Narration>>();

async function fetchNarration(narrationSrc: string): Promise<Narration> {
  const url = new URL(narrationSrc, window.location.href).href;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Cannot load the narration ${url}: HTTP ${response.status}. Check narrationSrc.`);
  const json: unknown = await response.json();
  const { narration, problem } = readNarration(json);
  if (problem !== null) throw new Error(`The narration ${url} cannot be used: ${problem}.`);
  return narration;
}

export function loadNarration(narrationSrc: string): Promise<Narration> {
  let narration = loaded.get(narrationSrc);
  if (!narration) {
    narration = fetchNarration(narrationSrc);
    // A failed fetch is not remembered, so Studio can retry once the file is fixed.
    narration.catch(() => loaded.delete(narrationSrc));
    loaded.set(narrationSrc, narration);
  }
  return narration;
}
