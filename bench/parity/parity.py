"""The reference side of the parity check: kokoro-onnx (the seed's runtime) on the same inputs.

1. Waveform: for our token ids (as Kokoro symbols), the same voice and speed, kokoro-onnx's own inference path
   (tokenizer, style row, onnxruntime for Python, the int8 graph as exported) against our onnxruntime-node audio
   (float convolutions on the same weights): lengths, SNR and log-spectrogram correlation (what is heard; the
   decoder's phase drifts with any change in arithmetic, so samples differ). Also where create()'s silence trim
   (trim.py) cuts that audio, against our port (src/audio/trim.ts).
2. Tokens: kokoro-onnx's phonemizer and tokenizer on the same spoken text against our token ids.
Usage: parity.py OURS_DIR MODEL.onnx VOICE.bin
"""
import difflib
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from kokoro_onnx import Kokoro
from kokoro_onnx.trim import trim as trim_audio


def log_spectrogram(samples: np.ndarray, frame: int = 1024, hop: int = 256) -> np.ndarray:
    """As test/helpers/spectrum.ts: Hann-windowed frames, log10 power with a -100 dB floor."""
    count = max(0, (len(samples) - frame) // hop + 1)
    frames = np.stack([samples[i * hop : i * hop + frame] for i in range(count)]) * np.hanning(frame + 1)[:-1]
    return np.log10(np.abs(np.fft.rfft(frames, axis=1)) ** 2 + 1e-10)


def main() -> None:
    ours_dir, model_path, voice_path = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    ours = json.loads((ours_dir / "ours.json").read_text())["corpus"]
    voice = np.fromfile(voice_path, dtype="<f4").reshape(510, 1, 256)
    with tempfile.TemporaryDirectory() as tmp:
        voices_npz = Path(tmp) / "voices.npz"
        np.savez(voices_npz, ef_dora=voice)
        kokoro = Kokoro(model_path, str(voices_npz))
    symbol_of = {token_id: symbol for symbol, token_id in kokoro.tokenizer.vocab.items()}

    print("Waveform parity (same token ids, style row n - 1, speed 1.0):")
    for entry in [e for e in ours if "waveform" in e]:
        phonemes = "".join(symbol_of[i] for i in entry["tokenIds"])
        assert kokoro.tokenizer.tokenize(phonemes) == entry["tokenIds"], "token ids differ after round trip"
        reference, _ = kokoro._create_audio(phonemes, voice, 1.0)
        mine = np.fromfile(entry["waveform"], dtype="<f4")
        same_length = len(mine) == len(reference)
        if not same_length:
            print(f"  {len(entry['tokenIds'])} tokens: lengths differ ({len(mine)} against {len(reference)})")
            continue
        snr = 10 * np.log10(np.sum(reference.astype(np.float64) ** 2) / np.sum((reference.astype(np.float64) - mine) ** 2))
        correlation = np.corrcoef(log_spectrogram(reference).ravel(), log_spectrogram(mine).ravel())[0, 1]
        print(f"  {len(entry['tokenIds'])} tokens, {len(mine)} samples: lengths equal, SNR {snr:.1f} dB, log-spectrogram correlation {correlation:.4f}")
        # create() trims every batch with trim.py; the calibrated method measures phrases with our port of it.
        _, their_trim = trim_audio(mine)
        print(f"    silence trim: kokoro-onnx keeps [{their_trim[0]}, {their_trim[1]}), ours [{entry['trim'][0]}, {entry['trim'][1]})"
              f" {'identical' if list(their_trim) == entry['trim'] else 'DIFFERENT'}")

    exact = 0
    matched = 0
    total = 0
    differences = []
    for entry in ours:
        reference = kokoro.tokenizer.tokenize(kokoro.tokenizer.phonemize(entry["spoken"], lang="es"))
        mine = entry["tokenIds"]
        matcher = difflib.SequenceMatcher(a=reference, b=mine, autojunk=False)
        matched += sum(block.size for block in matcher.get_matching_blocks())
        total += max(len(reference), len(mine))
        if reference == mine:
            exact += 1
        else:
            differences.append((entry["text"], "".join(symbol_of.get(i, "?") for i in reference), "".join(symbol_of.get(i, "?") for i in mine)))
    print(f"\nToken parity on {len(ours)} Spanish sentences: {exact}/{len(ours)} identical, {100 * matched / total:.1f}% of tokens aligned")
    for text, reference, mine in differences:
        print(f"  {text}\n    kokoro-onnx: {reference}\n    ours:        {mine}")


main()
