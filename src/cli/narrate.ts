// npm run narrate -- (--text "..." | --file PATH | - | --sample) [--voice ef_dora] [--lang es] [--speed 1.0] [--out DIR]
import { Command, Option } from 'commander';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { TimingMethodSchema, type Article } from '../contract/narration.ts';
import { articleFromText, articleText, loadArticle } from '../article/load.ts';
import { UserError } from '../errors.ts';
import { narrationText, parsePlainArticle } from '../article/markdown.ts';
import { listVoices } from '../kokoro/voices.ts';
import { resolveLanguage, supportedLanguageCodes } from '../phonemes/languages.ts';
import { DEFAULT_MAX_CHARS, Narrator, validateRequest, validateSpeed, type NarrateRequest } from '../pipeline/narrator.ts';
import { writeNarrationFiles } from '../output/write-narration.ts';
import { DEFAULT_PHRASE_OPTIONS, validatePhraseOptions } from '../text/phrases.ts';
import { readStdin, readTextFile, SAMPLE_ARTICLE } from './input.ts';
import { createReporter } from './progress.ts';
import { runCommand } from './run.ts';

interface NarrateFlags {
  article?: string;
  title?: string;
  text?: string;
  file?: string;
  sample?: boolean;
  voice?: string;
  lang?: string;
  speed: string;
  out: string;
  device: 'cpu' | 'cuda';
  timing: string;
  wav?: boolean;
  seedCompat?: boolean;
  phraseSilenceMs: string;
  minPhraseChars: string;
  maxPhraseChars: string;
  maxChars: string;
  model?: string;
  listVoices?: boolean;
  verbose?: boolean;
}

function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new UserError(`${flag} "${value}" is not a number`, `Pass a number to ${flag}`);
  return parsed;
}

/**
 * Every option that does not depend on the text, parsed and checked before any input is read or fetched and
 * long before synthesis, so a typo costs a second, not minutes of work.
 */
function checkedOptions(flags: NarrateFlags): Omit<NarrateRequest, 'text' | 'language' | 'voice'> {
  const speed = number('--speed', flags.speed);
  validateSpeed(speed);
  if (flags.lang !== undefined) resolveLanguage(flags.lang);
  const phraseSilenceMs = number('--phrase-silence-ms', flags.phraseSilenceMs);
  if (phraseSilenceMs < 0) throw new UserError(`--phrase-silence-ms ${phraseSilenceMs} is negative`, 'Pass 0 or more milliseconds of silence between phrases');
  const phrases = { minChars: number('--min-phrase-chars', flags.minPhraseChars), maxChars: number('--max-phrase-chars', flags.maxPhraseChars) };
  validatePhraseOptions(phrases);
  const maxChars = number('--max-chars', flags.maxChars);
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new UserError(`--max-chars ${maxChars} is not a positive whole number`, `Pass a limit such as --max-chars ${DEFAULT_MAX_CHARS}`);
  return { speed, timing: TimingMethodSchema.parse(flags.timing), phraseSilenceMs, phrases, maxChars };
}

interface NarrationInput {
  text: string;
  article?: Article;
}

async function readInput(input: string | undefined, flags: NarrateFlags): Promise<NarrationInput> {
  const sources = [flags.article !== undefined, flags.text !== undefined, flags.file !== undefined, input === '-', Boolean(flags.sample)].filter(Boolean).length;
  if (sources !== 1) {
    throw new UserError('Give exactly one text source', 'Use one of --article URL|PATH, --text "...", --file PATH, - (standard input) or --sample');
  }
  if (flags.title !== undefined && flags.text === undefined) throw new UserError('--title goes with --text', 'Pass the article body with --text');
  if (flags.article !== undefined || flags.title !== undefined) {
    const article =
      flags.article !== undefined
        ? await loadArticle(flags.article, { language: flags.lang, readStdin })
        : articleFromText(flags.title!, flags.text!, flags.lang);
    return { text: articleText(article), article };
  }
  return { text: await readText(input, flags) };
}

async function readText(input: string | undefined, flags: NarrateFlags): Promise<string> {
  if (flags.text !== undefined) return flags.text;
  if (flags.file !== undefined) {
    const source = await readTextFile(flags.file);
    return /\.(md|markdown)$/i.test(flags.file) ? narrationText(parsePlainArticle(source, true)) : source;
  }
  if (flags.sample) return narrationText(parsePlainArticle(await readFile(SAMPLE_ARTICLE, 'utf8'), true));
  return readStdin();
}

