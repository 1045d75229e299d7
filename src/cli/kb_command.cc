// `rasd kb check`: prints each diagnostic as "file:line: severity: message"
// and exits 1 when any is an error, so CI stops on a broken registry.
#include "cli/kb_command.h"

#include <cstdio>

#include "cli/options.h"
#include "kb/check.h"

namespace rasd::cli {
namespace {

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
