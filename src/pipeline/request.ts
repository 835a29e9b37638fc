// What a narration is asked for, and the check of it made once, where the request comes in from a person or a
// feed (narrateIntoFolder): its messages name the flags that fix it.
import type { TimingMethod } from '../contract/timing-method.ts';
import { DEFAULT_MAX_CHARS, MAX_SPEED, MIN_SPEED } from '../contract/narration-limits.ts';
import { UserError } from '../errors.ts';
import type { LexiconEntry } from '../lexicon/entry.ts';
import { defaultLexicon } from '../lexicon/load.ts';
import { resolveLanguage } from '../phonemes/languages.ts';
import type { PhraseOptions } from '../text/phrases.ts';
import type { NarrationJob } from './narrate-folder.ts';
import type { SourceText } from './source.ts';

export interface NarrateRequest {
  text: string;
  language: string;
  /** Spanish regional variant (es-ES, es-MX…) for numbers, currencies and dates; es-ES when not given. */
  locale?: string;
  voice: string;
  speed: number;
  timing: TimingMethod;
  phrases?: PhraseOptions;
  /** Silence the calibrated method puts between phrases in its baseline timeline. */
  phraseSilenceMs?: number;
  maxChars?: number;
  /** The narration ends at the last whole sentence within this length (--max-seconds, less the closing card). */
  maxMs?: number;
  /** Refused before synthesis when it would last longer (--max-minutes unless --force); unset: no limit. */
  maxDurationMs?: number;
  /** The text's first paragraph is a title (an article's headline): it becomes the "title" section. */
  titled?: boolean;
  /** How the newsroom says words and phrases, later entries winning (src/lexicon/load.ts). */
  lexicon?: readonly LexiconEntry[];
}

export interface NarrateProgress {
  stage: 'synthesis' | 'calibration';
  done: number;
  total: number;
}

/** The request a job makes of its source's text, checked: the narration and the dry run read it alike. */
export function requestFor(job: NarrationJob, source: SourceText): NarrateRequest {
  const language = resolveLanguage(job.language ?? source.article?.language ?? 'es');
  const request: NarrateRequest = {
    text: source.text,
    titled: source.titled,
    language: language.code,
    locale: job.locale ?? source.article?.locale ?? undefined,
    voice: job.voice ?? language.defaultVoice,
    speed: job.speed ?? 1,
    timing: job.timing ?? 'exact',
    phraseSilenceMs: job.phraseSilenceMs,
    phrases: job.phrases,
    maxChars: job.maxChars,
    maxMs: job.maxMs,
    maxDurationMs: job.maxDurationMs,
    lexicon: [...defaultLexicon(language.code), ...(job.lexicon ?? [])],
  };
  validateRequest(request);
  return request;
}

export function validateRequest(request: NarrateRequest): void {
  const maxChars = request.maxChars ?? DEFAULT_MAX_CHARS;
  if (request.text.trim() === '') throw new UserError('The text is empty', 'Give some text with --text, --file or on standard input');
  if (request.text.length > maxChars) {
    throw new UserError(
      `The text has ${request.text.length.toLocaleString('en')} characters, over the limit of ${maxChars.toLocaleString('en')}`,
      'Split it into parts, or raise the limit with --max-chars',
    );
  }
  validateSpeed(request.speed);
  resolveLanguage(request.language);
}

export function validateSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw new UserError(`Speed ${speed} is outside ${MIN_SPEED}-${MAX_SPEED}`, `Pass --speed between ${MIN_SPEED} and ${MAX_SPEED}`);
  }
}