async function main(): Promise<void> {
  const program = new Command('narrate')
    .description('Narrate a text with Kokoro-82M: MP3 plus word, phrase and sentence timestamps and subtitles')
    .argument('[input]', '"-" to read the text from standard input')
    .option('--article <url-or-path>', 'a news article: http(s) URL, .html, .md or .txt file, or - for standard input')
    .option('--title <title>', 'with --text: the article\'s title, read first')
    .option('--text <text>', 'the text to narrate')
    .option('--file <path>', 'a UTF-8 text or Markdown file to narrate')
    .option('--sample', 'narrate the bundled sample article')
    .option('--voice <voice>', 'Kokoro voice, or a blend like ef_dora:0.7,em_alex:0.3 (default: the language\'s voice)')
    .option('--lang <code>', `language: ${supportedLanguageCodes().join(', ')} (default: the article's, else es)`)
    .option('--speed <factor>', 'speaking rate, 0.5 to 2.0', '1.0')
    .option('--out <dir>', 'output folder', 'out/narration')
    .addOption(new Option('--device <device>', 'where onnxruntime runs the model').choices(['cpu', 'cuda']).default('cpu'))
    .addOption(new Option('--timing <method>', 'exact (from the model\'s durations) or calibrated (the seed\'s method)').choices(TimingMethodSchema.options).default('exact'))
    .option('--wav', 'also write audio.wav')
    .option('--seed-compat', 'also write the seed\'s unico_directo.mp3 and timestamps_corregidos.json')
    .option('--phrase-silence-ms <ms>', 'calibrated timing: silence between phrases in the baseline timeline', '0')
    .option('--min-phrase-chars <n>', 'phrases shorter than this join the next one', String(DEFAULT_PHRASE_OPTIONS.minChars))
    .option('--max-phrase-chars <n>', 'phrases longer than this are cut at commas, then words', String(DEFAULT_PHRASE_OPTIONS.maxChars))
    .option('--max-chars <n>', 'refuse texts longer than this', String(DEFAULT_MAX_CHARS))
    .option('--model <path-or-url>', 'Kokoro ONNX model to use (default: found or fetched into model/)')
    .option('--list-voices', 'print the available voices and exit')
    .option('--verbose', 'log every step')
    .exitOverride()
    .configureOutput({ writeErr: (line) => process.stderr.write(line) });
  program.parse();
  const flags = program.opts<NarrateFlags>();
  if (flags.listVoices) {
    const voices = await listVoices();
    if (voices.length === 0) throw new UserError('No voices found', 'Put voices-v1.0.bin in model/ or set KOKORO_VOICES_DIR');
    process.stdout.write(`${voices.join('\n')}\n`);
    return;
  }
  const options = checkedOptions(flags);
  const reporter = createReporter(Boolean(flags.verbose));
  const input = await readInput(program.args[0], flags);
  const language = resolveLanguage(flags.lang ?? input.article?.language ?? 'es');
  const request: NarrateRequest = { ...options, text: input.text, language: language.code, voice: flags.voice ?? language.defaultVoice };
  validateRequest(request);
  const voiceNote = flags.voice ? `voice ${request.voice}` : `voice ${request.voice} (the default for ${language.code})`;
  const narrator = new Narrator({
    device: flags.device,
    model: flags.model,
    log: (line) => reporter.log(line),
    warn: (line) => reporter.warn(line),
    onDownloadProgress: (done, total) => reporter.bytes('download', done, total),
  });
  try {
    const result = await narrator.narrate(request, ({ stage, done, total }) => reporter.progress(stage, done, total));
    const narration = await writeNarrationFiles(path.resolve(flags.out), result, {
      wav: flags.wav,
      seedCompat: flags.seedCompat,
      article: input.article,
    });
    reporter.stop();
    const factor = narration.calibration ? `, calibration factor ${narration.calibration.scalingFactor.toFixed(4)}` : '';
    process.stdout.write(
      `${path.join(flags.out, 'narration.json')}: ${(narration.audio.durationMs / 1000).toFixed(1)} s, ${narration.words.length} words, ` +
        `${narration.chunks.length} Kokoro passes, ${voiceNote}${factor}\n`,
    );
  } finally {
    reporter.stop();
    await narrator.release();
  }
}

await runCommand(main);
