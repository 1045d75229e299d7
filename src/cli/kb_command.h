// Internal header. `rasd kb check`: validates the knowledge base.
#ifndef RASD_CLI_KB_COMMAND_H_
#define RASD_CLI_KB_COMMAND_H_

#include <string>

#include <CLI/CLI.hpp>

namespace rasd::cli {

void RegisterKbCommand(CLI::App* app, const std::string* data_dir);

}  // namespace rasd::cli

#endif  // RASD_CLI_KB_COMMAND_H_
