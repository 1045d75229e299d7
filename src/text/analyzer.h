// Internal header. The whole text core in one call: normalise, tokenise with
// clitic readings, split sentences, read numbers and dates. Holds its buffers
// so that a worker thread analysing many documents allocates rarely.
#ifndef RASD_TEXT_ANALYZER_H_
#define RASD_TEXT_ANALYZER_H_

#include <optional>
#include <string_view>
#include <vector>

#include "text/dates.h"
#include "text/normalizer.h"
#include "text/numbers.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace rasd::text {

struct AnalyzedText {
  NormalizedText norm;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<NumberMention> numbers;
  std::vector<DateMention> dates;
  // The tokens, ascending, with a number or date start hit or made of
  // digits: the only ones where the readers can find anything, so that they
  // pass over the rest without looking at them. The hits themselves are in
  // Token::start_hits (NumberPhrases()' in the low byte, DatePhrases()' in
  // the high one: Tokenize is given both start filters), where the readers
  // read them.
  std::vector<std::uint32_t> start_tokens;
};

void Analyze(std::string_view original, std::optional<CivilDate> pub_date, AnalyzedText* out);

}  // namespace rasd::text

#endif  // RASD_TEXT_ANALYZER_H_
