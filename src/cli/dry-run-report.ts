// The dry run as an editor reads it: per Kokoro pass, the written text, what the voice reads, the symbols it is
// given, and each lexicon entry said there with the file:line it came from.
import type { DryRun } from '../pipeline/dry-run.ts';

export function dryRunReport({ language, locale, passages }: DryRun): string {
  const lines = [`${language}${locale ? ` (${locale})` : ''}: ${passages.length} passage(s), nothing synthesized`];
  passages.forEach((passage, index) => {
    lines.push(`passage ${index + 1} (${passage.tokenCount} tokens)`);
    lines.push(`  written:  ${passage.written.replace(/\s+/gu, ' ')}`);
    lines.push(`  spoken:   ${passage.spoken.replace(/\s+/gu, ' ')}`);
    lines.push(`  phonemes: ${passage.phonemes}`);
    for (const { entry } of passage.matches) {
      const said =
        'respelling' in entry.said ? entry.said.respelling : 'phonemes' in entry.said ? `/${entry.said.phonemes}/` : `@${entry.said.language}`;
      lines.push(`  lexicon:  ${entry.written} -> ${said} (${entry.origin})`);
    }
  });
  return `${lines.join('\n')}\n`;
}
