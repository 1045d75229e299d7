// `rasd bench CORPUS`: replicates a corpus to --mb megabytes as a JSONL file
// (each copy with its own doc_id), then times the real path a user takes:
//   text:  intake (read, decode, parse JSONL) + the text core
//   full:  intake + text core + linking + events + JSON output
// on --threads workers, and prints MB/s, documents/s, sentences/s and words/s,
// in total and per core, and the same per second of CPU time the process used
// (all threads, user + system): on a machine shared with other work, wall
// time measures the load, CPU time still measures rasd. Stage benchmarks live
// in bench/ (Google Benchmark).
#include "cli/bench_command.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>

#include <fmt/core.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rasd/engine.h"

#include "cli/options.h"
#include "common/json_writer.h"
#include "common/ordered_pool.h"
#include "export/record_json.h"
#include "intake/reader.h"
#include "text/analyzer.h"

namespace rasd::cli {
namespace {

struct BenchFlags {
  std::string corpus;
  std::string stage = "full";
  double megabytes = 100;
  unsigned threads = 1;
};

// Writes copies of the corpus until `target` bytes of article text are reached.
Result<std::string> Replicate(const std::string& corpus, double megabytes) {
  std::vector<Document> docs;
  Status s = intake::ReadInput(
      corpus, intake::InputFormat::kAuto, [&](Document&& d) { docs.push_back(std::move(d)); },
      [](intake::Rejection&&) {});
  if (!s.ok()) return s;
  if (docs.empty()) return BadInput(corpus + ": no documents");
  const auto target = static_cast<std::uint64_t>(megabytes * 1e6);
  const std::string path =
      (std::filesystem::temp_directory_path() / fmt::format("rasd-bench-{}.jsonl", ::getpid()))
          .string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return IoError(path + ": cannot create");
  std::uint64_t written = 0;
  std::string line;
  for (std::size_t copy = 0; written < target; ++copy) {
    for (const Document& d : docs) {
      line.clear();
      JsonWriter w(&line);
      w.BeginObject();
      w.Field("doc_id", fmt::format("{}#{}", d.doc_id, copy));
      w.Field("text", d.text);
      w.FieldOrNull("pub_date", d.pub_date);
      w.EndObject();
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), f);
      written += d.text.size();
    }
  }
  std::fclose(f);
  return path;
}

struct Counts {
  std::uint64_t bytes = 0;
  std::uint64_t documents = 0;
  std::uint64_t sentences = 0;
  std::uint64_t words = 0;
  std::uint64_t events = 0;
};

// Per-thread scratch for both stages.
struct BenchScratch {
  Workspace workspace;
  text::AnalyzedText analyzed;
  std::string out;
};

Counts Measure(const Engine& engine, const std::string& path, const std::string& stage,
               unsigned threads) {
  Counts total;
  const bool full = stage == "full";
  OrderedPool<Document, Counts, BenchScratch> pool(
      threads,
      [&](Document&& doc, BenchScratch* s) {
        Counts c{doc.text.size(), 1, 0, 0, 0};
        if (full) {
          const DocumentResult r = engine.Process(doc, &s->workspace);
          s->out.clear();
          AppendDocumentRecord(doc, r, {}, &s->out);
          c.sentences = r.sentence_count;
          c.words = r.token_count;
          c.events = r.events.size();
        } else {
          text::Analyze(doc.text, text::CivilDate::FromIso(doc.pub_date), &s->analyzed);
          c.sentences = s->analyzed.sentences.size();
          c.words = s->analyzed.tokens.size();
        }
        return c;
      },
      [&](Counts&& c) {
        total.bytes += c.bytes;
        total.documents += c.documents;
        total.sentences += c.sentences;
        total.words += c.words;
        total.events += c.events;
      });
  Status s = intake::ReadInput(
      path, intake::InputFormat::kJsonl, [&](Document&& d) { pool.Submit(std::move(d)); },
      [](intake::Rejection&&) {});
  pool.Finish();
  (void)s;
  return total;
}

// CPU seconds used so far by every thread of the process, user and system.
double ProcessCpuSeconds() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

int RunBench(const BenchFlags& flags, const std::string& data_dir) {
  if (flags.stage != "full" && flags.stage != "text") {
    std::fprintf(stderr, "rasd bench: --stage must be text or full\n");
    return 2;
  }
  auto engine = Engine::Create({data_dir});
  if (!engine.ok()) {
    std::fprintf(stderr, "rasd bench: %s\n", engine.status().ToString().c_str());
    return ExitCodeFor(engine.status());
  }
  auto path = Replicate(flags.corpus, flags.megabytes);
  if (!path.ok()) {
    std::fprintf(stderr, "rasd bench: %s\n", path.status().ToString().c_str());
    return ExitCodeFor(path.status());
  }
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = ProcessCpuSeconds();
  const Counts c = Measure(**engine, *path, flags.stage, flags.threads);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_secs = ProcessCpuSeconds() - cpu_start;
  std::filesystem::remove(*path);
  const double mb = static_cast<double>(c.bytes) / 1e6;
  const double per_core = 1.0 / flags.threads;
  std::printf(
      "stage %s, %u thread(s), %.1f MB of article text, %llu documents, %.2f s (%.2f s of CPU)\n",
      flags.stage.c_str(), flags.threads, mb, static_cast<unsigned long long>(c.documents), secs,
      cpu_secs);
  std::printf("  %-14s %12s %12s %12s\n", "", "total", "per core", "per CPU s");
  const auto row = [&](const char* what, double v) {
    std::printf("  %-14s %12.1f %12.1f %12.1f\n", what, v / secs, v / secs * per_core,
                cpu_secs > 0 ? v / cpu_secs : 0.0);
  };
  row("MB/s", mb);
  row("documents/s", static_cast<double>(c.documents));
  row("sentences/s", static_cast<double>(c.sentences));
  row("words/s", static_cast<double>(c.words));
  if (flags.stage == "full") row("events/s", static_cast<double>(c.events));
  return 0;
}

}  // namespace

void RegisterBenchCommand(CLI::App* app, const std::string* data_dir) {
  auto flags = std::make_shared<BenchFlags>();
  CLI::App* cmd = app->add_subcommand("bench", "Measure throughput on a real corpus");
  cmd->add_option("corpus", flags->corpus, "Corpus to replicate (JSONL, directory or file)")
      ->required();
  cmd->add_option("--mb", flags->megabytes, "Megabytes of article text to process (default 100)");
  cmd->add_option("--stage", flags->stage, "text (intake + text core) or full (default)");
  cmd->add_option("-j,--threads", flags->threads, "Worker threads (default 1)")
      ->check(CLI::Range(1u, 256u));
  cmd->callback([flags, data_dir] {
    const int code = RunBench(*flags, ResolveDataDir(*data_dir));
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace rasd::cli
