#!/usr/bin/env bash
# npm run bench:parity: our inference and phonemes against kokoro-onnx, in its own venv (never needed by the product).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
python="$("$here/venv.sh")"
voices="${KOKORO_VOICES_DIR:?set KOKORO_VOICES_DIR to a folder of <voice>.bin files}"
work="$here/.work"
node --import tsx "$here/dump.ts" "$work"
"$python" "$here/parity.py" "$work" "${KOKORO_MODEL_DIR:-$root/model}/kokoro-v1.0.int8.onnx" "$voices/ef_dora.bin"
node --import tsx "$here/float-conv.ts" corto medio
