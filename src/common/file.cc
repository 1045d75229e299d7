// File reads and atomic writes over stdio; errors carry the path and errno text.
#include "common/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace rasd {
namespace {
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;
}  // namespace

Result<std::string> ReadFile(const std::string& path, std::size_t max_bytes) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    const int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    return err == ENOENT ? NotFound(msg) : IoError(msg);
  }
  std::string bytes;
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    if (bytes.size() + n > max_bytes) {
      return ResourceExhausted(path + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
    bytes.append(buf, n);
  }
  if (std::ferror(f.get())) return IoError(path + ": read failed: " + std::strerror(errno));
  return bytes;
}

Status WriteFileAtomic(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp";
  {
    FilePtr f(std::fopen(tmp.c_str(), "wb"));
    if (!f) return IoError(tmp + ": " + std::strerror(errno));
    if (std::fwrite(bytes.data(), 1, bytes.size(), f.get()) != bytes.size() ||
        std::fflush(f.get()) != 0) {
      return IoError(tmp + ": write failed: " + std::strerror(errno));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return IoError(path + ": rename failed: " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace rasd
