// `rasd extract`: reads documents (files, directories, JSONL, HTML, stdin),
// runs the engine on --threads workers and writes results in input order.
// Rejected input is reported on stderr as "where: reason", optionally kept
// byte for byte in --rejects, and turns the exit status to 3.
#include "cli/extract_command.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/core.h>

#include "rasd/engine.h"

#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "common/ordered_pool.h"
#include "intake/reader.h"

namespace rasd::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format = "jsonl";
  std::string input_format = "auto";
  std::string rejects;
  unsigned threads = 1;
  bool debug = false;
  bool summary = false;
};

// A finished document: its formatted output and what the progress line counts.
struct Rendered {
  std::string text;
  std::uint64_t bytes = 0;
  std::size_t events = 0;
};

int RunExtract(const ExtractFlags& flags, const std::string& data_dir) {
  auto format = ParseOutputFormat(flags.format);
  auto input_format = intake::ParseInputFormat(flags.input_format);
  for (const Status* s : {&format.status(), &input_format.status()}) {
    if (!s->ok()) {
      std::fprintf(stderr, "rasd extract: %s\n", s->message().c_str());
      return 2;
    }
  }
  auto engine = Engine::Create({data_dir});
  if (!engine.ok()) {
    std::fprintf(stderr, "rasd extract: %s\n", engine.status().ToString().c_str());
    return ExitCodeFor(engine.status());
  }
  auto out = OutputFile::Open(flags.output, *format);
  if (!out.ok()) {
    std::fprintf(stderr, "rasd extract: %s\n", out.status().ToString().c_str());
    return ExitCodeFor(out.status());
  }
  std::unique_ptr<RejectsFile> rejects;
  if (!flags.rejects.empty()) {
    auto r = RejectsFile::Open(flags.rejects);
    if (!r.ok()) {
      std::fprintf(stderr, "rasd extract: %s\n", r.status().ToString().c_str());
      return ExitCodeFor(r.status());
    }
    rejects = std::move(*r);
  }

  Progress progress(!flags.summary && IsTerminal(2), InputBytes(flags.inputs));
  const Engine& eng = **engine;
  OutputFile& sink = **out;
  const RecordJsonOptions json_options{flags.debug};
  OrderedPool<Document, Rendered, Workspace> pool(
      flags.threads,
      [&](Document&& doc, Workspace* ws) {
        const DocumentResult result = eng.Process(doc, ws);
        Rendered r{{}, doc.text.size(), result.events.size()};
        sink.Render(doc, result, json_options, &r.text);
        return r;
      },
      [&](Rendered&& r) {
        sink.Write(r.text);
        progress.Add(1, r.bytes, r.events);
      });

  Status failure;
  for (const std::string& input : flags.inputs) {
    Status s = intake::ReadInput(
        input, *input_format, [&](Document&& doc) { pool.Submit(std::move(doc)); },
        [&](intake::Rejection&& rej) {
          // A warning (a bad pub_date) keeps the article; only skipped input is rejected.
          const bool skipped = rej.severity == intake::RejectionSeverity::kSkipped;
          std::fprintf(stderr, "%s: %s%s\n", rej.where.c_str(),
                       skipped ? "" : "warning: ", rej.reason.c_str());
          if (!skipped) return;
          progress.AddRejected(1);
          if (rejects) rejects->Write(rej.raw);
        });
    if (!s.ok()) {
      std::fprintf(stderr, "rasd extract: %s\n", s.ToString().c_str());
      failure = s;
    }
  }
  pool.Finish();
  Status closed = sink.Close();
  if (!closed.ok()) {
    std::fprintf(stderr, "rasd extract: %s\n", closed.ToString().c_str());
    return ExitCodeFor(closed);
  }
  if (flags.summary || progress.documents() > 0 || progress.rejected() > 0) {
    progress.Finish("extracted");
  }
  if (!failure.ok()) return ExitCodeFor(failure);
  return progress.rejected() > 0 ? ExitCodeFor(BadInput("")) : 0;
}

}  // namespace

void RegisterExtractCommand(CLI::App* app, const std::string* data_dir) {
  auto flags = std::make_shared<ExtractFlags>();
  flags->threads = std::max(1u, std::thread::hardware_concurrency());
  CLI::App* cmd = app->add_subcommand("extract", "Extract events, actors and places from articles");
  cmd->add_option("inputs", flags->inputs,
                  "Files, directories (.txt/.jsonl/.html inside), or - for standard input")
      ->required();
  cmd->add_option("-o,--output", flags->output, "Output file (default: standard output)");
  cmd->add_option("--format", flags->format, "jsonl (default), acled-csv, geojson or table");
  cmd->add_option("--input-format", flags->input_format, "auto (default), txt, jsonl or html");
  cmd->add_option("--rejects", flags->rejects, "Write rejected input here, byte for byte");
  cmd->add_option("-j,--threads", flags->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("--debug", flags->debug, "Include the document text and origin in each record");
  cmd->add_flag("--summary", flags->summary, "Print only the summary line on stderr");
  cmd->callback([flags, data_dir] {
    const int code = RunExtract(*flags, ResolveDataDir(*data_dir));
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace rasd::cli
