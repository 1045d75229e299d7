// Data-folder lookup and terminal detection for the sub-commands.
#include "cli/options.h"

#include <cstdlib>

#include <unistd.h>

namespace rasd::cli {

std::string ResolveDataDir(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("RASD_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return RASD_DEFAULT_DATA_DIR;
}

bool IsTerminal(int fd) { return isatty(fd) == 1; }

}  // namespace rasd::cli
