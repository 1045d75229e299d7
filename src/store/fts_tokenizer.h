// Internal header. The "rasd" FTS5 tokenizer: full-text search that reads
// Arabic as rasd's text core does. Each word is normalised (alef, ya, ta
// marbuta folded, tashkeel dropped) and indexed as the stem of its most
// stripped clitic reading, so النصرة finds للنصرة, والنصرة and بالنصرة. A
// query word is that stem, with the stem of the stem as an
// FTS5_TOKEN_COLOCATED alternative (fts_tokenizer.cc says why). Offsets
// handed to FTS5 are bytes of the ORIGINAL text, so snippet() and
// highlight() mark the words as written.
#ifndef RASD_STORE_FTS_TOKENIZER_H_
#define RASD_STORE_FTS_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <sqlite3.h>

#include "rasd/status.h"

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace rasd::store {

// One analysis of a text as the tokenizer reads it: the valid UTF-8 prefix,
// normalised and tokenised. Reused across texts (no allocation once warm).
struct FtsAnalysis {
  text::NormalizedText norm;
  std::vector<text::Token> tokens;
};

// Analyses `text` exactly as the tokenizer does before emitting its terms.
// Returns the number of bytes analysed: all of `text` unless it has invalid UTF-8.
std::size_t AnalyzeForFts(std::string_view text, FtsAnalysis* out);

// The tokens the tokenizer indexes (Arabic and Latin words, numbers).
bool IsIndexable(const text::Token& token);

// The stem of the reading that strips the most clitic bytes: the form that
// every clitic-carrying spelling of a word shares (a query word's one term).
std::string_view BareStem(const text::NormalizedText& norm, const text::Token& token);

// Document terms of texts the store has just analysed for another purpose
// (the sentence split of an article, the stems of an evidence), so that FTS5
// indexing them replays the terms instead of normalising the text again.
// Entries are keyed by the whole text, compared byte for byte: a replay is
// exactly what tokenizing gives, so the delete trigger later removes exactly
// what was indexed. Only document tokenization (inserts, deletes) replays;
// queries and snippets always tokenize.
class FtsTermCache {
 public:
  void Clear();
  // Records the document terms of `text`, of which `analysis` is AnalyzeForFts.
  void Add(std::string_view text, const FtsAnalysis& analysis);

  struct Term {
    std::uint32_t offset = 0;  // into term_bytes_
    std::uint32_t size = 0;
    int flags = 0;  // 0 (documents have no colocated terms)
    int start = 0;  // original byte offsets
    int end = 0;
  };
  // The terms of `text`, or nullopt when it was not added since the last
  // Clear; valid until the next Add or Clear.
  std::optional<std::span<const Term>> Find(std::string_view text) const;
  std::string_view TermText(const Term& term) const {
    return std::string_view(term_bytes_).substr(term.offset, term.size);
  }

 private:
  struct Entry {
    std::size_t text_offset = 0;  // into texts_
    std::size_t text_size = 0;
    std::size_t first_term = 0;
    std::size_t term_count = 0;
  };
  std::string texts_;
  std::string term_bytes_;
  std::vector<Term> terms_;
  std::vector<Entry> entries_;
  std::unordered_multimap<std::size_t, std::size_t> by_size_;  // text size -> entry
};

// Registers the tokenizer under the name "rasd" on `db` (once per connection).
// With a cache, document tokenization replays the terms of texts in it; the
// cache must outlive the connection's FTS5 tables' use of it.
Status RegisterRasdTokenizer(sqlite3* db, const FtsTermCache* cache = nullptr);

// One indexed term, for tests and the fuzzer.
struct FtsTerm {
  std::string text;
  int start = 0;  // original byte offsets
  int end = 0;
  bool colocated = false;
};

// What the tokenizer emits for `text` as a document (query = false) or as a query.
std::vector<FtsTerm> FtsTerms(std::string_view text, bool query);

}  // namespace rasd::store

#endif  // RASD_STORE_FTS_TOKENIZER_H_
