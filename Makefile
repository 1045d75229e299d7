# The front door (in the manner of DuckDB's): every target goes through CMake
# and Ninja. `make run` and `make test` install what is missing first.
#
#   make            release build -> build/release/rasd
#   make run        install deps, build, extract events from the bundled sample
#   make test       install deps, build, fuzz briefly, run every test (ctest)
#   make debug      debug build -> build/debug
#   make asan       ASan+UBSan build of the whole test suite, and run it
#   make fuzz       libFuzzer targets (clang), each run for FUZZ_SECONDS
#   make bench      benchmarks; figures for docs/performance.md
#   make eval       extract the dev corpus and score it with eval/score.py
#   make format     clang-format in place; make format-check only checks
#   make tidy       clang-tidy over src/

JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 300
SMOKE_SECONDS ?= 8
CMAKE_FLAGS ?=
SOURCES := $(shell find src include tests fuzz bench -name '*.cc' -o -name '*.h' 2>/dev/null)

.PHONY: all release debug deps run test asan fuzz fuzz-build fuzz-smoke bench eval format format-check tidy clean

all: release

deps:
	@scripts/install-deps.sh

define configure
	@test -f $(1)/build.ninja || cmake -S . -B $(1) -G Ninja $(2) $(CMAKE_FLAGS)
endef

release: deps
	$(call configure,build/release,-DCMAKE_BUILD_TYPE=Release)
	cmake --build build/release -j $(JOBS)

debug: deps
	$(call configure,build/debug,-DCMAKE_BUILD_TYPE=Debug)
	cmake --build build/debug -j $(JOBS)

run: release
	@mkdir -p out
	build/release/rasd kb check
	build/release/rasd extract eval/corpus/seeds.jsonl -o out/seeds.events.jsonl --summary
	build/release/rasd extract eval/corpus/seeds.jsonl --format table --summary
	@echo "rasd: every record, with the spans of each field, is in out/seeds.events.jsonl"

test: release fuzz-smoke
	ctest --test-dir build/release --output-on-failure -j $(JOBS)

asan: deps
	$(call configure,build/asan,-DCMAKE_BUILD_TYPE=RelWithDebInfo -DRASD_SANITIZE=ON -DRASD_BENCH=OFF)
	cmake --build build/asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build/asan --output-on-failure -j $(JOBS)

fuzz-build: deps
	$(call configure,build/fuzz,-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
	  -DCMAKE_CXX_COMPILER=clang++ -DRASD_FUZZ=ON -DRASD_SANITIZE=ON -DRASD_TESTS=OFF -DRASD_BENCH=OFF)
	cmake --build build/fuzz -j $(JOBS)

# A short run of every fuzzer, starting from its saved corpus; part of `make test`.
fuzz-smoke: fuzz-build
	@scripts/fuzz.sh build/fuzz $(SMOKE_SECONDS)

fuzz: fuzz-build
	@scripts/fuzz.sh build/fuzz $(FUZZ_SECONDS)

bench: release
	@scripts/bench.sh build/release

eval: release
	@scripts/eval.sh build/release/rasd

format:
	clang-format -i $(SOURCES)

format-check:
	clang-format --dry-run --Werror $(SOURCES)

tidy: release
	run-clang-tidy -quiet -p build/release -j $(JOBS) '$(CURDIR)/src/.*\.cc$$'

clean:
	rm -rf build out
