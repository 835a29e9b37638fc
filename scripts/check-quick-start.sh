#!/usr/bin/env bash
# README's first command on a fresh clone: no ../shared beside it, no KOKORO_VOICES_DIR, no model, nothing
# installed. It must end with an MP4. Runs the command exactly as README.md writes it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
command=$(awk '/^## Quick start/{found=1} found && /^```sh/{getline; print; exit}' "$repo/README.md" | sed 's/[[:space:]]*#.*$//')
[ -n "$command" ] || { echo "check-quick-start: no command found under README's Quick start" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/kokoro-news-video"
cd "$work/kokoro-news-video"
[ ! -e ../shared ] || { echo "check-quick-start: ../shared exists beside the fresh clone" >&2; exit 1; }
echo "check-quick-start: running '$command' in a fresh clone"
env -u KOKORO_VOICES_DIR -u KOKORO_MODEL_DIR -u KOKORO_MODEL bash -c "$command"
video=$(find out -name '*.mp4' -print -quit)
[ -n "$video" ] || { echo "check-quick-start: no MP4 was made" >&2; exit 1; }
probe=node_modules/@remotion/compositor-linux-x64-gnu
streams=$(LD_LIBRARY_PATH="$probe" "$probe/ffprobe" -v error -show_entries stream=codec_name -of csv=p=0 "$video" | tr '\n' ' ')
case "$streams" in
  *h264*aac*|*aac*h264*) echo "check-quick-start: $video has $streams" ;;
  *) echo "check-quick-start: $video has streams '$streams', not H.264 + AAC" >&2; exit 1 ;;
esac
[ -s model/voices/ef_dora.bin ] || { echo "check-quick-start: the voices did not come from the registry into model/voices" >&2; exit 1; }
echo "1 passed, 0 failed"
