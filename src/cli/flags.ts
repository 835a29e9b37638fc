// Flags shared by the commands that narrate (narrate, render): the text source, the voice and the model.
import { Option, type Command } from 'commander';
import { parseLocaleOption, SUPPORTED_LOCALES } from '../article/locale.ts';
import { UserError } from '../errors.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { readLexiconFiles } from '../lexicon/load.ts';
import { resolveLanguage, supportedLanguageCodes } from '../phonemes/languages.ts';
import { DEFAULT_LOUDNESS, LOUDNESS_TARGETS, type LoudnessTarget } from '../platform/loudness.ts';
import { validateSpeed } from '../pipeline/request.ts';
import type { NarrationSource } from '../pipeline/source.ts';

export interface SourceFlags {
  article?: string;
  title?: string;
  text?: string;
  file?: string;
  sample?: boolean;
}

export interface VoiceFlags {
  voice?: string;
  lang?: string;
  locale?: string;
  speed: string;
  model?: string;
  device: 'cpu' | 'cuda';
  lexicon: string[];
  verbose?: boolean;
}

/** The text source options: an article, text, a file, standard input or the sample, exactly one. */
export function addSourceOptions(command: Command): Command {
  return command
    .argument('[input]', '"-" to read the text from standard input')
    .option('--article <url-or-path>', 'a news article: http(s) URL, .html, .md or .txt file, or - for standard input')
    .option('--title <title>', "with --text: the article's title, read first")
    .option('--text <text>', 'the text to narrate')
    .option('--file <path>', 'a UTF-8 text or Markdown file to narrate')
    .option('--sample', 'the bundled sample article');
}

/** Voice, language, locale, speed, lexicons, model, device and verbosity. */
export function addVoiceOptions(command: Command): Command {
  return command
    .option('--voice <voice>', "Kokoro voice, or a blend like ef_dora:0.7,em_alex:0.3 (default: the language's voice)")
    .option('--lang <code>', `language: ${supportedLanguageCodes().join(', ')} (default: the article's, else es)`)
    .option(
      '--locale <locale>',
      `Spanish regional variant for numbers, money and dates: ${SUPPORTED_LOCALES.join(', ')} (default: the page's, else es-ES)`,
    )
    .option('--speed <factor>', 'speaking rate, 0.5 to 2.0', '1.0')
    .option(
      '--lexicon <file>',
      'a pronunciation lexicon (TSV, see README) over the default one; repeatable, later files win',
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .option('--model <path-or-url>', 'Kokoro ONNX model to use (default: found or fetched into model/)')
    .addOption(new Option('--device <device>', 'where onnxruntime runs the model').choices(['cpu', 'cuda']).default('cpu'))
    .option('--verbose', 'log every step');
}

/** The voice options, checked before any input is read (a bad lexicon line included). */
export function checkedVoiceOptions(flags: VoiceFlags): {
  language?: string;
  locale?: string;
  voice?: string;
  speed: number;
  lexicon: LexiconEntry[];
} {
  const speed = number('--speed', flags.speed);
  validateSpeed(speed);
  if (flags.lang !== undefined) resolveLanguage(flags.lang);
  return {
    language: flags.lang,
    locale: flags.locale === undefined ? undefined : parseLocaleOption(flags.locale),
    voice: flags.voice,
    speed,
    lexicon: readLexiconFiles(flags.lexicon, '--lexicon'),
  };
}

/** The shortest narration --max-seconds may ask for: a title and a sentence. */
const MIN_MAX_SECONDS = 5;

/** --loudness: the platform loudness of audio.mp3 and the video's sound (README: "Loudness"). */
export function addLoudnessOption(command: Command): Command {
  return command.addOption(
    new Option('--loudness <lufs>', 'integrated loudness of the sound, under -1 dBTP: -14 (YouTube, TikTok, Instagram), -16, -23 (EBU R128), or off')
      .choices([...LOUDNESS_TARGETS.map(String), 'off'])
      .default(String(DEFAULT_LOUDNESS)),
  );
}

export function checkedLoudness(value: string): LoudnessTarget | null {
  return value === 'off' ? null : (LOUDNESS_TARGETS.find((target) => String(target) === value) ?? DEFAULT_LOUDNESS);
}

/** --max-seconds: the narration (with render, the whole video) ends at the last whole sentence that fits. */
export function addLengthOption(command: Command): Command {
  return command.option('--max-seconds <n>', 'end at the last whole sentence that fits this length (keeps the title; see README)');
}

/** --max-seconds checked, or undefined when not given. */
export function checkedMaxSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = number('--max-seconds', value);
  if (seconds < MIN_MAX_SECONDS)
    throw new UserError(`--max-seconds ${value} is under ${MIN_MAX_SECONDS} s`, `Pass --max-seconds ${MIN_MAX_SECONDS} or more`);
  return seconds;
}

export function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new UserError(`${flag} "${value}" is not a number`, `Pass a number to ${flag}`);
  return parsed;
}

/** Exactly one text source, from the flags shared by narrate and render. */
export function sourceFromFlags(input: string | undefined, flags: SourceFlags): NarrationSource {
  const sources = [flags.article !== undefined, flags.text !== undefined, flags.file !== undefined, input === '-', Boolean(flags.sample)].filter(
    Boolean,
  ).length;
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
