#!/usr/bin/env bash
# Runs every libFuzzer binary in BUILD_DIR/fuzz for SECONDS each, starting from
# fuzz/corpus/<entry>/ (grown in a scratch copy, so the tree is not touched).
# A crash leaves its input in fuzz/artifacts/ and fails the run: copy it into
# fuzz/corpus/<entry>/ once fixed, and it is replayed by ctest for ever.
set -euo pipefail
build_dir=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/fuzz/artifacts"
status=0
for bin in "$build_dir"/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  entry=${name#fuzz_}
  work=$(mktemp -d)
  [ -d "$root/fuzz/corpus/$entry" ] && cp -r "$root/fuzz/corpus/$entry/." "$work/"
  echo "fuzz: $name for ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="$root/fuzz/artifacts/$entry-" -print_final_stats=0 "$work" \
      >"$work.log" 2>&1; then
    echo "fuzz: $name FAILED; last lines of its log:"
    tail -n 40 "$work.log"
    status=1
  else
    grep -E '^(#[0-9]+ *DONE|Done [0-9]+ runs)' "$work.log" | tail -n 1 || true
  fi
  rm -rf "$work" "$work.log"
done
exit $status
