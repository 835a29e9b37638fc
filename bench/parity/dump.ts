// Our side of the parity check: for a Spanish corpus, the Kokoro token ids our phonemizer makes (from the
// spoken form, which both sides get), and for the first sentences the waveform our onnxruntime-node makes and
// where our port of create()'s silence trim cuts it.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from '../../src/cli/run.ts';
import { trimmedBounds } from '../../src/audio/trim.ts';
import { chunkWords } from '../../src/kokoro/chunks.ts';
import { Narrator } from '../../src/pipeline/narrator.ts';
import { toSpokenText } from '../../src/text/spoken-form.ts';
import { speakSpanish } from '../../src/text/es/spoken-es.ts';

const WAVEFORM_CASES = 3;

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? path.join(import.meta.dirname, '.work');
  await mkdir(outDir, { recursive: true });
  const sentences = (await readFile(path.join(import.meta.dirname, 'corpus.txt'), 'utf8')).split('\n').filter(Boolean);
  const narrator = new Narrator({ device: 'cpu' });
  const corpus = [];
  for (const [index, text] of sentences.entries()) {
    const spoken = toSpokenText(text, speakSpanish).spoken;
    const words = await narrator.phonemizeText(text, 'es');
    const [chunk] = chunkWords(words);
    const entry: Record<string, unknown> = { text, spoken, tokenIds: chunk!.tokenIds };
    if (index < WAVEFORM_CASES) {
      const [pass] = await narrator.synthesizeWords(words, 'ef_dora', 1);
      const file = path.join(outDir, `waveform-${index}.f32`);
      await writeFile(file, Buffer.from(pass!.samples.buffer, pass!.samples.byteOffset, pass!.samples.byteLength));
      entry.waveform = file;
      entry.trim = trimmedBounds(pass!.samples);
    }
    corpus.push(entry);
  }
  await narrator.release();
  await writeFile(path.join(outDir, 'ours.json'), JSON.stringify({ corpus }, null, 1));
}

await runCommand(main);
