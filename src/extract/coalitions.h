// Internal header. The groups a document says act with a class of actors
// (docs/extraction.md, step 4), found once per document from the index
// alone: the sentence run puts such a group in the class's place among an
// event's sides (LedByTheNamedGroup).
#ifndef RASD_EXTRACT_COALITIONS_H_
#define RASD_EXTRACT_COALITIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rasd/span.h"

#include "extract/doc_index.h"

namespace rasd::extract {

// "X with a class of actors" (جبهة النصرة بالتعاون مع فصائل أخرى من المعارضة):
// X leads the class's fighters in the report that follows.
struct Coalition {
  std::uint32_t sentence = 0;
  std::uint32_t token = 0;  // the "with" cue's first token
  std::string leader;
  int leader_inter = 0;
  std::optional<ByteSpan> leader_span;
  std::string member;  // the class (registry kind generic)
};

// Every "X with a class of actors" of the document: a group named right
// before a "with" cue, the subject of its clause, and a class of actors
// within a few words after the cue.
std::vector<Coalition> FindCoalitions(const DocIndex& ix);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_COALITIONS_H_
