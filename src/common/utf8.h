// Internal header. UTF-8 decoding and encoding of single code points, and the
// mapping from byte offsets to code-point offsets that the output needs.
// Hand-written because the hot loops of the text core must decode inline;
// ICU is used for transcoding whole documents (src/intake), not here.
#ifndef RASD_COMMON_UTF8_H_
#define RASD_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/span.h"

namespace rasd::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i]; sets *len to its byte length (>= 1). Invalid
// or truncated sequences, overlongs and surrogates decode to U+FFFD with len 1,
// so a caller always makes progress.
inline char32_t Decode(std::string_view s, std::size_t i, std::size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const std::size_t n = s.size() - i;
  const unsigned c0 = p[0];
  if (c0 < 0x80) {
    *len = 1;
    return c0;
  }
  *len = 1;
  if (c0 < 0xC2) return kReplacement;
  if (c0 < 0xE0) {
    if (n < 2 || (p[1] & 0xC0) != 0x80) return kReplacement;
    *len = 2;
    return ((c0 & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c0 < 0xF0) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return kReplacement;
    const char32_t cp = ((c0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
    *len = 3;
    return cp;
  }
  if (c0 < 0xF5) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
      return kReplacement;
    }
    const char32_t cp =
        ((c0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return kReplacement;
    *len = 4;
    return cp;
  }
  return kReplacement;
}

// Appends the UTF-8 encoding of cp (which must be a valid scalar value).
inline void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Byte offset of the first invalid sequence, or s.size() when s is valid UTF-8.
std::size_t FirstInvalid(std::string_view s);

// Number of code points in s (s must be valid UTF-8).
std::size_t CountCodePoints(std::string_view s);

// Converts byte offsets of one text into code-point offsets in O(1) each after
// an O(n/64) build: a checkpoint every 64 bytes, then a short scan (both
// count eight bytes at a time).
class CharIndex {
 public:
  explicit CharIndex(std::string_view text);
  CharOffset ToChar(ByteOffset b) const;
  CharSpan ToChar(ByteSpan s) const { return {ToChar(s.begin), ToChar(s.end)}; }

 private:
  static constexpr std::size_t kBlock = 64;
  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;  // code points before byte kBlock*i
};

}  // namespace rasd::utf8

#endif  // RASD_COMMON_UTF8_H_
