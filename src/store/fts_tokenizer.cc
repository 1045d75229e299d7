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
  FtsAnalysis analysis;
  const FtsTermCache* cache = nullptr;
};

using TokenSink = int (*)(void*, int, const char*, int, int, int);

// The bare stem of `stem` read as a word of its own ("" when it is not one
// word, or is its own bare stem): what a document word spelled `stem` is indexed as.
std::string StemOfStem(std::string_view stem) {
  FtsAnalysis again;
  AnalyzeForFts(stem, &again);
  if (again.tokens.size() != 1 || !IsIndexable(again.tokens[0])) return {};
  const std::string_view twice = BareStem(again.norm, again.tokens[0]);
  return twice == stem ? std::string() : std::string(twice);
}

// Calls `emit` for every term of an analysed text; stops at the first
// non-zero return. A document word is indexed as its bare stem only (schema
// v4). A query word is its bare stem and, as an FTS5_TOKEN_COLOCATED
// alternative, the bare stem of that stem: a document word whose surface is
// the query's stem is indexed under the latter when its own most stripped
// reading strips further, as a bare noun starting with a preposition letter
// is (the query البراميل, stem براميل, finds a document's براميل, indexed as
// راميل). Until v3 the index held every surface form beside its stem for
// this, which doubled what FTS5 hashed and wrote per article.
template <typename Emit>
int ForEachTerm(const FtsAnalysis& a, bool query, Emit emit) {
  for (const text::Token& token : a.tokens) {
    if (!IsIndexable(token)) continue;
    const int start = static_cast<int>(token.original.begin.value);
    const int end = static_cast<int>(token.original.end.value);
    const std::string_view stem = BareStem(a.norm, token);
    int rc = emit(0, stem, start, end);
    if (rc == 0 && query) {
      const std::string twice = StemOfStem(stem);
      if (!twice.empty()) rc = emit(FTS5_TOKEN_COLOCATED, twice, start, end);
    }
    if (rc != 0) return rc;
  }
  return SQLITE_OK;
}

int Create(void* context, const char**, int, Fts5Tokenizer** out) {
  auto* t = new RasdTokenizer();
  t->cache = static_cast<const FtsTermCache*>(context);
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<RasdTokenizer*>(t); }

int Tokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int size,
             TokenSink sink) {
  auto* t = reinterpret_cast<RasdTokenizer*>(tokenizer);
  const std::string_view input(text, static_cast<std::size_t>(size));
  if (t->cache != nullptr && flags == FTS5_TOKENIZE_DOCUMENT) {
    if (const auto terms = t->cache->Find(input)) {
      for (const FtsTermCache::Term& term : *terms) {
        const std::string_view s = t->cache->TermText(term);
        const int rc =
            sink(ctx, term.flags, s.data(), static_cast<int>(s.size()), term.start, term.end);
        if (rc != SQLITE_OK) return rc;
      }
      return SQLITE_OK;
    }
  }
  AnalyzeForFts(input, &t->analysis);
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  return ForEachTerm(
      t->analysis, query, [&](int tflags, std::string_view term, int start, int end) {
        return sink(ctx, tflags, term.data(), static_cast<int>(term.size()), start, end);
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

std::size_t AnalyzeForFts(std::string_view text, FtsAnalysis* out) {
  // Only valid UTF-8 is analysed; a query or row with bad bytes is searched up to them.
  text = text.substr(0, utf8::FirstInvalid(text));
  text::Normalize(text, &out->norm);
  text::Tokenize(out->norm, &out->tokens);
  return text.size();
}

bool IsIndexable(const text::Token& token) {
  return token.kind == text::TokenKind::kArabicWord || token.kind == text::TokenKind::kLatinWord ||
         token.kind == text::TokenKind::kNumber;
}

std::string_view BareStem(const text::NormalizedText& norm, const text::Token& token) {
  std::string_view best = norm.View(token.norm);
  for (std::size_t i = 1; i < token.reading_count; ++i) {
    const std::string_view stem = StemOf(norm, token, token.readings[i]);
    if (!stem.empty() && stem.size() < best.size()) best = stem;
  }
  return best;
}

void FtsTermCache::Clear() {
  texts_.clear();
  term_bytes_.clear();
  terms_.clear();
  entries_.clear();
  by_size_.clear();
}

void FtsTermCache::Add(std::string_view text, const FtsAnalysis& analysis) {
  Entry entry;
  entry.text_offset = texts_.size();
  entry.text_size = text.size();
  entry.first_term = terms_.size();
  texts_.append(text);
  ForEachTerm(analysis, /*query=*/false, [&](int flags, std::string_view term, int start, int end) {
    terms_.push_back({static_cast<std::uint32_t>(term_bytes_.size()),
                      static_cast<std::uint32_t>(term.size()), flags, start, end});
    term_bytes_.append(term);
    return 0;
  });
  entry.term_count = terms_.size() - entry.first_term;
  by_size_.emplace(text.size(), entries_.size());
  entries_.push_back(entry);
}

std::optional<std::span<const FtsTermCache::Term>> FtsTermCache::Find(std::string_view text) const {
  const auto [begin, end] = by_size_.equal_range(text.size());
  for (auto it = begin; it != end; ++it) {
    const Entry& e = entries_[it->second];
    if (std::string_view(texts_).substr(e.text_offset, e.text_size) != text) continue;
    return std::span<const Term>(terms_).subspan(e.first_term, e.term_count);
  }
  return std::nullopt;
}

Status RegisterRasdTokenizer(sqlite3* db, const FtsTermCache* cache) {
  Result<fts5_api*> api = GetFts5Api(db);
  if (!api.ok()) return api.status();
  fts5_tokenizer tokenizer{&Create, &Delete, &Tokenize};
  // FTS5 hands the context to Create; the tokenizer only reads the cache.
  void* context = const_cast<FtsTermCache*>(cache);
  const int rc = (*api)->xCreateTokenizer(*api, "rasd", context, &tokenizer, nullptr);
  if (rc != SQLITE_OK) return Internal("cannot register the rasd FTS5 tokenizer");
  return Status::Ok();
}

std::vector<FtsTerm> FtsTerms(std::string_view text, bool query) {
  FtsAnalysis analysis;
  AnalyzeForFts(text, &analysis);
  std::vector<FtsTerm> terms;
  ForEachTerm(analysis, query, [&](int flags, std::string_view term, int start, int end) {
    terms.push_back({std::string(term), start, end, (flags & FTS5_TOKEN_COLOCATED) != 0});
    return 0;
  });
  return terms;
}

}  // namespace rasd::store
