// Internal header. Tokenisation of normalised text and clitic analysis of
// Arabic words. A token keeps its span in the normalised and the original
// text. An Arabic word gets every plausible split into
//   [conjunction و/ف] [preposition ب/ل/ك] [article ال, written ل after ل] stem [enclitic pronoun]
// because a letter that looks like a clitic is often part of the stem
// (بلدة is not ب + لدة): the matchers try each reading, longest stem first.
// Each reading also carries the hash of its stem, computed once here, and
// StemMap is the table every matcher keys by stem: the text core, the linker
// and the event lexicons then probe their tables without hashing the text again.
#ifndef RASD_TEXT_TOKENIZER_H_
#define RASD_TEXT_TOKENIZER_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
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
  // Bit r, and bit 8 + r, for each reading r without a pronoun suffix whose
  // stem passes the first, and the second, phrase start filter Tokenize was
  // given (StartFilterBit; Analyze gives the number and the date lexicons'
  // filters side by side); 0 when it was given none. Found while the
  // readings are hashed, so that no later pass reads them all again.
  std::uint16_t start_hits = 0;
  // HashStem(StemOf(readings[r])) for an Arabic word; for any other token,
  // stem_hash[0] is HashStem of its whole text.
  std::array<std::uint32_t, kMaxReadings> stem_hash{};
};

inline constexpr std::uint32_t kNoToken = 0xFFFFFFFF;

// Phrase start filters (PhraseTable) have this many bits, one per
// (stem hash, definite): the bit of a reading is StartFilterBit.
inline constexpr std::uint32_t kStartFilterBits = 8192;
inline std::uint32_t StartFilterBit(std::uint32_t stem_hash, bool definite) {
  return ((stem_hash >> 19) ^ (definite ? kStartFilterBits / 2 : 0)) & (kStartFilterBits - 1);
}

// The stem of `token` under `reading`: normalised text with clitics and article cut.
inline std::string_view StemOf(const NormalizedText& norm, const Token& token,
                               const CliticReading& reading) {
  const std::uint32_t begin =
      token.norm.begin.value + reading.proclitic_bytes + reading.article_bytes;
  const std::uint32_t end = token.norm.end.value - reading.enclitic_bytes;
  const std::string_view all = norm.text;
  return all.substr(begin, end - begin);
}

// The masks that keep the first n bytes of a stem of n < 16 bytes read as
// two little-endian words: `first` keeps min(n, 8) bytes, `second` n - 8.
struct ShortStemMask {
  std::uint64_t first = 0;
  std::uint64_t second = 0;
};
inline constexpr std::size_t kShortStemBytes = 16;
constexpr std::array<ShortStemMask, kShortStemBytes> MakeShortStemMasks() {
  std::array<ShortStemMask, kShortStemBytes> masks{};
  for (std::size_t n = 0; n < kShortStemBytes; ++n) {
    masks[n].first = n >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
    masks[n].second = n <= 8 ? 0 : (std::uint64_t{1} << (8 * (n - 8))) - 1;
  }
  return masks;
}
inline constexpr std::array<ShortStemMask, kShortStemBytes> kShortStemMasks = MakeShortStemMasks();

