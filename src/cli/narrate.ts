// npm run narrate -- (--text "..." | --file PATH | - | --sample) [--voice ef_dora] [--lang es] [--speed 1.0] [--out DIR]
// npm run narrate -- --say "..." | (a source) --dry-run: print what the voice would be given, synthesize nothing
import { Command, Option } from 'commander';
import path from 'node:path';
import { TIMING_METHODS, type TimingMethod } from '../contract/timing-method.ts';
import { UserError } from '../errors.ts';
import { dryRun } from '../pipeline/dry-run.ts';
import type { NarrationJob } from '../pipeline/narrate-folder.ts';
import { DEFAULT_MAX_CHARS } from '../contract/narration-limits.ts';
import { DEFAULT_PHRASE_OPTIONS, validatePhraseOptions } from '../text/phrases.ts';
import {
  addLengthOption,
  addSourceOptions,
  addVoiceOptions,
  checkedMaxSeconds,
  checkedVoiceOptions,
  number,
  type SourceFlags,
  sourceFromFlags,
  type VoiceFlags,
  addLoudnessOption,
  checkedLoudness,
} from './flags.ts';
import { dryRunReport } from './dry-run-report.ts';
import { addMediaOption, checkedMedia } from './media-flag.ts';
import { parseOptions, runCommand } from './run.ts';

interface NarrateFlags extends SourceFlags, VoiceFlags {
  out: string;
  /** One of TIMING_METHODS: commander's choices() admit nothing else. */
  timing: TimingMethod;
  wav?: boolean;
  seedCompat?: boolean;
  phraseSilenceMs: string;
  minPhraseChars: string;
  maxPhraseChars: string;
  maxChars: string;
  maxSeconds?: string;
  loudness: string;
  listVoices?: boolean;
  say?: string;
  dryRun?: boolean;
  media?: string[];
}

/**
 * Every option that does not depend on the text, parsed and checked before any input is read or fetched and
 * long before synthesis, so a typo costs a second, not minutes of work.
 */
const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

function checkedOptions(flags: NarrateFlags): Omit<NarrationJob, 'source'> {
  const phraseSilenceMs = number('--phrase-silence-ms', flags.phraseSilenceMs);
  if (phraseSilenceMs < 0)
    throw new UserError(`--phrase-silence-ms ${phraseSilenceMs} is negative`, 'Pass 0 or more milliseconds of silence between phrases');
  const phrases = { minChars: number('--min-phrase-chars', flags.minPhraseChars), maxChars: number('--max-phrase-chars', flags.maxPhraseChars) };
  validatePhraseOptions(phrases);
  const maxChars = number('--max-chars', flags.maxChars);
  if (!Number.isInteger(maxChars) || maxChars < 1)
    throw new UserError(`--max-chars ${maxChars} is not a positive whole number`, `Pass a limit such as --max-chars ${DEFAULT_MAX_CHARS}`);
  return {
    ...checkedVoiceOptions(flags),
    timing: flags.timing,
    phraseSilenceMs,
    phrases,
    maxChars,
    maxMs: seconds(checkedMaxSeconds(flags.maxSeconds)),
    loudness: checkedLoudness(flags.loudness),
    wav: flags.wav,
    seedCompat: flags.seedCompat,
    userMedia: checkedMedia(flags.media),
  };
}

async function main(): Promise<void> {
  const program = addMediaOption(addLoudnessOption(addLengthOption(addVoiceOptions(addSourceOptions(new Command('narrate'))))))
    .description('Narrate a text with Kokoro-82M: MP3 plus word, phrase and sentence timestamps and subtitles')
    .option('--out <dir>', 'output folder', 'out/narration')
    .addOption(
      new Option('--timing <method>', "exact (from the model's durations) or calibrated (the seed's method)")
        .choices(TIMING_METHODS)
        .default('exact'),
    )
    .option('--wav', 'also write audio.wav')
    .option('--seed-compat', "also write the seed's unico_directo.mp3 and timestamps_corregidos.json")
    .option('--phrase-silence-ms <ms>', 'calibrated timing: silence between phrases in the baseline timeline', '0')
    .option('--min-phrase-chars <n>', 'phrases shorter than this join the next one', String(DEFAULT_PHRASE_OPTIONS.minChars))
    .option('--max-phrase-chars <n>', 'phrases longer than this are cut at commas, then words', String(DEFAULT_PHRASE_OPTIONS.maxChars))
    .option('--max-chars <n>', 'refuse texts longer than this', String(DEFAULT_MAX_CHARS))
    .option('--list-voices', 'print the available voices and exit')
    .option('--say <text>', 'print what the voice would be given for this text (spoken form, phonemes, lexicon entries) and exit')
    .option('--dry-run', 'print what the voice would be given for the source, passage by passage, and exit: nothing is synthesized');
  const flags = parseOptions<NarrateFlags>(program);
  if (flags.listVoices) {
    const { listVoices } = await import('../kokoro/voices.ts');
    const voices = await listVoices();
    if (voices.length === 0) throw new UserError('No voices found', 'Put voices-v1.0.bin in model/ or set KOKORO_VOICES_DIR');
    process.stdout.write(`${voices.join('\n')}\n`);
    return;
  }
  const options = checkedOptions(flags);
  if (flags.say !== undefined && flags.text !== undefined) throw new UserError('--say and --text both give the text', 'Pass one of them');
  // --say is a text source that is only ever dry-run.
  const source = sourceFromFlags(program.args[0], flags.say === undefined ? flags : { ...flags, text: flags.say });
  const job: NarrationJob = { source, ...options };
  if (flags.dryRun || flags.say !== undefined) {
    process.stdout.write(dryRunReport(await dryRun(job)));
    return;
  }
  // The synthesis modules (the Kokoro engine, the output writers, the progress bar) are loaded only here: a dry
  // run, which an editor repeats to check one lexicon entry, does not pay for them.
  const [{ Narrator }, { publishFolder }, { narrateIntoFolder }, { createReporter }] = await Promise.all([
    import('../pipeline/narrator.ts'),
    import('../output/publish.ts'),
    import('../pipeline/narrate-folder.ts'),
    import('./progress.ts'),
  ]);
  const reporter = createReporter(Boolean(flags.verbose));
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
