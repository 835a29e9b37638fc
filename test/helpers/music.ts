// A stand-in for music that a test can hear through the final mix: a 14 kHz tone made by ffmpeg. Kokoro's voice
// is 24 kHz audio with no energy over 12 kHz, so the tone's level in the mix is the music bed's level alone.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffmpegPath } from '../../src/media/ffmpeg.ts';
import { DUCK_ATTACK_MS, FADE_OUT_MS, type Interval, RELEASE_HOLD_MS, RELEASE_MS, speechStretches } from '../../src/platform/music-bed.ts';
import { decodeAudio } from './env.ts';
import { toneLevelDb } from './spectrum.ts';

const TONE_HZ = 14_000;
const MIX_RATE = 48_000;

export async function writeTone(file: string, seconds: number): Promise<void> {
  await promisify(execFile)(ffmpegPath(), [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${TONE_HZ}:duration=${seconds}`,
    '-ac',
    '2',
    file,
  ]);
}

/** The energy average of the tone's level over 100 ms windows inside `windows`, in dB. */
function averageLevelDb(samples: Float32Array, windows: readonly Interval[]): number {
  const powers = windows.flatMap((window) => {
    const levels: number[] = [];
    for (let start = window.startMs; start + 100 <= window.endMs; start += 100)
      levels.push(10 ** (toneLevelDb(samples, MIX_RATE, TONE_HZ, start, start + 100) / 10));
    return levels;
  });
  assert.ok(powers.length > 0, 'no window long enough to measure');
  return 10 * Math.log10(powers.reduce((sum, power) => sum + power, 0) / powers.length);
}

/**
 * The bed's level in a video's sound while the voice speaks (inside each stretch of speech, clear of its ramps)
 * and where nobody speaks (long pauses and the closing card, once the music is up and before it fades out).
 */
export async function bedLevelsDb(video: string, words: readonly Interval[], durationMs: number): Promise<{ speechDb: number; pauseDb: number }> {
  const stretches = speechStretches(words);
  const underSpeech = stretches.map((stretch) => ({ startMs: stretch.startMs + DUCK_ATTACK_MS, endMs: stretch.endMs }));
  const risen = (stretch: Interval) => stretch.endMs + RELEASE_HOLD_MS + RELEASE_MS;
  const pauses = stretches.map((stretch, index) => ({
    startMs: risen(stretch),
    endMs: index + 1 < stretches.length ? stretches[index + 1]!.startMs - DUCK_ATTACK_MS : durationMs - FADE_OUT_MS,
  }));
  const samples = await decodeAudio(video, MIX_RATE);
  return { speechDb: averageLevelDb(samples, underSpeech), pauseDb: averageLevelDb(samples, pauses) };
}
