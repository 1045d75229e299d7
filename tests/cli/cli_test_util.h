// Helpers for the end-to-end tests: run the rasd binary with a shell command
// line, capture its standard output and exit status, and make temp folders.
#ifndef RASD_TESTS_CLI_CLI_TEST_UTIL_H_
#define RASD_TESTS_CLI_CLI_TEST_UTIL_H_

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>

namespace rasd::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;  // standard output
};

// Runs `rasd <args>` through the shell; stderr goes to `stderr_path` if given.
inline RunResult RunRasd(const std::string& args, const std::string& stderr_path = "/dev/null") {
  const std::string cmd = std::string(RASD_BINARY) + " " + args + " 2>" + stderr_path;
  RunResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteAll(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

// A fresh folder under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/rasd-cli-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string SourceDir() { return RASD_SOURCE_DIR; }

}  // namespace rasd::testing

#endif  // RASD_TESTS_CLI_CLI_TEST_UTIL_H_
