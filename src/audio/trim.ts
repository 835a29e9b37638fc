// Leading and trailing silence as kokoro-onnx's create() cuts it from every batch it synthesizes (its trim.py,
// librosa's effects.trim with the defaults create() uses): RMS over frames of 2048 samples every 512, the signal
// zero-padded by 1024 at both ends; a frame is sound when its level is above 60 dB under the loudest frame;
// the kept audio runs from the first sound frame's start to one hop past the last one's.
const FRAME_LENGTH = 2048;
const HOP_LENGTH = 512;
const TOP_DB = 60;
/** librosa's floor for power (amin 1e-5 squared): keeps log10 finite on digital silence. */
const POWER_FLOOR = 1e-10;

/** [start, end) of the samples kokoro-onnx keeps; [0, 0] when nothing is above the threshold. */
export function trimmedBounds(samples: Float32Array): [start: number, end: number] {
  // Prefix sums of squares make every frame's mean power one subtraction.
  const energy = new Float64Array(samples.length + 1);
  for (let index = 0; index < samples.length; index++) energy[index + 1] = energy[index]! + samples[index]! * samples[index]!;
  const frames = 1 + Math.floor(samples.length / HOP_LENGTH);
  const powers = new Float64Array(frames);
  for (let frame = 0; frame < frames; frame++) {
    const from = Math.max(0, frame * HOP_LENGTH - FRAME_LENGTH / 2);
    const to = Math.min(samples.length, frame * HOP_LENGTH + FRAME_LENGTH / 2);
    powers[frame] = (energy[to]! - energy[from]!) / FRAME_LENGTH;
  }
  const loudest = powers.reduce((max, power) => Math.max(max, power), POWER_FLOOR);
  const isSound = (power: number) => 10 * Math.log10(Math.max(POWER_FLOOR, power) / loudest) > -TOP_DB;
  const first = powers.findIndex(isSound);
  if (first === -1) return [0, 0];
  const last = powers.findLastIndex(isSound);
  return [first * HOP_LENGTH, Math.min(samples.length, (last + 1) * HOP_LENGTH)];
}
