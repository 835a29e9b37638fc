// What Kokoro-82M's audio is, as every layer needs it: the timing math converts frames to samples to ms with
// these, the session checks its output against them. Imports nothing, so pure code that needs them loads no runtime.

export const SAMPLE_RATE = 24_000;
/** Output samples per duration frame: decoder x2 upsampling, 10 x 6 upsample rates, iSTFT hop 5. */
export const SAMPLES_PER_FRAME = 600;
/** Phoneme tokens one pass may hold: the model's 512 positions less the two pads. */
export const MAX_PHONEME_TOKENS = 510;
