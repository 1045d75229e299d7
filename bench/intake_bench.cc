// Intake throughput on the real corpus, replicated in memory: UTF-8
// validation (every input pays it), Windows-1256 and UTF-16 transcoding with
// ICU, JSONL reading with simdjson, and HTML extraction with gumbo. Figures
// are bytes of input per second.
#include <fstream>
#include <iterator>
#include <string>

#include <benchmark/benchmark.h>
#include <unicode/ucnv.h>

#include "intake/decode.h"
#include "intake/html.h"
#include "intake/jsonl.h"

namespace {

constexpr std::size_t kCorpusBytes = 8u << 20;

std::string ReadCorpusFile(const std::string& relative) {
  std::ifstream in(std::string(RASD_SOURCE_DIR) + "/eval/corpus/" + relative, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string Replicate(const std::string& unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

// The texts of dev.jsonl, one after another, as one long article.
const std::string& ArabicText() {
  static const std::string text = [] {
    std::string all;
    rasd::intake::ReadJsonlBuffer(
        ReadCorpusFile("dev.jsonl"), "dev.jsonl", [&](rasd::Document&& d) { all += d.text + "\n"; },
        [](rasd::intake::Rejection&&) {});
    return Replicate(all, kCorpusBytes);
  }();
  return text;
}

std::string Encode(const std::string& utf8, const char* charset) {
  std::string out(utf8.size() * 2 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  out.resize(U_SUCCESS(err) ? static_cast<std::size_t>(n) : 0);
  return out;
}

void RunDecode(benchmark::State& state, const std::string& bytes) {
  if (bytes.empty()) state.SkipWithError("could not encode the corpus");
  for (auto _ : state) {
    auto decoded = rasd::intake::DecodeToUtf8(bytes, "bench");
    if (!decoded.ok()) state.SkipWithError(decoded.status().message().c_str());
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

void BM_DecodeUtf8(benchmark::State& state) { RunDecode(state, ArabicText()); }
void BM_DecodeWindows1256(benchmark::State& state) {
  static const std::string bytes = Encode(ArabicText(), "windows-1256");
  RunDecode(state, bytes);
}
void BM_DecodeUtf16Le(benchmark::State& state) {
  static const std::string bytes = "\xFF\xFE" + Encode(ArabicText(), "UTF-16LE");
  RunDecode(state, bytes);
}

void BM_ReadJsonl(benchmark::State& state) {
  static const std::string jsonl = Replicate(ReadCorpusFile("dev.jsonl"), kCorpusBytes);
  std::size_t documents = 0;
  for (auto _ : state) {
    const rasd::intake::JsonlCounts counts = rasd::intake::ReadJsonlBuffer(
        jsonl, "dev.jsonl", [](rasd::Document&& d) { benchmark::DoNotOptimize(d); },
        [](rasd::intake::Rejection&&) {});
    documents += counts.documents;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * jsonl.size()));
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(documents), benchmark::Counter::kIsRate);
}

// A news page of realistic size: the seed articles as paragraphs, inside
// menus, scripts and a sidebar.
void BM_ExtractHtml(benchmark::State& state) {
  static const std::string page = [] {
    std::string body;
    for (const char* seed : {"seeds.jsonl"}) {
      rasd::intake::ReadJsonlBuffer(
          ReadCorpusFile(seed), seed,
          [&](rasd::Document&& d) {
            std::size_t start = 0;
            while (start < d.text.size()) {
              std::size_t end = d.text.find('\n', start);
              if (end == std::string::npos) end = d.text.size();
              body += "<p>" + d.text.substr(start, end - start) + "</p>\n";
              start = end + 1;
            }
          },
          [](rasd::intake::Rejection&&) {});
    }
    return "<html><head><title>t</title><script>var x = 1;</script></head><body><header><nav>"
           "<ul><li><a href='/'>a</a></li><li><a href='/b'>b</a></li></ul></nav></header>"
           "<div class='main'><article>" +
           body + "</article><aside><p>side</p></aside></div><footer>f</footer></body></html>";
  }();
  for (auto _ : state) {
    auto article = rasd::intake::ExtractHtml(page);
    benchmark::DoNotOptimize(article);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}

BENCHMARK(BM_DecodeUtf8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeWindows1256)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeUtf16Le)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMicrosecond);

}  // namespace
