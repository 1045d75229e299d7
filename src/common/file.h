// Internal header. Whole-file reads and atomic writes with errors that name the file.
#ifndef RASD_COMMON_FILE_H_
#define RASD_COMMON_FILE_H_

#include <string>

#include "rasd/status.h"

namespace rasd {

// Reads a whole file as bytes. Fails with NotFound, IoError, or
// ResourceExhausted when larger than max_bytes.
Result<std::string> ReadFile(const std::string& path, std::size_t max_bytes);

// Writes to path.tmp then renames, so a reader never sees half a file.
Status WriteFileAtomic(const std::string& path, const std::string& bytes);

}  // namespace rasd

#endif  // RASD_COMMON_FILE_H_
