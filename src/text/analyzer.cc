// The text core in one call, in pipeline order. Each step reuses the vectors
// already in *out, so analysing many documents with one AnalyzedText
// allocates only when a document is larger than any before it.
#include "text/analyzer.h"

#include "text/lexicon.h"

namespace rasd::text {

namespace {

// The start hits Tokenize found, split per lexicon, and the tokens where a
// number or a date may start.
void FindPhraseStarts(AnalyzedText* out) {
  const std::size_t n = out->tokens.size();
  out->number_starts.resize(n);
  out->date_starts.resize(n);
  // Local pointers: a store of a byte may alias anything, so stores through
  // the vectors would make the compiler reload their pointers every time.
  const Token* tokens = out->tokens.data();
  std::uint8_t* number_starts = out->number_starts.data();
  std::uint8_t* date_starts = out->date_starts.data();
  out->start_tokens.resize(n);
  std::uint32_t* starts = out->start_tokens.data();
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t hits = tokens[i].start_hits;
    number_starts[i] = static_cast<std::uint8_t>(hits);
    date_starts[i] = static_cast<std::uint8_t>(hits >> 8);
    // Written always, kept when it counts: which tokens do is unpredictable.
    starts[count] = static_cast<std::uint32_t>(i);
    count += static_cast<std::size_t>((hits != 0) | (tokens[i].kind == TokenKind::kNumber));
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
  ReadNumbers(out->norm, out->tokens, out->number_starts, out->start_tokens, &out->numbers);
  ReadDates(out->norm, out->tokens, out->date_starts, out->start_tokens, pub_date, &out->dates);
}

}  // namespace rasd::text
