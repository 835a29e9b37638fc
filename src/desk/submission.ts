// A desk submission made into a job spec. A page is fetched once here, under the unattended fetch rules (every hop
// public unless the config allows private networks), so a URL that is no article is refused at once with the
// extractor's reason, and the job gets the article's title for its folder; the worker reads the page again.
import { randomUUID } from 'node:crypto';
import { DEFAULT_FETCH_LIMITS } from '../article/fetch.ts';
import { loadArticle } from '../article/load.ts';
import type { DeskSubmission } from '../contract/desk.ts';
import type { VideoFormat } from '../contract/video.ts';
import { UserError } from '../errors.ts';
import { isKnownVoice } from '../kokoro/voice-files.ts';
import { parseVoiceSpec } from '../kokoro/voices.ts';
import type { JobSpec } from '../schedule/job.ts';
import { itemFolder } from '../schedule/output-layout.ts';
import { HttpError } from './http-error.ts';

export interface SubmissionDefaults {
  formats: VideoFormat[];
  allowPrivateNetworks: boolean;
  /** The config's music bed, which a submission's `music: true` asks for. */
  music?: { file: string };
}

async function articleTitle(url: string, allowPrivateNetworks: boolean): Promise<{ title: string; language: string }> {
  try {
    const article = await loadArticle(url, { limits: { ...DEFAULT_FETCH_LIMITS, allowPrivateNetworks } });
    return { title: article.title.trim() || url, language: article.language };
  } catch (error) {
    if (error instanceof UserError) throw new HttpError(422, error.message);
    throw error;
  }
}

/** A 400 for a voice that is none of Kokoro's, alone or in a blend: the worker would only fail on it later. */
function checkVoice(voice: string): void {
  const fix = `pick one of GET /api/settings' voices, such as ef_dora, or a blend such as "ef_dora:0.7,em_alex:0.3"`;
  let names: string[];
  try {
    names = parseVoiceSpec(voice).map((entry) => entry.name);
  } catch (error) {
    if (error instanceof UserError) throw new HttpError(400, `The voice "${voice}" is not a voice name or a blend: ${fix}`);
    throw error;
  }
  const unknown = names.find((name) => !isKnownVoice(name));
  if (unknown !== undefined) throw new HttpError(400, `There is no Kokoro voice "${unknown}": ${fix}`);
}

export async function specOf(submission: DeskSubmission, defaults: SubmissionDefaults, now: Date): Promise<JobSpec> {
  if (submission.voice !== undefined) checkVoice(submission.voice);
  if (submission.music === true && defaults.music === undefined) {
    throw new HttpError(
      400,
      'This desk has no music bed to put under the voice: name one as music: <file> in the config the desk and its workers run with, or leave the music off',
    );
  }
  const key = `desk:${randomUUID()}`;
  const source =
    'url' in submission
      ? { itemUrl: submission.url, ...(await articleTitle(submission.url, defaults.allowPrivateNetworks)) }
      : { itemUrl: null, text: submission.text, title: submission.title, language: null };
  const { speed, maxSeconds, music, brand } = submission;
  return {
    key,
    feedUrl: null,
    guid: null,
    publishedAt: null,
    voice: submission.voice ?? null,
    formats: submission.formats ?? defaults.formats,
    review: submission.review,
    options: { speed, maxSeconds, music, brand },
    ...source,
    folder: itemFolder({ key, title: source.title, publishedAt: null }, now),
  };
}
