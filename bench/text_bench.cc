// Speed of the text core on the real dev corpus (eval/corpus/dev.jsonl): the
// "text" fields concatenated, so each iteration is one large document of
// real Arabic news. Figures are bytes of original text per second; the
// target is 100 MB/s per core for Normalize + Tokenize (NormalizeTokenize).
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "common/utf8.h"
#include "text/analyzer.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
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

// The dev corpus texts, one article after another with a blank line between.
const std::string& DevCorpus() {
  static const std::string corpus = [] {
    std::string all;
    std::ifstream in(RASD_SOURCE_DIR "/eval/corpus/dev.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      const std::size_t key = line.find("\"text\": \"");
      if (key == std::string::npos) continue;
      AppendJsonString(line, key + 9, &all);
      all += "\n\n";
    }
    return all;
  }();
  return corpus;
}

void ReportBytes(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_Normalize(benchmark::State& state) {
  const std::string& text = DevCorpus();
  NormalizedText norm;
  for (auto _ : state) {
    Normalize(text, &norm);
    benchmark::DoNotOptimize(norm.text.data());
  }
  ReportBytes(state, text.size());
}
BENCHMARK(BM_Normalize);

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = DevCorpus();
  NormalizedText norm;
  Normalize(text, &norm);
  std::vector<Token> tokens;
  for (auto _ : state) {
    Tokenize(norm, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  ReportBytes(state, text.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * tokens.size()));
}
BENCHMARK(BM_Tokenize);

// Normalisation, tokenisation and clitic analysis: the 100 MB/s target.
void BM_NormalizeTokenize(benchmark::State& state) {
  const std::string& text = DevCorpus();
  NormalizedText norm;
  std::vector<Token> tokens;
  for (auto _ : state) {
    Normalize(text, &norm);
    Tokenize(norm, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  ReportBytes(state, text.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * tokens.size()));
}
BENCHMARK(BM_NormalizeTokenize);

void BM_SplitSentences(benchmark::State& state) {
  const std::string& text = DevCorpus();
  NormalizedText norm;
  Normalize(text, &norm);
  std::vector<Token> tokens;
  Tokenize(norm, &tokens);
  std::vector<Sentence> sentences;
  for (auto _ : state) {
    SplitSentences(norm, tokens, &sentences);
    benchmark::DoNotOptimize(sentences.data());
  }
  ReportBytes(state, text.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * tokens.size()));
}
BENCHMARK(BM_SplitSentences);

void BM_Analyze(benchmark::State& state) {
  const std::string& text = DevCorpus();
  AnalyzedText analyzed;
  const std::optional<CivilDate> pub_date = CivilDate{2015, 8, 11};
  for (auto _ : state) {
    Analyze(text, pub_date, &analyzed);
    benchmark::DoNotOptimize(analyzed.tokens.data());
  }
  ReportBytes(state, text.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * analyzed.tokens.size()));
}
BENCHMARK(BM_Analyze);

}  // namespace
}  // namespace rasd::text
