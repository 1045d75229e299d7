// Fuzzes number reading: arbitrary bytes (cut to their valid UTF-8 prefix)
// -> Normalize -> Tokenize -> ReadNumbers, checking that mentions are in
// bounds, ordered, non-overlapping, non-negative and capped.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/limits.h"
#include "common/utf8.h"
#include "text/normalizer.h"
#include "text/numbers.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  input = input.substr(0, rasd::utf8::FirstInvalid(input));
  rasd::text::NormalizedText norm;
  std::vector<rasd::text::Token> tokens;
  std::vector<rasd::text::NumberMention> numbers;
  rasd::text::Normalize(input, &norm);
  rasd::text::Tokenize(norm, &tokens);
  rasd::text::ReadNumbers(norm, tokens, &numbers);
  std::uint32_t previous_end = 0;
  for (const rasd::text::NumberMention& m : numbers) {
    if (m.first_token < previous_end || m.first_token >= m.end_token ||
        m.end_token > tokens.size() || m.value < 0 || m.value > rasd::limits::kMaxNumberValue) {
      __builtin_trap();
    }
    previous_end = m.end_token;
  }
  return 0;
}
