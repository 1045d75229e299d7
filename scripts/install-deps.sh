#!/usr/bin/env bash
# Installs, from Debian's packages only, what rasd needs to build, test, fuzz and
# evaluate. Idempotent: packages already present are not touched, so `make run`
# and `make test` can call it every time. Uses sudo when not root.
set -euo pipefail

# One package a line; docs/dependencies.md says why each is here.
packages=(
  build-essential cmake ninja-build pkg-config
  clang libclang-rt-14-dev        # libFuzzer and the sanitizer runtimes
  clang-format clang-tidy
  libicu-dev                      # transcoding (Windows-1256, UTF-16), NFKC data
  libsimdjson-dev                 # JSONL intake
  libcli11-dev                    # command line
  libfmt-dev                      # formatting
  libyaml-cpp-dev                 # knowledge-base YAML
  libgumbo-dev                    # HTML article intake
  libsqlite3-dev                  # the event store (FTS5)
  libmimalloc-dev                 # the rasd binary's allocator
  libgtest-dev libgmock-dev       # unit tests
  libbenchmark-dev                # benchmarks
  python3                         # the reference scorer (standard library only)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