// HashStem of a stem of n < 16 bytes, given its bytes read as two words
// (anything past the stem is masked off): two multiplies, and no branch on
// the size, which follows no pattern from one reading to the next.
inline std::uint32_t HashShortStemWords(std::uint64_t first, std::uint64_t second, std::size_t n) {
  const ShortStemMask& mask = kShortStemMasks[n];
  std::uint64_t h = ((first & mask.first) + n) * 0x9E3779B97F4A7C15ULL ^
                    (second & mask.second) * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 29;  // the low bits of a product see only the low bits of the stem
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// A hash of a short word for StemMap. Stems are a few bytes long: one of
// fewer than 16 bytes is HashShortStemWords of its bytes; a longer one is
// read eight bytes at a time, a multiply and a shift per step, which mixes
// well enough for tables of a few thousand stems. Every reading of every
// token is hashed (the tokenizer reads the short ones without a copy).
inline std::uint32_t HashStem(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  if (n < kShortStemBytes) {
    std::uint64_t first = 0, second = 0;
    std::memcpy(&first, p, n < 8 ? n : 8);
    if (n > 8) std::memcpy(&second, p + 8, n - 8);
    return HashShortStemWords(first, second, n);
  }
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = (n + 1) * kMul;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  const std::size_t rest = n - i;
  if (rest == 0) return static_cast<std::uint32_t>(h ^ (h >> 32));
  std::uint64_t w = 0;
  std::memcpy(&w, p + i, rest);
  h = (h ^ w) * kMul;
  h ^= h >> 29;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// a == b, inline: stems are short, and a call to memcmp costs more than
// comparing them with two overlapping loads from each end.
inline bool SameStem(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const auto load = [](std::string_view s, std::size_t at, auto word) {
    std::memcpy(&word, s.data() + at, sizeof word);
    return word;
  };
  if (n >= 8 && n <= 16) {
    return load(a, 0, std::uint64_t{}) == load(b, 0, std::uint64_t{}) &&
           load(a, n - 8, std::uint64_t{}) == load(b, n - 8, std::uint64_t{});
  }
  if (n >= 4 && n < 8) {
    return load(a, 0, std::uint32_t{}) == load(b, 0, std::uint32_t{}) &&
           load(a, n - 4, std::uint32_t{}) == load(b, n - 4, std::uint32_t{});
  }
  return a == b;
}

// A read-mostly map from stems to V, probed with a hash the caller already
// has (Token::stem_hash): open addressing over (hash, entry) slots kept at
// most a quarter full, and a bit filter of four bits per slot that answers
// MayContain for most stems in no table without computing the stem or
// touching the slots. Entries keep insertion order; values are stable until
// the next insertion.
template <typename V>
class StemMap {
 public:
  // The value of `key`, inserted default-constructed when absent.
  V& operator[](std::string_view key) {
    const std::uint32_t hash = HashStem(key);
    if (const std::uint32_t entry = EntryOf(key, hash)) return entries_[entry - 1].second;
    if ((entries_.size() + 1) * 4 > slots_.size()) Grow();
    entries_.emplace_back(std::string(key), V{});
    Place(hash, static_cast<std::uint32_t>(entries_.size()));
    return entries_.back().second;
  }

  // False when no key has this HashStem; true for every key in the map.
  bool MayContain(std::uint32_t hash) const {
    if (filter_.empty()) return false;  // nothing inserted yet, or moved from
    const std::uint32_t bit = FilterBit(hash);
    return (filter_[bit / 64] >> (bit % 64) & 1) != 0;
  }

  // MayContain over the filter as it is now, held in two locals: a loop
  // that tests many hashes and stores bytes (which may alias anything)
  // between tests would otherwise reload the filter's fields at each test.
  class Filter {
   public:
    explicit Filter(const StemMap& map)
        : bits_(map.filter_.empty() ? &kNoBits : map.filter_.data()),
          bit_mask_(map.filter_.empty() ? 0 : map.filter_bit_mask_) {}
    bool MayContain(std::uint32_t hash) const {
      const std::uint32_t bit = FilterBit(hash, bit_mask_);
      return (bits_[bit / 64] >> (bit % 64) & 1) != 0;
    }

   private:
    static constexpr std::uint64_t kNoBits = 0;  // the filter of an empty map
    const std::uint64_t* bits_;
    std::uint32_t bit_mask_;
  };

  // The value of `key`, whose HashStem is `hash`, or nullptr.
  const V* Find(std::string_view key, std::uint32_t hash) const {
    const std::uint32_t entry = EntryOf(key, hash);
    return entry == 0 ? nullptr : &entries_[entry - 1].second;
  }
  const V* Find(std::string_view key) const { return Find(key, HashStem(key)); }

  std::size_t size() const { return entries_.size(); }
  // (key, value) pairs in insertion order.
  const std::vector<std::pair<std::string, V>>& entries() const { return entries_; }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t entry = 0;  // 1 + index into entries_, 0 for an empty slot
  };

  // 1 + the index of `key` in entries_, or 0.
  std::uint32_t EntryOf(std::string_view key, std::uint32_t hash) const {
    if (slots_.empty()) return 0;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t pos = hash & mask;; pos = (pos + 1) & mask) {
      const Slot& slot = slots_[pos];
      if (slot.entry == 0) return 0;
      if (slot.hash == hash && SameStem(entries_[slot.entry - 1].first, key)) return slot.entry;
    }
  }

  // Bits of the hash the slot index does not use, so that the filter and
  // the probe sequence fail independently.
  static std::uint32_t FilterBit(std::uint32_t hash, std::uint32_t bit_mask) {
    return ((hash >> 16) | (hash << 16)) & bit_mask;
  }
  std::uint32_t FilterBit(std::uint32_t hash) const { return FilterBit(hash, filter_bit_mask_); }

  void Place(std::uint32_t hash, std::uint32_t entry) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t pos = hash & mask;
    while (slots_[pos].entry != 0) pos = (pos + 1) & mask;
    slots_[pos] = {hash, entry};
    const std::uint32_t bit = FilterBit(hash);
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }

  void Grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, Slot{});
    filter_.assign(slots_.size() / 16, 0);  // four bits per slot
    filter_bit_mask_ = static_cast<std::uint32_t>(filter_.size() * 64 - 1);
    for (std::uint32_t k = 0; k < entries_.size(); ++k) Place(HashStem(entries_[k].first), k + 1);
  }

  std::vector<Slot> slots_;  // size is a power of two
  std::vector<std::uint64_t> filter_;
  std::uint32_t filter_bit_mask_ = 0;  // filter_.size() * 64 - 1, kept beside it
  std::vector<std::pair<std::string, V>> entries_;
};

// The index of the detached proclitic token that governs tokens[i] (directly
// before it, or before one opening quote or parenthesis glued to it), or
// kNoToken. For ل"داعش": DetachedProcliticOf(tokens, index of داعش) is the ل.
std::uint32_t DetachedProcliticOf(const std::vector<Token>& tokens, std::uint32_t i);

// Appends the tokens of `norm` to *out (cleared first). `start_filters`,
// when given, is two start filters side by side, kStartFilterBits words
// (PhraseTable::StartFilterPair::words: bit 0 of word StartFilterBit the
// first filter's bit, bit 8 the second's), which set Token::start_hits.
void Tokenize(const NormalizedText& norm, std::vector<Token>* out,
              const std::uint16_t* start_filters = nullptr);

}  // namespace rasd::text

#endif  // RASD_TEXT_TOKENIZER_H_
