// Speed of number and date reading on the real dev corpus
// (eval/corpus/dev.jsonl, the "text" fields concatenated into one document).
// The text is normalised and tokenised once, outside the timed loop, so the
// figures are ReadNumbers and ReadDates alone, in bytes of original text per
// second.
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "common/utf8.h"
#include "text/dates.h"
#include "text/normalizer.h"
#include "text/numbers.h"
#include "text/tokenizer.h"

namespace rasd::text {
namespace {

unsigned HexValue(std::string_view s) {
  unsigned v = 0;
  for (const char c : s) {
    v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

// Appends the JSON string that starts after the opening quote at line[i].
void AppendJsonString(std::string_view line, std::size_t i, std::string* out) {
  while (i < line.size() && line[i] != '"') {
    if (line[i] != '\\') {
      out->push_back(line[i++]);
      continue;
    }
    const char e = line[i + 1];
    i += 2;
    if (e == 'n') {
      out->push_back('\n');
    } else if (e == 't') {
      out->push_back('\t');
    } else if (e == 'u') {
      utf8::Append(HexValue(line.substr(i, 4)), out);  // the corpus has no surrogate pairs
      i += 4;
    } else {
      out->push_back(e);
    }
  }
}

struct Corpus {
  std::string original;
  NormalizedText norm;
  std::vector<Token> tokens;
};

const Corpus& DevCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::ifstream in(RASD_SOURCE_DIR "/eval/corpus/dev.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      const std::size_t key = line.find("\"text\": \"");
      if (key == std::string::npos) continue;
      AppendJsonString(line, key + 9, &c.original);
      c.original += "\n\n";
    }
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
