// Offsets that cannot be mixed up. rasd handles three kinds of position:
// bytes of the original UTF-8 text, bytes of the normalised text, and Unicode
// code points of the original text (what the JSON output and the scorer use).
// Each is its own type, so passing a normalised offset where an original one
// is expected does not compile.
#ifndef RASD_SPAN_H_
#define RASD_SPAN_H_

#include <compare>
#include <cstdint>

namespace rasd {

template <typename Tag>
struct Offset {
  std::uint32_t value = 0;

  constexpr Offset() = default;
  constexpr explicit Offset(std::uint32_t v) : value(v) {}
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 reads the defaulted <=> as a 0 compare
  constexpr auto operator<=>(const Offset&) const = default;
};

using ByteOffset = Offset<struct OriginalByteTag>;    // into the original UTF-8 text
using NormOffset = Offset<struct NormalizedByteTag>;  // into the normalised text
using CharOffset = Offset<struct CodePointTag>;       // code points of the original text

// A half-open range [begin, end).
template <typename Off>
struct Span {
  Off begin;
  Off end;

  constexpr std::uint32_t size() const { return end.value - begin.value; }
  constexpr bool empty() const { return end.value == begin.value; }
  constexpr bool operator==(const Span&) const = default;
};

using ByteSpan = Span<ByteOffset>;
using NormSpan = Span<NormOffset>;
using CharSpan = Span<CharOffset>;

}  // namespace rasd

#endif  // RASD_SPAN_H_
