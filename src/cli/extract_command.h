// Internal header. `rasd extract INPUT... [-o OUT]`: documents in, one JSON
// line (or CSV row, or GeoJSON feature) per document out, in input order.
#ifndef RASD_CLI_EXTRACT_COMMAND_H_
#define RASD_CLI_EXTRACT_COMMAND_H_

#include <string>

#include <CLI/CLI.hpp>

namespace rasd::cli {

void RegisterExtractCommand(CLI::App* app, const std::string* data_dir);

}  // namespace rasd::cli

#endif  // RASD_CLI_EXTRACT_COMMAND_H_
