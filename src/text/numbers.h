// Internal header. Reads numbers: digits in Western, Arabic-Indic and Persian
// scripts (already ASCII after normalisation), thousands separators, Arabic
// number words with their feminine and case forms up to millions
// (خمسمئة، ألف وخمسمئة، ثلاثة آلاف، عشرين), vague quantities (عشرات، العشرات،
// مئات، آلاف) and qualifiers (أكثر من، نحو، قرابة، ما لا يقل عن).
#ifndef RASD_TEXT_NUMBERS_H_
#define RASD_TEXT_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace rasd::text {

enum class NumberQualifier : std::uint8_t {
  kExact,    // 40
  kAtLeast,  // أكثر من 40، ما لا يقل عن 40، ما يزيد عن 40
  kAbout,    // نحو 40، قرابة 40، حوالي 40
  kAtMost,   // أقل من 40، ما لا يزيد عن
  kVague,    // عشرات، العشرات، مئات: value is the conventional figure
};

struct NumberMention {
  std::uint32_t first_token = 0;  // includes the qualifier words
  std::uint32_t end_token = 0;
  // The conservative figure (spec/events.md: أكثر من 40 = 40, العشرات = 12),
  // never negative, at most limits::kMaxNumberValue.
  std::int64_t value = 0;
  NumberQualifier qualifier = NumberQualifier::kExact;
  bool decimal = false;  // 3.5: value is truncated, not a count
};

// Finds every number in the token stream, in order, non-overlapping.
// Numeric dates and times (25/2/2016, 2016-02-25, 10:30) are not numbers.
// *out is cleared first.
void ReadNumbers(const NormalizedText& norm, const std::vector<Token>& tokens,
                 std::vector<NumberMention>* out);

class PhraseTable;

// The lexicon of number words and qualifiers (data/text/numbers.tsv).
const PhraseTable& NumberPhrases();

// ReadNumbers, given start_hits[i] == NumberPhrases().StartHits(tokens[i])
// for every token (Analyze computes them with the date lexicon's, in one
// loop over each token's readings).
void ReadNumbers(const NormalizedText& norm, const std::vector<Token>& tokens,
                 const std::vector<std::uint8_t>& start_hits, std::vector<NumberMention>* out);
// The same, reading only at start_tokens (ascending): at least every token
// whose start_hits is not 0 and every number token, the only tokens where
// a number may start (AnalyzedText::start_tokens).
void ReadNumbers(const NormalizedText& norm, const std::vector<Token>& tokens,
                 const std::vector<std::uint8_t>& start_hits,
                 const std::vector<std::uint32_t>& start_tokens, std::vector<NumberMention>* out);

// The same, with each token's start hits read from Token::start_hits (its
// low byte: Tokenize was given NumberPhrases()' start filter first, as
// Analyze does), reading only at start_tokens.
inline constexpr std::uint32_t kNumberHitsShift = 0;
void ReadNumbersWithTokenHits(const NormalizedText& norm, const std::vector<Token>& tokens,
                              const std::vector<std::uint32_t>& start_tokens,
                              std::vector<NumberMention>* out);

// The number (digits or words, no qualifier) that starts at tokens[i], if
// any: for readers of "قبل 3 أيام" and the like.
std::optional<NumberMention> ReadNumberAt(const NormalizedText& norm,
                                          const std::vector<Token>& tokens, std::uint32_t i);

}  // namespace rasd::text

#endif  // RASD_TEXT_NUMBERS_H_
