// Internal header. Sentence splitting on . ؟ ! ؛ and line breaks, aware of
// abbreviations, decimal numbers, quotations and datelines ("بيروت: ...").
#ifndef RASD_TEXT_SENTENCE_SPLITTER_H_
#define RASD_TEXT_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <vector>

#include "rasd/span.h"

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace rasd::text {

struct Sentence {
  std::uint32_t first_token = 0;  // [first_token, end_token) into the token vector
  std::uint32_t end_token = 0;
  NormSpan norm;
  ByteSpan original;
  // A dateline that opens the sentence ("دمشق - ", "بيروت: "): tokens
  // [first_token, dateline_end_token) name where it was filed, not where it happened.
  // Equal to first_token when the sentence has no dateline.
  std::uint32_t dateline_end_token = 0;
  bool HasDateline() const { return dateline_end_token > first_token; }
  bool paragraph_start = false;  // first sentence after a blank line or the text start
  bool line_start = false;       // first sentence after a line break or the text start
};

// Splits the token stream into sentences (docs/text-core.md has the rules).
// Every token belongs to exactly one sentence; sentences are in text order.
void SplitSentences(const NormalizedText& norm, const std::vector<Token>& tokens,
                    std::vector<Sentence>* out);

}  // namespace rasd::text

#endif  // RASD_TEXT_SENTENCE_SPLITTER_H_
