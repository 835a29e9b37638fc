// npm run narrate -- (--text "..." | --file PATH | - | --sample) [--voice ef_dora] [--lang es] [--speed 1.0] [--out DIR]
import { Command, Option } from 'commander';
import path from 'node:path';
import { TimingMethodSchema } from '../contract/narration.ts';
import { UserError } from '../errors.ts';
import { number, sourceFromFlags, type SourceFlags } from './flags.ts';
import { listVoices } from '../kokoro/voices.ts';
import { supportedLanguageCodes } from '../phonemes/languages.ts';
import { publishFolder } from '../output/publish.ts';
import { narrateIntoFolder, type NarrationJob } from '../pipeline/narrate-folder.ts';
import { DEFAULT_MAX_CHARS, Narrator } from '../pipeline/narrator.ts';
import { DEFAULT_PHRASE_OPTIONS } from '../text/phrases.ts';
import { createReporter } from './progress.ts';
import { runCommand } from './run.ts';
import { parseLocaleOption, SUPPORTED_LOCALES } from '../article/locale.ts';

interface NarrateFlags extends SourceFlags {
  voice?: string;
  lang?: string;
  locale?: string;
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
    .option('--locale <locale>', `Spanish regional variant for numbers, money and dates: ${SUPPORTED_LOCALES.join(', ')} (default: the page's, else es-ES)`)
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
  const reporter = createReporter(Boolean(flags.verbose));
  const job: NarrationJob = {
    source: sourceFromFlags(program.args[0], flags),
    language: flags.lang,
    locale: flags.locale === undefined ? undefined : parseLocaleOption(flags.locale),
    voice: flags.voice,
    speed: number('--speed', flags.speed),
    timing: TimingMethodSchema.parse(flags.timing),
    phraseSilenceMs: number('--phrase-silence-ms', flags.phraseSilenceMs),
    phrases: { minChars: number('--min-phrase-chars', flags.minPhraseChars), maxChars: number('--max-phrase-chars', flags.maxPhraseChars) },
    maxChars: number('--max-chars', flags.maxChars),
    wav: flags.wav,
    seedCompat: flags.seedCompat,
  };
  const narrator = new Narrator({
    device: flags.device,
    model: flags.model,
    log: (line) => reporter.log(line),
    warn: (line) => reporter.warn(line),
    onDownloadProgress: (done, total) => reporter.bytes('download', done, total),
  });
  try {
    const narration = await publishFolder(path.resolve(flags.out), (folder) =>
      narrateIntoFolder(narrator, job, folder, {
        onProgress: ({ stage, done, total }) => reporter.progress(stage, done, total),
        warn: (line) => reporter.warn(line),
      }),
    );
    reporter.stop();
    const voiceNote = flags.voice ? `voice ${narration.voice}` : `voice ${narration.voice} (the default for ${narration.language})`;
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
