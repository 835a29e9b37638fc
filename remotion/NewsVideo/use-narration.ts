// The narration for the component, fetched under delayRender so no frame is captured before it is here.
import { useEffect, useState } from 'react';
import { cancelRender, continueRender, delayRender } from 'remotion';
import type { Narration } from '../../src/contract/narration.ts';
import { loadNarration } from './load-narration.ts';

export function useNarration(narrationSrc: string): Narration | null {
  const [narration, setNarration] = useState<Narration | null>(null);
  // Held from the very first render (an effect would run too late for the first screenshot).
  const [firstLoad] = useState(() => delayRender(`Loading the narration ${narrationSrc}`));
  useEffect(() => {
    let current = true;
    loadNarration(narrationSrc)
      .then((loaded) => current && setNarration(loaded), cancelRender)
      .finally(() => continueRender(firstLoad));
    return () => {
      current = false;
    };
  }, [narrationSrc, firstLoad]);
  return narration;
}
