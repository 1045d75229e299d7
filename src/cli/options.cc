// Data-folder lookup and terminal detection for the sub-commands.
#include "cli/options.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace rasd::cli {

std::string ResolveDataDir(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("RASD_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return RASD_DEFAULT_DATA_DIR;
}

std::uint64_t InputBytes(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-") return 0;
    if (std::filesystem::is_regular_file(in, ec)) {
      total += std::filesystem::file_size(in, ec);
    } else if (std::filesystem::is_directory(in, ec)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(in, ec)) {
        if (e.is_regular_file(ec)) total += e.file_size(ec);
      }
    }
  }
  return total;
}

bool IsTerminal(int fd) { return isatty(fd) == 1; }

}  // namespace rasd::cli
