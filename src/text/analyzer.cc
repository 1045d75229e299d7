// The text core in one call, in pipeline order. Each step reuses the vectors
// already in *out, so analysing many documents with one AnalyzedText
// allocates only when a document is larger than any before it.
#include "text/analyzer.h"

namespace rasd::text {

void Analyze(std::string_view original, std::optional<CivilDate> pub_date, AnalyzedText* out) {
  Normalize(original, &out->norm);
  Tokenize(out->norm, &out->tokens);
  SplitSentences(out->norm, out->tokens, &out->sentences);
  out->numbers.clear();
  ReadNumbers(out->norm, out->tokens, &out->numbers);
  out->dates.clear();
  ReadDates(out->norm, out->tokens, pub_date, &out->dates);
}

}  // namespace rasd::text
