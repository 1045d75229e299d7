// Speed of number and date reading on the real dev corpus
// (eval/corpus/dev.jsonl, the "text" fields concatenated into one document).
// The text is normalised and tokenised once, outside the timed loop, so the
// figures are ReadNumbers and ReadDates alone, in bytes of original text per
// second.
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "dev_corpus.h"
#include "text/dates.h"
#include "text/normalizer.h"
#include "text/numbers.h"
#include "text/tokenizer.h"

namespace rasd::text {
namespace {

struct Corpus {
  std::string original;
  NormalizedText norm;
  std::vector<Token> tokens;
};

const Corpus& DevCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    c.original = bench::DevCorpusText();
    Normalize(c.original, &c.norm);
    Tokenize(c.norm, &c.tokens);
    return c;
  }();
  return corpus;
}

void BM_ReadNumbers(benchmark::State& state) {
  const Corpus& c = DevCorpus();
  std::vector<NumberMention> out;
  for (auto _ : state) {
    ReadNumbers(c.norm, c.tokens, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.original.size()));
  state.counters["mentions"] = static_cast<double>(out.size());
}
BENCHMARK(BM_ReadNumbers)->Unit(benchmark::kMillisecond);

void BM_ReadDates(benchmark::State& state) {
  const Corpus& c = DevCorpus();
  std::vector<DateMention> out;
  const std::optional<CivilDate> pub = CivilDate{2015, 8, 6};
  for (auto _ : state) {
    ReadDates(c.norm, c.tokens, pub, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.original.size()));
  state.counters["mentions"] = static_cast<double>(out.size());
}
BENCHMARK(BM_ReadDates)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rasd::text
