// rasd's command line. Parses arguments with CLI11 and dispatches to one
// Register*Command per sub-command; those and src/serve are the only code
// that prints or chooses an exit code (docs/cli.md lists the commands).
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/bench_command.h"
#include "cli/extract_command.h"
#include "cli/kb_command.h"
#include "cli/store_commands.h"

namespace {

int Run(int argc, char** argv) {
  CLI::App app{"rasd: Arabic news in, conflict-event data out"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("rasd ") + RASD_VERSION);
  std::string data_dir;
  app.add_option("--data", data_dir,
                 "Knowledge-base folder (default: $RASD_DATA_DIR, else the built-in data/)")
      ->check(CLI::ExistingDirectory);

  rasd::cli::RegisterExtractCommand(&app, &data_dir);
  rasd::cli::RegisterKbCommand(&app, &data_dir);
  rasd::cli::RegisterStoreCommands(&app, &data_dir);
  rasd::cli::RegisterBenchCommand(&app, &data_dir);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Library code returns Status; this is the last guard against a
  // third-party exception (e.g. std::bad_alloc) ending the process silently,
  // while the commands are built as well as while they run.
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rasd: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "rasd: internal error\n");
  }
  return 1;
}
