#!/usr/bin/env bash
# Behaviour check for a refactor: the same narrations and render made by two revisions, compared byte for byte.
#   bash scripts/compare-outputs.sh BASE_REV [NEW_REV]     (NEW_REV: the working tree when left out)
# Made: the bundled sample (3 passes) and bench/texts/medio.txt (2 passes) with exact timing, bench/texts/corto.txt
# with --timing calibrated, and a vertical render of the sample. Compared: every file (narration.json without its
# run record, which names the run and its time), the decoded video frames (framemd5) and both streams of the MP4.
# Needs the model (npm run model -- fetch); takes about 6 minutes a revision on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; [ -d "$work/new-tree" ] && git -C "$root" worktree remove --force "$work/new-tree" >/dev/null 2>&1; rm -rf "$work"' EXIT

checkout() { # REV DIR: a worktree of REV sharing this checkout's node_modules and model
  git -C "$root" worktree add -q --detach "$2" "$1"
  ln -s "$root/node_modules" "$2/node_modules"
  ln -s "$root/model" "$2/model"
}
outputs() { # TREE OUT
  (cd "$1" &&
    npx tsx src/cli/narrate.ts --sample --out "$2/sample" --wav &&
    npx tsx src/cli/narrate.ts --file bench/texts/medio.txt --out "$2/medio" --wav &&
    npx tsx src/cli/narrate.ts --file bench/texts/corto.txt --timing calibrated --out "$2/calibrated" &&
    npx tsx src/cli/render.ts --from "$2/sample" --format vertical --out "$2/video") >"$2.log" 2>&1
  ffmpeg -v error -i "$2/video/video.mp4" -map 0:v -f framemd5 "$2/frames.md5"
}

checkout "$1" "$work/base"
new_tree=$root
if [ -n "${2:-}" ]; then checkout "$2" "$work/new-tree"; new_tree=$work/new-tree; fi
echo "making the base outputs ($1)"; outputs "$work/base" "$work/a"
echo "making the new outputs (${2:-working tree})"; outputs "$new_tree" "$work/b"

differ=0
same() { echo "same  $1"; }
different() { echo "DIFF  $1"; differ=1; }
for folder in sample medio calibrated; do
  for file in $(cd "$work/a/$folder" && ls); do
    if [ "$file" = narration.json ]; then
      node -e 'const f=(p)=>{const n=JSON.parse(require("fs").readFileSync(p,"utf8")); delete n.run; return JSON.stringify(n)}; process.exit(f(process.argv[1])===f(process.argv[2])?0:1)' \
        "$work/a/$folder/$file" "$work/b/$folder/$file" && same "$folder/$file (run record aside)" || different "$folder/$file"
    else
      cmp -s "$work/a/$folder/$file" "$work/b/$folder/$file" && same "$folder/$file" || different "$folder/$file"
    fi
  done
done
cmp -s "$work/a/frames.md5" "$work/b/frames.md5" && same "video frames ($(grep -vc '^#' "$work/a/frames.md5"))" || different "video frames"
for stream in v a; do
  a=$(ffmpeg -v error -i "$work/a/video/video.mp4" -map "0:$stream" -c copy -f md5 -)
  b=$(ffmpeg -v error -i "$work/b/video/video.mp4" -map "0:$stream" -c copy -f md5 -)
  [ "$a" = "$b" ] && same "video.mp4 stream $stream" || different "video.mp4 stream $stream"
done
exit $differ
