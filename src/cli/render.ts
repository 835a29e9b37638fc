// npm run render -- (--article URL|PATH | --text ... | --file PATH | - | --sample | --from DIR) [--format landscape|vertical|square|all]
//   [--voice ef_dora] [--fps 30] [--concurrency N] [--scale 1] [--render-mode distinct|full] [--out DIR] [--music FILE]
// Narrates exactly as `narrate` does, then renders the video with Remotion; the out folder appears whole.
import { Command, Option } from 'commander';
import path from 'node:path';
import { FpsSchema, VIDEO_FORMATS, VideoFormatSchema, type VideoFormat } from '../contract/video.ts';
import { UserError } from '../errors.ts';
import { DEFAULT_MAX_MINUTES, type MusicRequest, VideoProducer } from '../render/produce.ts';
import { DEFAULT_MUSIC_LEVELS, MUSIC_DUCK_RANGE_DB, MUSIC_LEVEL_RANGE_DB } from '../platform/music-bed.ts';
import { RENDER_MODES, type RenderMode } from '../render/render-video.ts';
import {
  addSourceOptions,
  addVoiceOptions,
  checkedVoiceOptions,
  number,
  sourceFromFlags,
  type SourceFlags,
  type VoiceFlags,
  addLengthOption,
  checkedMaxSeconds,
  addLoudnessOption,
  checkedLoudness,
} from './flags.ts';
import { PLATFORM_PRESETS, PLATFORMS, type Platform } from '../platform/presets.ts';
import { addMediaOption, checkedMedia } from './media-flag.ts';
import { createReporter } from './progress.ts';
import { parseOptions, runCommand } from './run.ts';

interface RenderFlags extends SourceFlags, VoiceFlags {
  from?: string;
  format?: string;
  fps: string;
  concurrency?: string;
  scale: string;
  renderMode: RenderMode;
  out?: string;
  props?: string;
  browser?: string;
  maxMinutes: string;
  maxSeconds?: string;
  loudness: string;
  music?: string;
  musicLevel: string;
  musicDuck: string;
  for?: Platform;
  force?: boolean;
  media?: string[];
}

export function parseFormats(value: string): VideoFormat[] {
  if (value === 'all') return [...VIDEO_FORMATS];
  const formats = value.split(',').map((part) => part.trim());
  for (const format of formats) {
    if (!VideoFormatSchema.safeParse(format).success) {
      throw new UserError(`Unknown format "${format}"`, `Pass --format ${VIDEO_FORMATS.join(', ')} or all`);
    }
  }
  return [...new Set(formats as VideoFormat[])];
}

function parseProps(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  let props: unknown;
  try {
    props = JSON.parse(json);
  } catch {
    throw new UserError('--props is not valid JSON', `Pass an object, e.g. --props '{"highlightColor":"#ffcc00"}'`);
  }
  if (typeof props !== 'object' || props === null || Array.isArray(props))
    throw new UserError('--props is not a JSON object', `Pass an object, e.g. --props '{"highlightColor":"#ffcc00"}'`);
  return props as Record<string, unknown>;
}

function checkedMusic(flags: RenderFlags): MusicRequest | undefined {
  if (flags.music === undefined) return undefined;
  const levelDb = number('--music-level', flags.musicLevel);
  const duckDb = number('--music-duck', flags.musicDuck);
  for (const [flag, value, range, example] of [
    ['--music-level', levelDb, MUSIC_LEVEL_RANGE_DB, DEFAULT_MUSIC_LEVELS.levelDb],
    ['--music-duck', duckDb, MUSIC_DUCK_RANGE_DB, DEFAULT_MUSIC_LEVELS.duckDb],
  ] as const) {
    if (!(value >= range.min && value <= range.max))
      throw new UserError(`${flag} ${value} is not between ${range.min} and ${range.max}`, `Pass ${flag} ${example}, for example`);
  }
  return { file: path.resolve(flags.music), levels: { levelDb, duckDb } };
}

