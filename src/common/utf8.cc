// Validation, counting and the byte -> code-point index.
#include "common/utf8.h"

namespace rasd::utf8 {

std::size_t FirstInvalid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t cp = Decode(s, i, &len);
    // A literal U+FFFD in the text is valid; a decoding failure always has len 1.
    if (cp == kReplacement && len == 1) return i;
    i += len;
  }
  return s.size();
}

namespace {
inline bool IsLeadByte(unsigned char c) { return (c & 0xC0) != 0x80; }
}  // namespace

std::size_t CountCodePoints(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += IsLeadByte(static_cast<unsigned char>(c));
  return n;
}

CharIndex::CharIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / 64 + 2);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % 64 == 0) checkpoints_.push_back(count);
    count += IsLeadByte(static_cast<unsigned char>(text[i]));
  }
  if (text.size() % 64 == 0) checkpoints_.push_back(count);
}

CharOffset CharIndex::ToChar(ByteOffset b) const {
  std::size_t pos = b.value > text_.size() ? text_.size() : b.value;
  std::uint32_t count = checkpoints_[pos / 64];
  for (std::size_t i = pos / 64 * 64; i < pos; ++i) {
    count += IsLeadByte(static_cast<unsigned char>(text_[i]));
  }
  return CharOffset(count);
}

}  // namespace rasd::utf8
