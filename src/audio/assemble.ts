/** Lay chunk audio at its offsets in one buffer; the samples between chunks stay silent. */
export function assembleAudio(parts: readonly Float32Array[], offsets: readonly number[], totalSamples: number): Float32Array {
  const audio = new Float32Array(totalSamples);
  parts.forEach((samples, index) => audio.set(samples, offsets[index]!));
  return audio;
}
