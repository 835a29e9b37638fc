// The scheduler's config file: YAML, validated with zod so a wrong field is named by its path with the fix.
// Relative paths (output, a sqlite store, lexicons) are read from the config file's folder, so the same file works
// whatever folder the scheduler is started from. Lexicon files are read here, so a bad line stops the start.
import { Cron } from 'croner';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { MEDIA_CHOICES } from '../contract/pipeline.ts';
import { DEFAULT_FPS, FpsSchema, VideoFormatSchema as FormatSchema } from '../contract/video.ts';
import { UserError } from '../errors.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { readLexiconFiles } from '../lexicon/load.ts';
import { DEFAULT_MUSIC_LEVELS, MUSIC_DUCK_RANGE_DB, MUSIC_LEVEL_RANGE_DB } from '../platform/music-bed.ts';

/** A music bed: a file (relative to the config file), or a file with its levels (README: "Music bed"). */
const MusicSchema = z
  .union([
    z.string().min(1),
    z.strictObject({
      file: z.string().min(1),
      level: z.number().min(MUSIC_LEVEL_RANGE_DB.min).max(MUSIC_LEVEL_RANGE_DB.max).default(DEFAULT_MUSIC_LEVELS.levelDb),
      duck: z.number().min(MUSIC_DUCK_RANGE_DB.min).max(MUSIC_DUCK_RANGE_DB.max).default(DEFAULT_MUSIC_LEVELS.duckDb),
    }),
  ])
  // Read as the producer takes it (render/produce.ts's MusicRequest).
  .transform((music) =>
    typeof music === 'string'
      ? { file: music, levels: DEFAULT_MUSIC_LEVELS }
      : { file: music.file, levels: { levelDb: music.level, duckDb: music.duck } },
  );

const FeedSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  voice: z.string().min(1).optional(),
  language: z.string().min(1).optional(),
  format: z
    .union([FormatSchema, z.array(FormatSchema).min(1)])
    .default('landscape')
    .transform((format) => [...new Set(Array.isArray(format) ? format : [format])]),
  maxItems: z.int().min(1).max(100).default(5),
  maxAgeHours: z.number().positive().default(48),
  /** The whole video, closing card included, ends at the last whole sentence that fits. */
  maxSeconds: z.number().min(10).optional(),
  music: MusicSchema.optional(),
  /** Over the config's `review`: this feed's jobs stop at awaitingReview once narrated (README: "Editor's desk"). */
  review: z.boolean().optional(),
});

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true });
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The defaults of a config, also what the desk uses when started without one (relative to the working folder). */
export const DEFAULT_OUTPUT = './videos';
export const DEFAULT_QUEUE = 'sqlite:./jobs.db';
export const DEFAULT_LEASE_SECONDS = 60;

const ConfigSchema = z.strictObject({
  feeds: z.array(FeedSchema).min(1, 'must list at least one feed'),
  cron: z.string().refine(isCronPattern, 'must be a cron pattern such as "0 7 * * *"').default('0 7 * * *'),
  timezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid').optional(),
  output: z.string().min(1).default(DEFAULT_OUTPUT),
  queue: z
    .string()
    .regex(/^(sqlite:.+|rediss?:\/\/.+)$/, 'must be sqlite:<file> or redis://host:port')
    .default(DEFAULT_QUEUE),
  afterEach: z.string().min(1).optional(),
  /** Pronunciation lexicons over the default one, later files winning (README: "Lexicon"). */
  lexicon: z
    .union([z.string().min(1), z.array(z.string().min(1))])
    .default([])
    .transform((files) => (Array.isArray(files) ? files : [files])),
  allowPrivateNetworks: z.boolean().default(false),
  /** The page's pictures a video shows: all of them (article), the lead image alone (lead), or none (README: "Pictures"). */
  media: z.enum(MEDIA_CHOICES).default('article'),
  /** The music bed of every job whose feed names none, desk submissions included (they have no feed). */
  music: MusicSchema.optional(),
  /** Every feed's jobs wait for an editor's approval after narration, unless the feed says otherwise. */
  review: z.boolean().default(false),
  /** How long a job stays claimed without a sign of life from its worker before another may take it. */
  leaseSeconds: z.number().min(5).max(3600).default(DEFAULT_LEASE_SECONDS),
  /**
   * The longest each stage of one attempt may run. Far above a 15-minute video on a loaded 2-core machine
   * (narration ran at 7-11x real time there), far below forever: a job that hangs fails its attempt instead.
   */
  stageMinutes: z
    .strictObject({
      narrating: z.number().positive().default(180),
      rendering: z.number().positive().default(180),
    })
    .default({ narrating: 180, rendering: 180 }),
  retry: z
    .strictObject({
      maxAttempts: z.int().min(1).max(20).default(3),
      backoffSeconds: z.number().positive().default(60),
    })
    .default({ maxAttempts: 3, backoffSeconds: 60 }),
  render: z
    .strictObject({
      fps: FpsSchema.default(DEFAULT_FPS),
      scale: z.number().positive().max(1).default(1),
      /** Browser tabs rendering at once; unset lets Remotion choose (half the cores). */
      concurrency: z.int().min(1).optional(),
    })
    .default({ fps: DEFAULT_FPS, scale: 1 }),
});

export type QueueLocation = { kind: 'sqlite'; file: string } | { kind: 'redis'; url: string };

export type ScheduleConfig = Omit<z.infer<typeof ConfigSchema>, 'queue' | 'lexicon'> & {
  queue: QueueLocation;
  lexicon: LexiconEntry[];
  file: string;
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const where =
    issue.path.length === 0
      ? 'the config'
      : issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
  return `${where}: ${issue.message}`;
}

/** Validate a parsed config; `file` anchors its relative paths. */
export function parseConfig(raw: unknown, file: string): ScheduleConfig {
  const result = ConfigSchema.safeParse(raw ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(describeIssue).join('; ');
    throw new UserError(`${file} is not a valid schedule config (${problems})`, 'Fix those fields; feeds.example.yaml shows every field');
  }
  const config = result.data;
  const base = path.dirname(path.resolve(file));
  const queue: QueueLocation = config.queue.startsWith('sqlite:')
    ? { kind: 'sqlite', file: path.resolve(base, config.queue.slice('sqlite:'.length)) }
    : { kind: 'redis', url: config.queue };
  const besideConfig = <T extends { file: string }>(music: T): T => ({ ...music, file: path.resolve(base, music.file) });
  const feeds = config.feeds.map((feed) => (feed.music ? { ...feed, music: besideConfig(feed.music) } : feed));
  const music = config.music && besideConfig(config.music);
  const lexicon = readLexiconFiles(
    config.lexicon.map((lexiconFile) => path.resolve(base, lexiconFile)),
    `lexicon: in ${file}`,
  );
  return { ...config, feeds, music, output: path.resolve(base, config.output), queue, lexicon, file: path.resolve(file) };
}

export async function loadConfig(file: string): Promise<ScheduleConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(
      `The config ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      'Pass the path of a YAML file to --config',
    );
  }
  let raw: unknown;
  try {
    // No custom tags, no aliases blown up into huge documents: plain YAML 1.2 data only.
    raw = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new UserError(
      `The config ${file} is not valid YAML${where} (${(error as Error).message.split('\n')[0]})`,
      'Fix the YAML syntax; feeds.example.yaml shows the expected shape',
    );
  }
  return parseConfig(raw, file);
}
