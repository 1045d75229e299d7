// Fuzzes date reading: the first two bytes choose a publication date (or
// none), the rest (cut to its valid UTF-8 prefix) goes through Normalize ->
// Tokenize -> ReadDates; every mention must be in bounds, ordered, a real day
// within [kMinYear, kMaxYear], and nothing relative may come without a date.
// Analyze, which hands ReadDates and ReadNumbers the start hits of both
// lexicons from one loop, must find the very same dates and numbers.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "text/analyzer.h"
#include "text/dates.h"
#include "text/normalizer.h"
#include "text/numbers.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  std::optional<rasd::text::CivilDate> pub;
  const int pick = data[0] | (data[1] << 8);
  if (pick != 0) {  // any day from 1890 to about 2069, reaching past both year limits
    pub = rasd::text::CivilDate::FromDays(rasd::text::CivilDate{1890, 1, 1}.ToDays() + pick);
  }
  std::string_view input(reinterpret_cast<const char*>(data) + 2, size - 2);
  input = input.substr(0, rasd::utf8::FirstInvalid(input));
  rasd::text::NormalizedText norm;
  std::vector<rasd::text::Token> tokens;
  std::vector<rasd::text::DateMention> dates;
  rasd::text::Normalize(input, &norm);
  rasd::text::Tokenize(norm, &tokens);
  rasd::text::ReadDates(norm, tokens, pub, &dates);
  std::uint32_t previous_end = 0;
  for (const rasd::text::DateMention& m : dates) {
    const bool bad_span =
        m.first_token < previous_end || m.first_token >= m.end_token || m.end_token > tokens.size();
    const bool bad_date = !m.date.IsValid() || m.date.year < rasd::text::kMinYear ||
                          m.date.year > rasd::text::kMaxYear;
    if (bad_span || bad_date || (m.relative && !pub)) __builtin_trap();
    previous_end = m.end_token;
  }
  rasd::text::AnalyzedText analyzed;
  rasd::text::Analyze(input, pub, &analyzed);
  std::vector<rasd::text::NumberMention> numbers;
  rasd::text::ReadNumbers(norm, tokens, &numbers);
  if (analyzed.tokens.size() != tokens.size() || analyzed.dates.size() != dates.size() ||
      analyzed.numbers.size() != numbers.size()) {
    __builtin_trap();
  }
  for (std::size_t k = 0; k < dates.size(); ++k) {
    const rasd::text::DateMention &a = analyzed.dates[k], &b = dates[k];
    if (a.first_token != b.first_token || a.end_token != b.end_token ||
        a.date.ToDays() != b.date.ToDays() || a.precision != b.precision) {
      __builtin_trap();
    }
  }
  for (std::size_t k = 0; k < numbers.size(); ++k) {
    const rasd::text::NumberMention &a = analyzed.numbers[k], &b = numbers[k];
    if (a.first_token != b.first_token || a.end_token != b.end_token || a.value != b.value) {
      __builtin_trap();
    }
  }
  return 0;
}
