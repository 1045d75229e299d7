// Linking throughput on the real evaluation corpus (eval/corpus/*.jsonl text
// fields): text core alone, text core + linker, and the linker alone on
// texts analysed beforehand, in bytes of original text per second.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "link/linker.h"
#include "text/analyzer.h"

namespace {

// The article texts, pulled out of the JSONL with a plain scan: the bench
// measures linking, not JSON parsing.
std::vector<std::string> CorpusTexts() {
  std::vector<std::string> texts;
  for (const char* part : {"/eval/corpus/seeds.jsonl", "/eval/corpus/dev.jsonl"}) {
    std::ifstream in(std::string(RASD_SOURCE_DIR) + part);
    std::string line;
    while (std::getline(in, line)) {
      const std::size_t key = line.find("\"text\": \"");
      if (key == std::string::npos) continue;
      std::string text;
      for (std::size_t i = key + 9; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
          ++i;
          text.push_back(line[i] == 'n' ? '\n' : line[i]);
        } else {
          text.push_back(line[i]);
        }
      }
      texts.push_back(std::move(text));
    }
  }
  return texts;
}

void BM_AnalyzeOnly(benchmark::State& state) {
  const std::vector<std::string> texts = CorpusTexts();
  rasd::text::AnalyzedText analyzed;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      rasd::text::Analyze(t, rasd::text::CivilDate{2015, 8, 1}, &analyzed);
      bytes += static_cast<std::int64_t>(t.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_AnalyzeOnly)->Unit(benchmark::kMillisecond);

void BM_AnalyzeAndLink(benchmark::State& state) {
  const std::vector<std::string> texts = CorpusTexts();
  auto linker = rasd::link::Linker::Create(std::string(RASD_SOURCE_DIR) + "/data");
  if (!linker.ok()) {
    state.SkipWithError(linker.status().ToString().c_str());
    return;
  }
  rasd::text::AnalyzedText analyzed;
  rasd::link::LinkedText linked;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      rasd::text::Analyze(t, rasd::text::CivilDate{2015, 8, 1}, &analyzed);
      (*linker)->Link(analyzed, t, rasd::text::CivilDate{2015, 8, 1}, &linked);
      bytes += static_cast<std::int64_t>(t.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_AnalyzeAndLink)->Unit(benchmark::kMillisecond);

void BM_LinkOnly(benchmark::State& state) {
  const std::vector<std::string> texts = CorpusTexts();
  auto linker = rasd::link::Linker::Create(std::string(RASD_SOURCE_DIR) + "/data");
  if (!linker.ok()) {
    state.SkipWithError(linker.status().ToString().c_str());
    return;
  }
  std::vector<rasd::text::AnalyzedText> analyzed(texts.size());
  for (std::size_t k = 0; k < texts.size(); ++k) {
    rasd::text::Analyze(texts[k], rasd::text::CivilDate{2015, 8, 1}, &analyzed[k]);
  }
  rasd::link::LinkedText linked;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (std::size_t k = 0; k < texts.size(); ++k) {
      (*linker)->Link(analyzed[k], texts[k], rasd::text::CivilDate{2015, 8, 1}, &linked);
      bytes += static_cast<std::int64_t>(texts[k].size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_LinkOnly)->Unit(benchmark::kMillisecond);

void BM_CreateLinker(benchmark::State& state) {
  for (auto _ : state) {
    auto linker = rasd::link::Linker::Create(std::string(RASD_SOURCE_DIR) + "/data");
    benchmark::DoNotOptimize(linker.ok());
  }
}
BENCHMARK(BM_CreateLinker)->Unit(benchmark::kMillisecond);

}  // namespace
