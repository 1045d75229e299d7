// Internal header. Helpers shared by the intake tests: the real articles of
// eval/corpus, and ICU re-encoding of them into the legacy encodings that
// intake must read back.
#ifndef RASD_TESTS_INTAKE_CORPUS_UTIL_H_
#define RASD_TESTS_INTAKE_CORPUS_UTIL_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unistd.h>

namespace rasd::intake::testing {

// A path named `name` in a temporary folder that no other test process uses
// (ctest runs each test as its own process, in parallel, and other builds
// may run the same tests at the same time). The folder is created; remove
// the path's parent_path() when done.
inline std::filesystem::path UniqueTempPath(const std::string& name) {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string folder = "rasd-" + std::to_string(getpid());
  if (test != nullptr) folder += std::string("-") + test->name();
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / folder;
  std::filesystem::create_directories(dir);
  return dir / name;
}

inline std::string CorpusPath(const std::string& relative) {
  return std::string(RASD_SOURCE_DIR) + "/eval/corpus/" + relative;
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every seed article (eval/corpus/seeds/*.txt), in name order.
inline std::vector<std::string> SeedArticlePaths() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(CorpusPath("seeds"))) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// UTF-8 -> `charset` with ICU; an empty result with *ok false when a
// character has no mapping (the test then fails rather than compares).
inline std::string EncodeWithIcu(const std::string& utf8, const char* charset, bool* ok) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  UConverter* to = ucnv_open(charset, &err);
  ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  UConverter* from = ucnv_open("UTF-8", &err);
  char* target = out.data();
  const char* source = utf8.data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &err);
  ucnv_close(to);
  ucnv_close(from);
  *ok = U_SUCCESS(err);
  out.resize(*ok ? static_cast<std::size_t>(target - out.data()) : 0);
  return out;
}

}  // namespace rasd::intake::testing

#endif  // RASD_TESTS_INTAKE_CORPUS_UTIL_H_
