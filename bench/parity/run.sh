#!/usr/bin/env bash
# npm run bench:parity: our inference and phonemes against kokoro-onnx, in its own venv (never needed by the product).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet kokoro-onnx==0.6.1
fi
voices="${KOKORO_VOICES_DIR:?set KOKORO_VOICES_DIR to a folder of <voice>.bin files}"
work="$here/.work"
node --import tsx "$here/dump.ts" "$work"
"$here/.venv/bin/python" "$here/parity.py" "$work" "${KOKORO_MODEL_DIR:-$root/model}/kokoro-v1.0.int8.onnx" "$voices/ef_dora.bin"
