"""kokoro-onnx 0.6.1 (the seed's runtime) timed for `npm run bench`, one JSON line on stdout.

  create MODEL VOICE.bin TEXT_FILE OUT.wav   what the seed does: load, create() on the whole text, write a WAV
  pass MODEL VOICE.bin TOKENS.json           tokens to audio alone: its inference path on our token ids per chunk
"""
import json
import resource
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np
from kokoro_onnx import Kokoro


def load(model_path: str, voice_path: str) -> tuple[Kokoro, np.ndarray]:
    voice = np.fromfile(voice_path, dtype="<f4").reshape(510, 1, 256)
    with tempfile.TemporaryDirectory() as tmp:
        voices_npz = Path(tmp) / "voices.npz"
        np.savez(voices_npz, ef_dora=voice)
        return Kokoro(model_path, str(voices_npz)), voice


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def create(model_path: str, voice_path: str, text_path: str, wav_path: str) -> dict:
    start = time.perf_counter()
    kokoro, _ = load(model_path, voice_path)
    loaded = time.perf_counter()
    audio, sample_rate = kokoro.create(Path(text_path).read_text(encoding="utf-8"), voice="ef_dora", speed=1.0, lang="es")
    created = time.perf_counter()
    with wave.open(wav_path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
    return {"loadSeconds": loaded - start, "createSeconds": created - loaded, "audioSeconds": len(audio) / sample_rate, "peakRssMb": peak_rss_mb()}


def passes(model_path: str, voice_path: str, tokens_path: str) -> dict:
    kokoro, voice = load(model_path, voice_path)
    symbol_of = {token_id: symbol for symbol, token_id in kokoro.tokenizer.vocab.items()}
    chunks = ["".join(symbol_of[i] for i in token_ids) for token_ids in json.loads(Path(tokens_path).read_text())]
    kokoro._create_audio(chunks[0][:8], voice, 1.0)  # warm-up, as the Node side gets
    start = time.perf_counter()
    for phonemes in chunks:
        kokoro._create_audio(phonemes, voice, 1.0)
    return {"passSeconds": time.perf_counter() - start, "peakRssMb": peak_rss_mb()}


mode, *arguments = sys.argv[1:]
print(json.dumps(create(*arguments) if mode == "create" else passes(*arguments)))
