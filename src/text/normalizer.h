// Internal header. Normalisation for matching, with an offset map back to the
// original text (as SentencePiece's Normalize returns its alignment).
//
// What is folded (docs/text-core.md has the full table):
//   tashkeel, Quranic marks, tatweel, zero-width and bidi controls -> removed
//   alef forms (U+0622 U+0623 U+0625 U+0671) -> U+0627; U+0649 -> U+064A;
//   U+0629 -> U+0647; hamza seats U+0624 -> U+0648, U+0626 -> U+064A
//   Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFF) -> NFKC
//   Arabic-Indic and Persian digits -> ASCII; Arabic comma, semicolon,
//   question mark, decimal and thousands separators -> ASCII
//   guillemets and curly quotes -> '"'; every Unicode space -> ' '
//   ASCII letters -> lower case
// The original text is never modified.
#ifndef RASD_TEXT_NORMALIZER_H_
#define RASD_TEXT_NORMALIZER_H_

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rasd/span.h"

namespace rasd::text {

// std::allocator, except that resize() leaves new elements of a trivial type
// uninitialised: Normalize writes every map entry it keeps, so zeroing the
// map first (four bytes per byte of text) would only write it twice.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {  // NOLINT(readability-identifier-naming): the allocator interface's name
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  explicit UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

struct NormalizedText {
  std::string text;  // normalised UTF-8
  // to_original[i] is the original byte offset of the character that produced
  // normalised byte i; to_original[text.size()] is the original length.
  // Characters removed by normalisation therefore belong to the span before them.
  std::vector<std::uint32_t, UninitializedAllocator<std::uint32_t>> to_original;

  ByteOffset ToOriginal(NormOffset n) const { return ByteOffset(to_original[n.value]); }
  ByteSpan ToOriginal(NormSpan s) const { return {ToOriginal(s.begin), ToOriginal(s.end)}; }
  std::string_view View(NormSpan s) const {
    const std::string_view all = text;
    return all.substr(s.begin.value, s.size());
  }
};

// Normalises `original` (valid UTF-8) into *out, reusing its buffers.
void Normalize(std::string_view original, NormalizedText* out);

// The same as Normalize without its SSE2 fast path (runs of characters the
// folding keeps, copied 16 bytes at a time): every character goes through
// the fold tables, as on a machine without SSE2. For tests and fuzzers,
// which check that both give the same text and offset map.
void NormalizePortable(std::string_view original, NormalizedText* out);

// Normalises a short string with no offset map: for lexicon and registry
// entries, so that data and text are folded by the very same rules.
std::string NormalizeForMatch(std::string_view s);

}  // namespace rasd::text

#endif  // RASD_TEXT_NORMALIZER_H_
