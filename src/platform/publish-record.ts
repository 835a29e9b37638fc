// publish.json and description.txt from a finished narration and its rendered videos: title, a description
// from the article's excerpt with its source link and chapters, the synthetic-voice disclosure. Pure: the
// caller writes the files.
import type { Narration } from '../contract/narration.ts';
import { PUBLISH_VERSION, type PublishRecord, PublishRecordSchema } from '../contract/publish.ts';
import type { VideoFormat } from '../contract/video.ts';
import { articleUrl } from '../../remotion/NewsVideo/card-content.ts';
import { labelsFor } from '../../remotion/NewsVideo/labels.ts';
import { chaptersOf } from './chapters.ts';

export const PUBLISH_FILE = 'publish.json';
export const DESCRIPTION_FILE = 'description.txt';
export const VOICE_MODEL = 'Kokoro-82M';

export interface RenderedVideo {
  format: VideoFormat;
  /** Relative to the output folder. */
  file: string;
  cover: string;
}

export function publishRecord(narration: Narration, videos: readonly RenderedVideo[], videoMs: number): PublishRecord {
  const title = narration.article?.title ?? narration.sections[0]?.text ?? narration.text.slice(0, 100);
  const webSource = articleUrl(narration);
  const labels = labelsFor(narration.language);
  const chapters = chaptersOf(narration.sections, videoMs);
  // The closing card's own sentence, so the video and its description say the same.
  const disclosure = labels.syntheticVoice;
  const description = [
    title,
    narration.article?.excerpt ?? null,
    webSource ? `${labels.fullStory} ${webSource}` : null,
    chapters.length > 0 ? chapters.map((chapter) => `${chapter.timestamp} ${chapter.title}`).join('\n') : null,
    disclosure,
  ]
    .filter((part): part is string => part !== null && part.trim() !== '')
    .join('\n\n');
  return PublishRecordSchema.parse({
    version: PUBLISH_VERSION,
    title,
    description,
    language: narration.language,
    locale: narration.locale,
    sourceUrl: webSource,
    syntheticVoice: { disclosure, model: VOICE_MODEL, voice: narration.voice },
    durationSeconds: Math.round(videoMs) / 1000,
    chapters,
    videos,
    descriptionFile: DESCRIPTION_FILE,
  });
}
