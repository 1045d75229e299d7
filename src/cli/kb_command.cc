// `rasd kb check`: prints each diagnostic as "file:line: severity: message"
// and exits 1 when any is an error, so CI stops on a broken registry.
#include "cli/kb_command.h"

#include <cstdio>
#include <unordered_set>

#include "cli/options.h"
#include "extract/lexicon.h"
#include "kb/check.h"
#include "kb/knowledge_base.h"

namespace rasd::cli {
namespace {

// The extraction lexicons (data/extract/): rows that do not parse, and actor
// ids that the registry does not hold. Returns the number of errors printed.
std::size_t CheckExtractionLexicons(const std::string& data_dir) {
  std::vector<extract::LexiconDiagnostic> problems;
  auto lexicon = extract::Lexicon::Load(data_dir, &problems);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "%s\n", lexicon.status().message().c_str());
    return 1;
  }
  std::size_t errors = 0;
  for (const auto& p : problems) {
    std::fprintf(stderr, "%s:%u: error: %s\n", p.file.c_str(), p.line, p.message.c_str());
    ++errors;
  }
  auto kb = kb::LoadKnowledgeBase(data_dir);
  if (!kb.ok()) return errors;  // kb::Check has reported why
  std::unordered_set<std::string> ids;
  for (const auto& actor : kb->actors) ids.insert(actor.id);
  for (const auto& ref : lexicon->actor_references()) {
    if (ids.count(ref.id) != 0) continue;
    std::fprintf(stderr, "%s:%u: error: unknown actor id '%s'\n", ref.file.c_str(), ref.line,
                 ref.id.c_str());
    ++errors;
  }
  return errors;
}

int RunCheck(const std::string& data_dir, bool quiet) {
  auto report = kb::Check(data_dir);
  if (!report.ok()) {
    std::fprintf(stderr, "rasd kb check: %s\n", report.status().ToString().c_str());
    return ExitCodeFor(report.status());
  }
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const kb::Diagnostic& d : report->diagnostics) {
    const bool is_error = d.severity == kb::Severity::kError;
    errors += is_error;
    warnings += !is_error;
    if (is_error || !quiet) std::fprintf(stderr, "%s\n", kb::FormatDiagnostic(d).c_str());
  }
  errors += CheckExtractionLexicons(data_dir);
  std::fprintf(stderr, "rasd kb check: %s: %zu errors, %zu warnings\n", data_dir.c_str(), errors,
               warnings);
  return errors > 0 ? 1 : 0;
}

}  // namespace

void RegisterKbCommand(CLI::App* app, const std::string* data_dir) {
  CLI::App* kb = app->add_subcommand("kb", "Knowledge-base tools");
  kb->require_subcommand(1);
  auto quiet = std::make_shared<bool>(false);
  CLI::App* check = kb->add_subcommand("check", "Validate actors, sources, places and lexicons");
  check->add_flag("-q,--quiet", *quiet, "Print errors only");
  check->callback([data_dir, quiet] {
    const int code = RunCheck(ResolveDataDir(*data_dir), *quiet);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace rasd::cli
