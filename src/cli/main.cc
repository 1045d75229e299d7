// rasd's command line. Parses arguments with CLI11 and dispatches to one
// Register*Command per sub-command; those and src/serve are the only code
// that prints or chooses an exit code (docs/cli.md lists the commands).
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>
#ifdef RASD_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/bench_command.h"
#include "cli/extract_command.h"
#include "cli/kb_command.h"
#include "cli/store_commands.h"

namespace {

// The allocator behind this process's malloc. A build that links mimalloc
// says so only when a block from malloc is mimalloc's: a link order that left
// glibc's malloc in charge is reported, not hidden.
std::string Allocator() {
#ifdef RASD_WITH_MIMALLOC
  void* probe = std::malloc(64);
  const bool owned = mi_is_in_heap_region(probe);
  std::free(probe);
  if (owned) {
    const int v = mi_version();
    return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
           std::to_string(v % 10);
  }
#endif
  return "system malloc";
}

int Run(int argc, char** argv) {
  CLI::App app{"rasd: Arabic news in, conflict-event data out"};
  app.require_subcommand(1);
  app.set_version_flag("--version",
                       std::string("rasd ") + RASD_VERSION + " (allocator: " + Allocator() + ")");
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
