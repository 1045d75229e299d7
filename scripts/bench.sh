#!/usr/bin/env bash
# make bench: every Google Benchmark binary of the build, then the
# whole-pipeline figures of `rasd bench` on the evaluation corpus replicated to
# 100 MB, with 1 and 2 threads. docs/performance.md records the results.
#   usage: scripts/bench.sh BUILD_DIR
set -euo pipefail
build=$1
root=$(cd "$(dirname "$0")/.." && pwd)
echo "host: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "compiler: $(c++ --version | head -n1); commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none)"
"$build/rasd" --version
for b in "$build"/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" --benchmark_min_time=0.5
done
corpus="$root/eval/corpus/dev.jsonl"
echo "== rasd bench (intake + text core)"
"$build/rasd" bench "$corpus" --stage text --mb 100 --threads 1
echo "== rasd bench (whole pipeline)"
"$build/rasd" bench "$corpus" --stage full --mb 100 --threads 1
"$build/rasd" bench "$corpus" --stage full --mb 100 --threads 2
