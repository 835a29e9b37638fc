"""The reference side of the parity check: kokoro-onnx (the seed's runtime) on the same inputs.

1. Waveform: for our token ids (as Kokoro symbols), the same voice and speed, kokoro-onnx's own inference path
   (tokenizer, style row, onnxruntime for Python) against our onnxruntime-node audio: max absolute difference.
   Also where create()'s silence trim (trim.py) cuts that audio, against our port (src/audio/trim.ts).
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
        difference = float(np.max(np.abs(mine - reference))) if same_length else float("nan")
        print(f"  {len(entry['tokenIds'])} tokens, {len(mine)} samples: lengths {'equal' if same_length else f'differ ({len(reference)})'}, max |difference| {difference:.3g}")
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
