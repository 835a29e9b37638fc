// Platform presets for `render --for`: the format and length each platform's feed favours. Explicit --format and
// --max-seconds win over them. Loudness is the same -14 LUFS for all of them (src/platform/loudness.ts).
import type { VideoFormat } from '../contract/video.ts';

export const PLATFORMS = ['shorts', 'reels', 'tiktok', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_PRESETS: Readonly<Record<Platform, { format: VideoFormat; maxSeconds?: number }>> = {
  // YouTube Shorts now run to 3 minutes, but the shelf and the loop favour a minute.
  shorts: { format: 'vertical', maxSeconds: 60 },
  reels: { format: 'vertical', maxSeconds: 90 },
  tiktok: { format: 'vertical', maxSeconds: 60 },
  // A watch-page video: the whole article.
  youtube: { format: 'landscape' },
};
