// Speed of the text core on the real dev corpus (eval/corpus/dev.jsonl): the
// "text" fields concatenated, so each iteration is one large document of
// real Arabic news. Figures are bytes of original text per second; the
// target is 100 MB/s per core for Normalize + Tokenize (NormalizeTokenize).
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "dev_corpus.h"
#include "text/analyzer.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace rasd::text {
namespace {

const std::string& DevCorpus() { return bench::DevCorpusText(); }

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

// The fold tables alone, as on a machine without SSE2: what the 16-byte
// blocks of Normalize gain.
void BM_NormalizePortable(benchmark::State& state) {
  const std::string& text = DevCorpus();
  NormalizedText norm;
  for (auto _ : state) {
    NormalizePortable(text, &norm);
    benchmark::DoNotOptimize(norm.text.data());
  }
  ReportBytes(state, text.size());
}
BENCHMARK(BM_NormalizePortable);

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
