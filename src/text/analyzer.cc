// The text core in one call, in pipeline order. Each step reuses the vectors
// already in *out, so analysing many documents with one AnalyzedText
// allocates only when a document is larger than any before it.
#include "text/analyzer.h"

#include "text/lexicon.h"

namespace rasd::text {

namespace {

// The tokens where a number or a date may start: those with a start hit in
// either lexicon (Tokenize found them while it hashed the readings) or made
// of digits.
void FindPhraseStarts(AnalyzedText* out) {
  const std::size_t n = out->tokens.size();
  // Local pointers: stores through the vector would make the compiler
  // reload its pointer every time.
  const Token* tokens = out->tokens.data();
  out->start_tokens.resize(n);
  std::uint32_t* starts = out->start_tokens.data();
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    // Written always, kept when it counts: which tokens do is unpredictable.
    starts[count] = static_cast<std::uint32_t>(i);
    count += static_cast<std::size_t>((tokens[i].start_hits != 0) |
                                      (tokens[i].kind == TokenKind::kNumber));
  }
  out->start_tokens.resize(count);
}

}  // namespace

void Analyze(std::string_view original, std::optional<CivilDate> pub_date, AnalyzedText* out) {
  Normalize(original, &out->norm);
  static const PhraseTable::StartFilterPair filters(NumberPhrases(), DatePhrases());
  Tokenize(out->norm, &out->tokens, filters.words());
  SplitSentences(out->norm, out->tokens, &out->sentences);
  FindPhraseStarts(out);
  ReadNumbersWithTokenHits(out->norm, out->tokens, out->start_tokens, &out->numbers);
  ReadDatesWithTokenHits(out->norm, out->tokens, out->start_tokens, pub_date, &out->dates);
}

}  // namespace rasd::text
