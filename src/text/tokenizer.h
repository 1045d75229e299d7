// Internal header. Tokenisation of normalised text and clitic analysis of
// Arabic words. A token keeps its span in the normalised and the original
// text. An Arabic word gets every plausible split into
//   [conjunction و/ف] [preposition ب/ل/ك] [article ال, written ل after ل] stem [enclitic pronoun]
// because a letter that looks like a clitic is often part of the stem
// (بلدة is not ب + لدة): the matchers try each reading, longest stem first.
#ifndef RASD_TEXT_TOKENIZER_H_
#define RASD_TEXT_TOKENIZER_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "rasd/span.h"

#include "text/normalizer.h"

namespace rasd::text {

enum class TokenKind : std::uint8_t {
  kArabicWord,  // a run of Arabic letters
  kLatinWord,   // a run of ASCII or other Latin letters
  kNumber,      // a run of digits, with internal '.' or ',' (3.5, 1,200)
  kPunct,       // one punctuation character: . , ; : ? ! " ( ) - etc.
  kSymbol,      // anything else, one character at a time
};

// One way to read an Arabic word: byte counts into the token's normalised text.
struct CliticReading {
  std::uint8_t proclitic_bytes = 0;  // و ف ب ل ك before the article or stem
  std::uint8_t article_bytes = 0;    // ال (4 bytes), or the ل of لل (2 bytes)
  std::uint8_t enclitic_bytes = 0;   // pronoun suffix: ه ها هم هما هن كم نا ي
  bool definite() const { return article_bytes != 0; }
};

inline constexpr std::size_t kMaxReadings = 6;

struct Token {
  NormSpan norm;
  ByteSpan original;
  TokenKind kind = TokenKind::kSymbol;
  std::uint8_t reading_count = 0;  // Arabic words: >= 1; the first is the surface form
  std::array<CliticReading, kMaxReadings> readings{};
  // True when whitespace or the text start precedes the token (false for the
  // quote and the name in "لـ«داعش»", which normalises to ل"داعش").
  bool space_before = false;
  // True for an Arabic word made only of proclitics (و ف ب ل ك, or a
  // conjunction plus a preposition: وب ول فل ...), as in "لـ«داعش»" or
  // "لـ داعش": such a "word" cannot stand alone, it governs the next word.
  // Matchers find it with DetachedProcliticOf, so a name in quotes or after
  // a tatweel still carries its preposition.
  bool detached_proclitic = false;
};

inline constexpr std::uint32_t kNoToken = 0xFFFFFFFF;

// The stem of `token` under `reading`: normalised text with clitics and article cut.
inline std::string_view StemOf(const NormalizedText& norm, const Token& token,
                               const CliticReading& reading) {
  const std::uint32_t begin =
      token.norm.begin.value + reading.proclitic_bytes + reading.article_bytes;
  const std::uint32_t end = token.norm.end.value - reading.enclitic_bytes;
  const std::string_view all = norm.text;
  return all.substr(begin, end - begin);
}

// The index of the detached proclitic token that governs tokens[i] (directly
// before it, or before one opening quote or parenthesis glued to it), or
// kNoToken. For ل"داعش": DetachedProcliticOf(tokens, index of داعش) is the ل.
std::uint32_t DetachedProcliticOf(const std::vector<Token>& tokens, std::uint32_t i);

// Appends the tokens of `norm` to *out (cleared first).
void Tokenize(const NormalizedText& norm, std::vector<Token>* out);

}  // namespace rasd::text

#endif  // RASD_TEXT_TOKENIZER_H_
