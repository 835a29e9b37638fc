#!/usr/bin/env bash
# Prints the python of bench/parity's own venv (kokoro-onnx 0.6.1 from PyPI), making it on first use.
# Benchmarks and parity checks only: the product never needs Python at run time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/.venv/bin/python" ] || ! "$here/.venv/bin/python" -c 'import kokoro_onnx' 2>/dev/null; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet kokoro-onnx==0.6.1 >&2
fi
echo "$here/.venv/bin/python"