async function main(): Promise<void> {
  const program = addMediaOption(addLoudnessOption(addLengthOption(addVoiceOptions(addSourceOptions(new Command('render'))))))
    .description('Narrate a news article with Kokoro-82M and render it as an MP4 with word-synchronized subtitles')
    .option('--from <dir>', 'render an existing narration folder again, with no synthesis')
    .addOption(new Option('--for <platform>', 'a platform preset: its format and length (see README)').choices(PLATFORMS))
    .option('--format <format>', `${VIDEO_FORMATS.join(', ')}, a comma-separated list, or all (default: landscape, or the --for platform's)`)
    .option('--fps <n>', 'frames per second: 25, 30 or 60', '30')
    .option('--concurrency <n>', "browser tabs rendering at once (default: Remotion's choice)")
    .option('--scale <factor>', 'render at this fraction of full size (0.5: 1080p becomes 540p)', '1')
    .addOption(
      new Option('--render-mode <mode>', 'distinct: each distinct picture once, held by ffmpeg; full: every frame by Remotion')
        .choices(RENDER_MODES)
        .default('distinct'),
    )
    .option('--out <dir>', 'output folder (default: out/video, or the --from folder)')
    .option('--props <json>', 'composition props over the defaults (style, brand, closing card), as JSON')
    .option('--browser <path>', 'Chromium or Chrome executable (default: found, see README)')
    .option('--max-minutes <n>', 'refuse longer videos unless --force', String(DEFAULT_MAX_MINUTES))
    .option('--force', 'render even over --max-minutes')
    .option('--music <file>', 'a music bed under the voice: looped or trimmed to the video, ducked while the voice speaks')
    .option('--music-level <lu>', "the music's loudness where nobody speaks, relative to the voice", String(DEFAULT_MUSIC_LEVELS.levelDb))
    .option('--music-duck <db>', 'how much further down the music goes while the voice speaks', String(DEFAULT_MUSIC_LEVELS.duckDb));
  const flags = parseOptions<RenderFlags>(program);
  const preset = flags.for === undefined ? undefined : PLATFORM_PRESETS[flags.for];
  const formats = parseFormats(flags.format ?? preset?.format ?? 'landscape');
  const maxSeconds = checkedMaxSeconds(flags.maxSeconds) ?? preset?.maxSeconds;
  if (flags.from !== undefined && maxSeconds !== undefined)
    throw new UserError(
      '--max-seconds (or --for) shortens a new narration; --from renders one as it is',
      'Narrate again with --max-seconds, or drop it',
    );
  const fps = FpsSchema.safeParse(number('--fps', flags.fps));
  if (!fps.success) throw new UserError(`--fps ${flags.fps} is not supported`, 'Pass --fps 25, 30 or 60');
  const scale = number('--scale', flags.scale);
  if (!(scale > 0 && scale <= 2)) throw new UserError(`--scale ${flags.scale} is outside 0-2`, 'Pass a factor such as 0.5 or 1');
  const concurrency = flags.concurrency === undefined ? null : number('--concurrency', flags.concurrency);
  if (concurrency !== null && !(Number.isInteger(concurrency) && concurrency >= 1))
    throw new UserError(`--concurrency ${flags.concurrency} is not a whole number of at least 1`, 'Pass --concurrency 1 or more');
  const maxMinutes = number('--max-minutes', flags.maxMinutes);
  const props = parseProps(flags.props);
  const voice = checkedVoiceOptions(flags);
  if (flags.from !== undefined && flags.media !== undefined)
    throw new UserError('--media adds pictures to a new narration; --from renders one as it is', 'Narrate again with --media, or drop it');
  const userMedia = checkedMedia(flags.media);
  const narration =
    flags.from !== undefined ? { from: path.resolve(flags.from) } : { source: sourceFromFlags(program.args[0], flags), ...voice, userMedia };
  if (flags.from !== undefined && [flags.article, flags.text, flags.file, flags.sample, program.args[0]].some((given) => given !== undefined)) {
    throw new UserError('--from renders an existing narration and takes no text source', 'Drop --article/--text/--file/--sample, or drop --from');
  }
  const outDir = path.resolve(flags.out ?? flags.from ?? 'out/video');

  const reporter = createReporter(Boolean(flags.verbose));
  const producer = new VideoProducer({
    device: flags.device,
    model: flags.model,
    browser: flags.browser,
    verbose: flags.verbose,
    log: (line) => reporter.log(line),
    warn: (line) => reporter.warn(line),
    onProgress: ({ stage, done, total }) => reporter.progress(stage, done, total),
    onDownloadProgress: (done, total) => reporter.bytes('download', done, total),
  });
  const interrupt = new AbortController();
  // Said at once: while the browser runs, Remotion's own handler ends the process right after this one.
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(130);
    reporter.stop();
    process.stderr.write(
      `error: Interrupted: the unfinished output is removed and nothing was written to ${outDir}. Run the command again to render\n`,
    );
    process.exitCode = 130;
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const result = await producer.produce({
      narration,
      formats,
      fps: fps.data,
      scale,
      concurrency,
      mode: flags.renderMode,
      props,
      maxMinutes,
      maxSeconds,
      loudness: checkedLoudness(flags.loudness),
      music: checkedMusic(flags),
      force: flags.force,
      outDir,
      signal: interrupt.signal,
    });
    reporter.stop();
    const videos = Object.values(result.videos).map((file) => path.relative(process.cwd(), file));
    process.stdout.write(
      `${videos.join(', ')}: ${(result.narration.audio.durationMs / 1000).toFixed(1)} s of narration, voice ${result.narration.voice}\n`,
    );
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
  } finally {
    process.off('SIGINT', onSigint);
    reporter.stop();
    await producer.close();
  }
}

await runCommand(main);
