#!/usr/bin/env bash
# make eval: runs `rasd extract` over the bundled evaluation corpus (the five
# seed articles and the 60 dev articles) and scores the output with the
# reference scorer, eval/score.py. Output and predictions land in out/eval/.
#   usage: scripts/eval.sh RASD_BINARY [--details]
set -euo pipefail
rasd=$(realpath "$1")
shift
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/out/eval"
mkdir -p "$out"
cat "$root/eval/corpus/seeds.jsonl" "$root/eval/corpus/dev.jsonl" > "$out/corpus.jsonl"
cat "$root/eval/gold/seeds.jsonl" "$root/eval/gold/dev.jsonl" > "$out/gold.jsonl"
"$rasd" extract "$out/corpus.jsonl" -o "$out/pred.jsonl" --summary
python3 "$root/eval/score.py" "$out/gold.jsonl" "$out/pred.jsonl" "$out/corpus.jsonl" "$@" | tee "$out/scores.txt"
