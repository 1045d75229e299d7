// Fuzzer for the rasd FTS5 tokenizer on arbitrary bytes: every term has
// original-byte offsets inside the valid UTF-8 prefix of the input, start
// before end, in non-decreasing order; a query word's colocated alternative
// sits exactly on the term before it (documents have none); the term cache
// replays exactly the terms tokenizing gives. The same bytes then go through
// SQLite itself (an in-memory FTS5 table with the rasd tokenizer: insert
// from the cache, integrity-check against real tokenizing, highlight, delete).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "common/utf8.h"
#include "store/fts_tokenizer.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

rasd::store::FtsTermCache& Cache() {
  static rasd::store::FtsTermCache cache;
  return cache;
}

void CheckTerms(std::string_view input, bool query) {
  const int limit = static_cast<int>(rasd::utf8::FirstInvalid(input));
  int last_start = 0;
  int last_end = 0;
  bool first = true;
  for (const rasd::store::FtsTerm& t : rasd::store::FtsTerms(input, query)) {
    Check(!t.text.empty());
    Check(0 <= t.start && t.start < t.end && t.end <= limit);
    if (t.colocated) {
      // Only a query word has an alternative, on the term before it.
      Check(!first && query && t.start == last_start && t.end == last_end);
    } else {
      Check(t.start >= last_start);
    }
    last_start = t.start;
    last_end = t.end;
    first = false;
  }
}

// The cache replays exactly the document terms tokenizing gives.
void CheckCache(std::string_view input) {
  const std::vector<rasd::store::FtsTerm> terms = rasd::store::FtsTerms(input, /*query=*/false);
  rasd::store::FtsAnalysis analysis;
  rasd::store::AnalyzeForFts(input, &analysis);
  rasd::store::FtsTermCache& cache = Cache();
  cache.Clear();
  cache.Add(input, analysis);
  const auto replay = cache.Find(input);
  Check(replay.has_value() && replay->size() == terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const auto& r = (*replay)[i];
    Check(cache.TermText(r) == terms[i].text && r.start == terms[i].start &&
          r.end == terms[i].end && (r.flags == FTS5_TOKEN_COLOCATED) == terms[i].colocated);
  }
}

sqlite3* Database() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    Check(sqlite3_open(":memory:", &d) == SQLITE_OK);
    Check(rasd::store::RegisterRasdTokenizer(d, &Cache()).ok());
    Check(sqlite3_exec(d, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='rasd')", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
    return d;
  }();
  return db;
}

// Runs `sql` with ?1 bound to `text`; the final step's result code.
int Run(sqlite3* db, const char* sql, std::string_view text) {
  sqlite3_stmt* stmt = nullptr;
  Check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
  sqlite3_bind_text(stmt, 1, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  int rc = SQLITE_ROW;
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return rc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckTerms(input, /*query=*/false);
  CheckTerms(input, /*query=*/true);
  CheckCache(input);  // leaves `input` in the cache
  sqlite3* db = Database();
  Run(db, "INSERT INTO t(rowid, x) VALUES (1, ?1)", input);  // replayed from the cache
  Cache().Clear();
  // The index built from the cache is what tokenizing the stored text gives.
  Check(Run(db, "INSERT INTO t(t) VALUES ('integrity-check')", {}) == SQLITE_DONE);
  // A term of the input as the query (quoted, so that it is never FTS5 syntax).
  const auto terms = rasd::store::FtsTerms(input, /*query=*/true);
  if (!terms.empty() && terms[0].text.find('"') == std::string::npos) {
    Run(db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", '"' + terms[0].text + '"');
  }
  Run(db, "DELETE FROM t", {});
  return 0;
}
