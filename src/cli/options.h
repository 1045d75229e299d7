// Internal header. Options shared by the sub-commands, and the data-folder lookup.
#ifndef RASD_CLI_OPTIONS_H_
#define RASD_CLI_OPTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace rasd::cli {

// The knowledge-base folder: --data, else $RASD_DATA_DIR, else the source
// tree's data/ this binary was built from.
std::string ResolveDataDir(const std::string& flag_value);

// Bytes of input the paths hold (files, directories read recursively), for
// the progress line's ETA; 0 when one of them is standard input.
std::uint64_t InputBytes(const std::vector<std::string>& inputs);

// True when `fd` is a terminal: progress lines and tables only then.
bool IsTerminal(int fd);

}  // namespace rasd::cli

#endif  // RASD_CLI_OPTIONS_H_
