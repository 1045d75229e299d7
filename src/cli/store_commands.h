// Internal header. The store's sub-commands: `ingest` (extract and store),
// `query` (canonical events by filters), `search` (full-text over articles)
// and `stats` (aggregates). Each callback prints its own errors on stderr and
// throws CLI::RuntimeError with the exit code on failure.
#ifndef RASD_CLI_STORE_COMMANDS_H_
#define RASD_CLI_STORE_COMMANDS_H_

#include <string>

#include <CLI/CLI.hpp>

namespace rasd::cli {

void RegisterStoreCommands(CLI::App* app, const std::string* data_dir);

}  // namespace rasd::cli

#endif  // RASD_CLI_STORE_COMMANDS_H_
