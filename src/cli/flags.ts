// Flags shared by the commands that narrate (narrate, render): the text source and numeric options.
import { UserError } from '../errors.ts';
import type { NarrationSource } from '../pipeline/source.ts';

export interface SourceFlags {
  article?: string;
  title?: string;
  text?: string;
  file?: string;
  sample?: boolean;
}

export function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new UserError(`${flag} "${value}" is not a number`, `Pass a number to ${flag}`);
  return parsed;
}

/** Exactly one text source, from the flags shared by narrate and render. */
export function sourceFromFlags(input: string | undefined, flags: SourceFlags): NarrationSource {
  const sources = [flags.article !== undefined, flags.text !== undefined, flags.file !== undefined, input === '-', Boolean(flags.sample)].filter(Boolean).length;
  if (sources !== 1) {
    throw new UserError('Give exactly one text source', 'Use one of --article URL|PATH, --text "...", --file PATH, - (standard input) or --sample');
  }
  if (flags.title !== undefined && flags.text === undefined) throw new UserError('--title goes with --text', 'Pass the article body with --text');
  if (flags.article !== undefined) return { kind: 'article', location: flags.article };
  if (flags.text !== undefined) return { kind: 'text', text: flags.text, title: flags.title };
  if (flags.file !== undefined) return { kind: 'file', path: flags.file };
  if (flags.sample) return { kind: 'sample' };
  return { kind: 'stdin' };
}
