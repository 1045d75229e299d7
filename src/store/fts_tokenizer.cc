// The "rasd" FTS5 tokenizer, built on text::Normalize and text::Tokenize.
// Registered through the fts5_api pointer (SELECT fts5(?1) with
// sqlite3_bind_pointer), as the SQLite FTS5 documentation prescribes.
#include "store/fts_tokenizer.h"

#include <memory>

#include "common/utf8.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace rasd::store {
namespace {

// Per-table scratch; FTS5 calls one tokenizer instance from one connection at a time.
struct RasdTokenizer {
  text::NormalizedText norm;
  std::vector<text::Token> tokens;
};

bool Indexable(const text::Token& token) {
  return token.kind == text::TokenKind::kArabicWord || token.kind == text::TokenKind::kLatinWord ||
         token.kind == text::TokenKind::kNumber;
}

// The stem of the reading that strips the most clitic bytes: the form that
// every clitic-carrying spelling of a word shares.
std::string_view BareStem(const text::NormalizedText& norm, const text::Token& token) {
  std::string_view best = norm.View(token.norm);
  for (std::size_t i = 1; i < token.reading_count; ++i) {
    const std::string_view stem = StemOf(norm, token, token.readings[i]);
    if (!stem.empty() && stem.size() < best.size()) best = stem;
  }
  return best;
}

using TokenSink = int (*)(void*, int, const char*, int, int, int);

// Calls `emit` for every term of `original`; stops at the first non-zero return.
template <typename Emit>
int ForEachTerm(RasdTokenizer* t, std::string_view original, bool query, Emit emit) {
  // Only valid UTF-8 is analysed; a query or row with bad bytes is searched up to them.
  original = original.substr(0, utf8::FirstInvalid(original));
  text::Normalize(original, &t->norm);
  text::Tokenize(t->norm, &t->tokens);
  for (const text::Token& token : t->tokens) {
    if (!Indexable(token)) continue;
    const int start = static_cast<int>(token.original.begin.value);
    const int end = static_cast<int>(token.original.end.value);
    const std::string_view surface = t->norm.View(token.norm);
    const std::string_view stem = BareStem(t->norm, token);
    int rc = 0;
    if (query) {
      rc = emit(0, stem, start, end);
    } else {
      rc = emit(0, surface, start, end);
      if (rc == 0 && stem != surface) rc = emit(FTS5_TOKEN_COLOCATED, stem, start, end);
    }
    if (rc != 0) return rc;
  }
  return SQLITE_OK;
}

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new RasdTokenizer());
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<RasdTokenizer*>(t); }

int Tokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int size,
             TokenSink sink) {
  auto* t = reinterpret_cast<RasdTokenizer*>(tokenizer);
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  return ForEachTerm(t, std::string_view(text, static_cast<std::size_t>(size)), query,
                     [&](int tflags, std::string_view term, int start, int end) {
                       return sink(ctx, tflags, term.data(), static_cast<int>(term.size()), start,
                                   end);
                     });
}

Result<fts5_api*> GetFts5Api(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    return Internal("this SQLite has no FTS5");
  }
  fts5_api* api = nullptr;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api == nullptr) return Internal("this SQLite has no FTS5");
  return api;
}

}  // namespace

Status RegisterRasdTokenizer(sqlite3* db) {
  Result<fts5_api*> api = GetFts5Api(db);
  if (!api.ok()) return api.status();
  fts5_tokenizer tokenizer{&Create, &Delete, &Tokenize};
  const int rc = (*api)->xCreateTokenizer(*api, "rasd", nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) return Internal("cannot register the rasd FTS5 tokenizer");
  return Status::Ok();
}

std::vector<FtsTerm> FtsTerms(std::string_view text, bool query) {
  RasdTokenizer t;
  std::vector<FtsTerm> terms;
  ForEachTerm(&t, text, query, [&](int tflags, std::string_view term, int start, int end) {
    terms.push_back({std::string(term), start, end, (tflags & FTS5_TOKEN_COLOCATED) != 0});
    return 0;
  });
  return terms;
}

}  // namespace rasd::store
