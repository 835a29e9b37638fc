// Checks on rendered video made with real tools: Remotion's own ffprobe, the product's ffmpeg, tesseract for OCR.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { safeArea } from '../../remotion/NewsVideo/geometry.ts';
import type { VideoFormat } from '../../src/contract/video.ts';
import { ffmpegPath } from '../../src/media/ffmpeg.ts';
import { PROJECT_ROOT } from '../../src/system/project-root.ts';

const run = promisify(execFile);
const REMOTION_BINARIES = path.join(PROJECT_ROOT, 'node_modules', '@remotion', 'compositor-linux-x64-gnu');
const binaryEnv = { ...process.env, LD_LIBRARY_PATH: REMOTION_BINARIES };

export interface ProbedStream {
  codec_type: 'video' | 'audio' | 'subtitle';
  codec_name: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  duration: string;
  color_range?: string;
}

export async function ffprobe(file: string): Promise<{ streams: ProbedStream[]; format: { duration: string; bit_rate: string } }> {
  const { stdout } = await run(path.join(REMOTION_BINARIES, 'ffprobe'), ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], {
    env: binaryEnv,
  });
  return JSON.parse(stdout) as { streams: ProbedStream[]; format: { duration: string; bit_rate: string } };
}

/** Raw RGB pixels of an image (any format ffmpeg reads). */
export async function rgbPixels(file: string): Promise<{ width: number; height: number; data: Buffer }> {
  const probe = await ffprobe(file);
  const { width = 0, height = 0 } = probe.streams[0]!;
  const { stdout } = await run(ffmpegPath(), ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { width, height, data: stdout };
}

/** The top-level boxes of an MP4 in file order ("faststart" puts moov before mdat). */
export async function mp4TopLevelBoxes(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const boxes: string[] = [];
    const header = Buffer.alloc(16);
    for (let offset = 0; offset < size; ) {
      await handle.read(header, 0, 16, offset);
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 1) boxSize = Number(header.readBigUInt64BE(8));
      if (boxSize === 0) boxSize = size - offset;
      boxes.push(header.toString('latin1', 4, 8));
      offset += boxSize;
    }
    return boxes;
  } finally {
    await handle.close();
  }
}

/**
 * The lag (in samples, positive when `b` is late) that best lines up two signals, searched within ±maxLag,
 * by normalized cross-correlation of their amplitude envelopes.
 */
export function bestLag(a: Float32Array, b: Float32Array, maxLag: number): { lag: number; correlation: number } {
  const n = Math.min(a.length, b.length) - 2 * maxLag;
  let best = { lag: 0, correlation: -Infinity };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let dot = 0;
    let energyA = 0;
    let energyB = 0;
    for (let index = maxLag; index < maxLag + n; index++) {
      const x = Math.abs(a[index]!);
      const y = Math.abs(b[index + lag]!);
      dot += x * y;
      energyA += x * x;
      energyB += y * y;
    }
    const correlation = dot / Math.sqrt(energyA * energyB || 1);
    if (correlation > best.correlation) best = { lag, correlation };
  }
  return best;
}

/** The bounding box of the pixels within `tolerance` of `color` (per channel), or null if there are none. */
export function boxOfColor(
  image: { width: number; height: number; data: Buffer },
  color: [number, number, number],
  tolerance = 24,
): { x: number; y: number; width: number; height: number; pixels: number } | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -1;
  let maxY = -1;
  let pixels = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const offset = 3 * (y * image.width + x);
      if (color.every((channel, index) => Math.abs(image.data[offset + index]! - channel) <= tolerance)) {
        pixels++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return pixels === 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1, pixels };
}

/**
 * Where the credit pill (Credit.tsx: 28 px type at the top of the safe area, right-aligned to it) stands in a frame
 * of `width`x`height` rendered at `scale`: a box about as wide as `line`, so that little picture is read with it.
 */
export function creditBox(
  format: VideoFormat,
  width: number,
  height: number,
  scale: number,
  line: string,
): { x: number; y: number; width: number; height: number } {
  const area = safeArea(format, width, height);
  const boxWidth = Math.round((line.length * 17 + 32) * scale);
  const right = Math.round(width - area.right) + Math.round(8 * scale);
  return { x: right - boxWidth, y: Math.round(area.top) - Math.round(8 * scale), width: boxWidth, height: Math.round(60 * scale) };
}

/** OCR (tesseract, Spanish) of one region of an image, read as a single line. */
export async function ocrRegion(file: string, box: { x: number; y: number; width: number; height: number }, workFile: string): Promise<string> {
  // Enlarged three times: tesseract reads short words on a coloured box far better at that size.
  await run(ffmpegPath(), ['-v', 'error', '-y', '-i', file, '-vf', `crop=${box.width}:${box.height}:${box.x}:${box.y},scale=iw*3:ih*3`, workFile]);
  const { stdout } = await run('tesseract', [workFile, 'stdout', '-l', 'spa', '--psm', '7']);
  return stdout.trim();
}

/** SSIM (all planes) of every frame of `a` against the same frame of `b`, by ffmpeg's ssim filter. */
export async function ssimPerFrame(a: string, b: string): Promise<number[]> {
  // stats_file=- writes one line per frame to stdout ("n:1 Y:... All:0.99...").
  const { stdout } = await run(ffmpegPath(), ['-v', 'error', '-i', a, '-i', b, '-lavfi', '[0:v][1:v]ssim=stats_file=-', '-f', 'null', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...stdout.matchAll(/^n:\d+ .*All:([\d.]+)/gm)].map((match) => Number(match[1]));
}

/** One frame of a video as a PNG. */
export async function extractFrame(video: string, frame: number, output: string): Promise<void> {
  await run(ffmpegPath(), ['-v', 'error', '-y', '-i', video, '-vf', `select=eq(n\\,${frame})`, '-frames:v', '1', output]);
}

/** Frames of a video as PNGs (`frames` ascending, one file each in `outputs`), in one pass: the video is decoded once. */
export async function extractFrames(video: string, frames: readonly number[], outputs: readonly string[]): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'frames-'));
  const select = frames.map((frame) => `eq(n\\,${frame})`).join('+');
  // passthrough: each selected frame once, not repeated to fill the time between them; it stops after the last.
  const args = ['-v', 'error', '-i', video, '-vf', `select=${select}`, '-fps_mode', 'passthrough', '-frames:v', String(frames.length)];
  await run(ffmpegPath(), [...args, path.join(work, '%04d.png')]);
  for (const [index, output] of outputs.entries()) await copyFile(path.join(work, `${String(index + 1).padStart(4, '0')}.png`), output);
}
