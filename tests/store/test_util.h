// Test helpers: a temporary directory removed at the end, and one-number SQL.
#ifndef RASD_TESTS_STORE_TEST_UTIL_H_
#define RASD_TESTS_STORE_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "store/sqlite.h"

namespace rasd::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rasd-store-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::int64_t QueryInt(store::Database* db, const std::string& sql) {
  auto v = db->QueryInt(sql);
  EXPECT_TRUE(v.ok()) << sql << ": " << v.status().ToString();
  return v.ok() ? *v : -1;
}

inline std::string IntegrityCheck(store::Database* db) {
  auto stmt = db->Prepare("PRAGMA integrity_check");
  if (!stmt.ok()) return stmt.status().ToString();
  Status status;
  std::string out;
  while (stmt->Step(&status)) out += stmt->String(0);
  return status.ok() ? out : status.ToString();
}

}  // namespace rasd::testing

#endif  // RASD_TESTS_STORE_TEST_UTIL_H_
