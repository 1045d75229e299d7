// Internal header. `rasd bench CORPUS`: whole-corpus throughput on real text.
#ifndef RASD_CLI_BENCH_COMMAND_H_
#define RASD_CLI_BENCH_COMMAND_H_

#include <string>

#include <CLI/CLI.hpp>

namespace rasd::cli {

void RegisterBenchCommand(CLI::App* app, const std::string* data_dir);

}  // namespace rasd::cli

#endif  // RASD_CLI_BENCH_COMMAND_H_
