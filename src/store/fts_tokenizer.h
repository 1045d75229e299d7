// Internal header. The "rasd" FTS5 tokenizer: full-text search that reads
// Arabic as rasd's text core does. Each word is normalised (alef, ya, ta
// marbuta folded, tashkeel dropped) and indexed twice at one position: its
// surface form and, as an FTS5_TOKEN_COLOCATED twin, the stem of its most
// stripped clitic reading. A query word is looked up by that stem only, so
// النصرة finds للنصرة, والنصرة and بالنصرة. Offsets handed to FTS5 are bytes
// of the ORIGINAL text, so snippet() and highlight() mark the right words.
#ifndef RASD_STORE_FTS_TOKENIZER_H_
#define RASD_STORE_FTS_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "rasd/status.h"

namespace rasd::store {

// Registers the tokenizer under the name "rasd" on `db` (once per connection).
Status RegisterRasdTokenizer(sqlite3* db);

// One indexed term, for tests and for the evidence similarity of deduplication.
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
