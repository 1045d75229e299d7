// Validation, counting and the byte -> code-point index.
#include "common/utf8.h"

#include <cstring>

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

// Lead bytes among n bytes at p, eight at a time: a continuation byte is
// 10xxxxxx, so its bit 7 is set and its bit 6 (shifted up to bit 7) clear;
// the multiply adds the eight 0/1 bytes into the top byte.
std::size_t LeadBytes(const char* p, std::size_t n) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  std::size_t continuation = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p + i, 8);
    const std::uint64_t marks = (w & ~(w << 1) & kHighBits) >> 7;
    continuation += (marks * kOnes) >> 56;
  }
  for (; i < n; ++i) continuation += !IsLeadByte(static_cast<unsigned char>(p[i]));
  return n - continuation;
}

}  // namespace

std::size_t CountCodePoints(std::string_view s) { return LeadBytes(s.data(), s.size()); }

CharIndex::CharIndex(std::string_view text) : text_(text) {
  const std::size_t blocks = text.size() / kBlock;
  checkpoints_.resize(blocks + 1);
  std::uint32_t count = 0;
  for (std::size_t k = 0; k < blocks; ++k) {
    checkpoints_[k] = count;
    count += static_cast<std::uint32_t>(LeadBytes(text.data() + k * kBlock, kBlock));
  }
  checkpoints_[blocks] = count;
}

CharOffset CharIndex::ToChar(ByteOffset b) const {
  const std::size_t pos = b.value > text_.size() ? text_.size() : b.value;
  const std::size_t block = pos / kBlock;
  const auto in_block = LeadBytes(text_.data() + block * kBlock, pos - block * kBlock);
  return CharOffset(checkpoints_[block] + static_cast<std::uint32_t>(in_block));
}

}  // namespace rasd::utf8
