// Normalisation for matching. Every code point is folded through a table
// built once at first use: a direct table for U+0000..U+07FF (ASCII, Latin-1,
// Arabic), one for General Punctuation, and one for the Arabic presentation
// forms filled from ICU's NFKC normaliser, so the hot loop never calls ICU and
// never allocates beyond growing the caller's buffers. On x86-64 (SSE2 is
// part of the baseline) runs of characters the folding keeps as they are
// and of the common letters the folding replaces by one of the same length,
// most of any Arabic text, are folded 16 bytes at a time before the table.
#include "text/normalizer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include "common/utf8.h"

namespace rasd::text {
namespace {

// How one code point is written in the normalised text.
struct Fold {
  std::uint32_t pool_offset = 0;  // replacement bytes in FoldTables::pool_
  std::uint8_t length = 0;        // replacement length; 0 with keep == false: removed
  bool keep = true;               // unchanged: copy the input bytes
};

constexpr char32_t kPresentationFirst = 0xFB50;
constexpr char32_t kPresentationEnd = 0xFF00;  // U+FB50..U+FEFF
constexpr char32_t kPunctuationFirst = 0x2000;
constexpr char32_t kPunctuationEnd = 0x2070;  // U+2000..U+206F
constexpr char32_t kDirectEnd = 0x800;        // U+0000..U+07FF

bool InRange(char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; }

// Tashkeel, Quranic annotation marks and tatweel: removed for matching.
bool IsArabicMarkOrTatweel(char32_t cp) {
  return InRange(cp, 0x0610, 0x061A) || InRange(cp, 0x064B, 0x065F) || cp == 0x0640 ||
         cp == 0x0670 || InRange(cp, 0x06D6, 0x06DC) || InRange(cp, 0x06DF, 0x06E4) ||
         InRange(cp, 0x06E7, 0x06E8) || InRange(cp, 0x06EA, 0x06ED);
}

// Zero-width, bidi controls, byte-order mark and soft hyphen: invisible, removed.
bool IsInvisibleControl(char32_t cp) {
  return cp == 0x00AD || cp == 0x061C || InRange(cp, 0x200B, 0x200F) ||
         InRange(cp, 0x202A, 0x202E) || InRange(cp, 0x2060, 0x2064) ||
         InRange(cp, 0x2066, 0x206F) || cp == 0xFEFF;
}

bool IsHorizontalSpace(char32_t cp) {
  return cp == '\t' || cp == '\v' || cp == '\f' || cp == 0x00A0 || cp == 0x1680 ||
         InRange(cp, 0x2000, 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

constexpr char32_t kRemoved = 0xFFFFFFFF;
constexpr char32_t kUnchanged = 0xFFFFFFFE;

// Single code points folded to another (read once, when the tables are built).
struct Mapping {
  char32_t from;
  char32_t to;
};
constexpr Mapping kMappings[] =
    {
        {0x0622, 0x0627},                 // alef with madda -> alef
        {0x0623, 0x0627},                 // alef with hamza above -> alef
        {0x0625, 0x0627},                 // alef with hamza below -> alef
        {0x0671, 0x0627},                 // alef wasla -> alef
        {0x0672, 0x0627},                 // alef with wavy hamza above -> alef
        {0x0673, 0x0627},                 // alef with wavy hamza below -> alef
        {0x0649, 0x064A},                 // alef maqsura -> yeh
        {0x06CC, 0x064A},                 // Persian yeh -> yeh
        {0x0626, 0x064A},                 // hamza on yeh -> yeh
        {0x0624, 0x0648},                 // hamza on waw -> waw
        {0x0629, 0x0647},                 // ta marbuta -> heh
        {0x06A9, 0x0643},                 // Persian keheh -> kaf
        {0x060C, ','},                    // Arabic comma
        {0x066C, ','},                    // Arabic thousands separator
        {0x061B, ';'},                    // Arabic semicolon
        {0x061F, '?'},                    // Arabic question mark
        {0x06D4, '.'},                    // Arabic full stop
        {0x066B, '.'},                    // Arabic decimal separator
        {0x066A, '%'},                    // Arabic percent sign
        {0x00AB, '"'},                    // guillemets
        {0x00BB, '"'},    {0x201C, '"'},  // curly, low and reversed double quotes, double prime
        {0x201D, '"'},    {0x201E, '"'},  {0x201F, '"'},
        {0x2033, '"'},    {0x2018, '\''},  // curly, low and reversed single quotes, prime
        {0x2019, '\''},   {0x201A, '\''}, {0x201B, '\''},
        {0x2032, '\''},   {0x2010, '-'},  // hyphens, figure dash, en and em dashes, bar, minus
        {0x2011, '-'},    {0x2012, '-'},  {0x2013, '-'},
        {0x2014, '-'},    {0x2015, '-'},  {0x2212, '-'},
};

// The folding rule for one code point outside the presentation forms (those
// go through NFKC first, then through this rule). '\r' is handled in the loop.
char32_t FoldCodePoint(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
  if (IsHorizontalSpace(cp)) return ' ';
  if (IsArabicMarkOrTatweel(cp) || IsInvisibleControl(cp)) return kRemoved;
  if (cp == 0x0085 || cp == 0x2028 || cp == 0x2029) return '\n';
  if (InRange(cp, 0x0660, 0x0669)) return '0' + (cp - 0x0660);  // Arabic-Indic digits
  if (InRange(cp, 0x06F0, 0x06F9)) return '0' + (cp - 0x06F0);  // Persian digits
  for (const Mapping& m : kMappings) {
    if (m.from == cp) return m.to;
  }
  return kUnchanged;
}

class FoldTables {
 public:
  static const FoldTables& Get() {
    static const FoldTables tables;
    return tables;
  }

  // How the character at p folds, when it has at most two bytes and so does
  // what it becomes (nearly every character of an Arabic text): bits 0-1
  // its length, 2-3 the length written, 16-31 the bytes written, the first
  // lowest. 0 for any other character, and for '\r'. Indexed by ShortIndex.
  std::uint32_t ShortFold(std::uint32_t index) const { return short_folds_[index]; }
  // An ASCII byte is its own index; a two-byte character is indexed by both
  // its bytes, the lead byte highest (at or above 0x8000).
  static std::uint32_t ShortIndex(const unsigned char* p) {
    const std::uint32_t c = p[0];
    const std::uint32_t both = (c << 8) | p[1];
    return c < 0x80 ? c : both;
  }

  const Fold& Lookup(char32_t cp) const {
    if (cp < kDirectEnd) return direct_[cp];
    if (cp >= kPunctuationFirst && cp < kPunctuationEnd)
      return punctuation_[cp - kPunctuationFirst];
    if (cp >= kPresentationFirst && cp < kPresentationEnd) {
      return presentation_[cp - kPresentationFirst];
    }
    if (cp == 0x1680 || cp == 0x3000 || cp == 0x2212) return other_[cp == 0x2212 ? 1 : 0];
    return unchanged_;
  }
  const char* Pool(const Fold& f) const { return pool_.data() + f.pool_offset; }

 private:
  FoldTables() {
    for (char32_t cp = 0; cp < kDirectEnd; ++cp) direct_[cp] = FromRule(cp);
    FillShortFolds();
    for (char32_t cp = kPunctuationFirst; cp < kPunctuationEnd; ++cp) {
      punctuation_[cp - kPunctuationFirst] = FromRule(cp);
    }
    other_[0] = FromRule(0x1680);
    other_[1] = FromRule(0x2212);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    for (char32_t cp = kPresentationFirst; cp < kPresentationEnd; ++cp) {
      presentation_[cp - kPresentationFirst] =
          U_SUCCESS(status) ? FromNfkc(*nfkc, cp) : FromRule(cp);
    }
  }

  void FillShortFolds() {
    for (char32_t cp = 0; cp < kDirectEnd; ++cp) {
      std::string bytes;
      utf8::Append(cp, &bytes);
      const Fold& fold = direct_[cp];
      const std::string written = fold.keep ? bytes : std::string(Pool(fold), fold.length);
      if (written.size() > 2 || cp == '\r') continue;
      std::uint32_t entry = static_cast<std::uint32_t>(bytes.size() | (written.size() << 2));
      for (std::size_t k = 0; k < written.size(); ++k) {
        entry |= std::uint32_t{static_cast<unsigned char>(written[k])} << (16 + 8 * k);
      }
      const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
      short_folds_[bytes.size() == 1 ? p[0] : (p[0] << 8) | p[1]] = entry;
    }
  }

  Fold FromRule(char32_t cp) {
    const char32_t to = FoldCodePoint(cp);
    if (to == kUnchanged) return Fold{};
    if (to == kRemoved) return Fold{0, 0, false};
    return Emit(std::u32string(1, to));
  }

  // NFKC turns a presentation form into ordinary letters, a ligature into
  // several; the result is then folded by the ordinary rules. The isolated
  // forms of tashkeel decompose to a space plus the mark: both go.
  Fold FromNfkc(const icu::Normalizer2& nfkc, char32_t cp) {
    if (IsInvisibleControl(cp)) return Fold{0, 0, false};
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed =
        nfkc.normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
    if (U_FAILURE(status)) return FromRule(cp);
    std::u32string folded;
    bool has_mark = false;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
      const char32_t c = static_cast<char32_t>(decomposed.char32At(i));
      const char32_t to = FoldCodePoint(c);
      if (IsArabicMarkOrTatweel(c)) has_mark = true;
      if (to == kRemoved) continue;
      folded.push_back(to == kUnchanged ? c : to);
    }
    if (has_mark && !folded.empty() && folded.front() == ' ') folded.erase(0, 1);
    if (folded.size() == 1 && folded[0] == cp) return Fold{};
    if (folded.empty()) return Fold{0, 0, false};
    return Emit(folded);
  }

  Fold Emit(const std::u32string& cps) {
    Fold f{static_cast<std::uint32_t>(pool_.size()), 0, false};
    for (const char32_t c : cps) utf8::Append(c, &pool_);
    f.length = static_cast<std::uint8_t>(pool_.size() - f.pool_offset);
    return f;
  }

  std::string pool_;
  std::array<Fold, kDirectEnd> direct_{};
  std::array<Fold, kPunctuationEnd - kPunctuationFirst> punctuation_{};
  std::array<Fold, kPresentationEnd - kPresentationFirst> presentation_{};
  std::array<Fold, 2> other_{};
  Fold unchanged_{};
  std::array<std::uint32_t, 1 << 16> short_folds_{};
};

// How an ASCII byte is written; '\r' is handled apart (CR LF is one break).
constexpr std::array<char, 128> MakeAsciiFolds() {
  std::array<char, 128> folds{};
  for (int c = 0; c < 128; ++c) {
    char to = static_cast<char>(c);
    if (c >= 'A' && c <= 'Z') to = static_cast<char>(c + ('a' - 'A'));
    if (c == '\t' || c == '\v' || c == '\f') to = ' ';
    folds[c] = to;
  }
  return folds;
}
constexpr std::array<char, 128> kAsciiFolds = MakeAsciiFolds();

// Writes through raw pointers kept in locals: the text's bytes are chars,
// which may alias anything, so stores through out->text would make the
// compiler reload the buffers' pointers and sizes after every byte. Room for
// the longest replacement is made once per input character (Reserve), so the
// Put functions do not check.
class Writer {
 public:
  // Any one character writes at most this many bytes: a Fold's length is a
  // std::uint8_t, a copied character has at most four bytes.
  static constexpr std::size_t kSlack = 256;

  Writer(NormalizedText* out, std::size_t expected) : out_(out) { Grow(expected + kSlack); }

  void Reserve() {
    if (capacity_ - used_ < kSlack) Grow(2 * capacity_);
  }
  // Room left after what is written, at least kSlack after Reserve().
  std::size_t Room() const { return capacity_ - used_; }

  // Folds the characters of p[i, ...) that FoldTables::ShortFold knows,
  // up to the first it does not or to `limit`; returns where it stopped.
  // This is most of any text, so it runs on locals and branches only to
  // stop: every character writes two bytes and two map entries, and the
  // pointers move by what it really writes. A character writes at most as
  // many bytes as it reads, so `limit` = the start + Room() - 2 is safe.
  std::size_t FoldShort(const FoldTables& tables, const unsigned char* p, std::size_t i,
                        std::size_t limit) {
    char* text = text_ + used_;
    std::uint32_t* map = map_ + used_;
    const char* const text_start = text;
    while (i < limit) {
      const std::uint32_t fold = tables.ShortFold(FoldTables::ShortIndex(p + i));
      if ((fold & 3) == 0) break;
      // The length read, from the lead byte rather than from `fold`: the next
      // character's loads then wait for one load, not for two.
      const std::size_t read = 1 + (p[i] >> 7);
      const auto bytes = static_cast<std::uint16_t>(fold >> 16);
      std::memcpy(text, &bytes, 2);
      const std::uint64_t both = (std::uint64_t{i} << 32) | i;
      std::memcpy(map, &both, sizeof both);
      const std::uint32_t written = (fold >> 2) & 3;
      text += written;
      map += written;
      i += read;
    }
    used_ += static_cast<std::size_t>(text - text_start);
    return i;
  }
#if defined(__SSE2__)
  // Folds the characters of p[i, end) that fold to themselves or to another
  // letter of the same length (ASCII from 0x20 and '\n', upper case
  // lowered; the Arabic letters U+0620..U+063F and U+0641..U+064A, hamza
  // seats, ta marbuta and alef maqsura replaced as the table does) 16 bytes
  // at a time, up to the first other character; returns where it stopped.
  // A block reads one byte past its 16, so `end` is at most the size - 1:
  // the text then always has 16 bytes to load from the block's second byte.
  std::size_t FoldBlocks(const unsigned char* p, std::size_t i, std::size_t end) {
    while (i + 16 <= end && capacity_ - used_ >= 16) {
      const std::size_t folded = FoldBlock(p + i, static_cast<std::uint32_t>(i));
      i += folded;
      // 15: a letter straddled the block's end, or the 16th byte stopped
      // it; the next block starts at that byte either way.
      if (folded < 15) break;
    }
    return i;
  }
#endif

  void Put(const char* bytes, std::size_t n, std::uint32_t original) {
    // Replacements are one to a few bytes: a loop beats a call to memcpy.
    for (std::size_t k = 0; k < n; ++k) {
      text_[used_ + k] = bytes[k];
      map_[used_ + k] = original;
    }
    used_ += n;
  }
  void PutByte(char c, std::uint32_t original) {
    text_[used_] = c;
    map_[used_] = original;
    ++used_;
  }
  void Finish(std::uint32_t original_size) {
    out_->text.resize(used_);
    out_->to_original.resize(used_ + 1);
    out_->to_original[used_] = original_size;
  }

 private:
#if defined(__SSE2__)
  // One block of FoldBlocks: writes all 16 bytes and their map entries
  // (Room is at least 16) and keeps the characters it knows, up to the
  // first it does not; returns their bytes. Signed compares: the bytes from
  // 0x80 are negative, so no ASCII test takes them.
  std::size_t FoldBlock(const unsigned char* p, std::uint32_t at) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i ascii = _mm_or_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(0x1F)),
                                       _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')));
    // The trail bytes of U+0620..U+063F (D8 A0..BF) and U+0641..U+064A
    // (D9 81..8A), known by the lead byte before them; a lead byte counts
    // when its trail does, so a letter cut by the block's end stops it.
    const __m128i after_d8 =
        _mm_slli_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xD8))), 1);
    const __m128i after_d9 =
        _mm_slli_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xD9))), 1);
    const __m128i trail8 = _mm_and_si128(after_d8, InRange(bytes, 0xA0, 0xBF));
    const __m128i trail9 = _mm_and_si128(after_d9, InRange(bytes, 0x81, 0x8A));
    const __m128i trail = _mm_or_si128(trail8, trail9);
    const __m128i known = _mm_or_si128(_mm_or_si128(ascii, trail), _mm_srli_si128(trail, 1));
    const auto known_bits = static_cast<std::uint32_t>(_mm_movemask_epi8(known));
    const auto count = static_cast<std::size_t>(__builtin_ctz(~known_bits));  // 16: all known

    _mm_storeu_si128(reinterpret_cast<__m128i*>(text_ + used_),
                     _mm_add_epi8(bytes, FoldDelta(bytes, trail8, trail9)));
    // Trail bytes are -1 in `trail`: widened to 32 bits and added to the
    // byte offsets, they map to their lead byte's offset.
    const __m128i base =
        _mm_add_epi32(_mm_set1_epi32(static_cast<int>(at)), _mm_setr_epi32(0, 1, 2, 3));
    const __m128i low = _mm_unpacklo_epi8(trail, trail);
    const __m128i high = _mm_unpackhi_epi8(trail, trail);
    auto* map = reinterpret_cast<__m128i*>(map_ + used_);
    _mm_storeu_si128(map, _mm_add_epi32(base, _mm_unpacklo_epi16(low, low)));
    _mm_storeu_si128(map + 1, _mm_add_epi32(_mm_add_epi32(base, _mm_set1_epi32(4)),
                                            _mm_unpackhi_epi16(low, low)));
    _mm_storeu_si128(map + 2, _mm_add_epi32(_mm_add_epi32(base, _mm_set1_epi32(8)),
                                            _mm_unpacklo_epi16(high, high)));
    _mm_storeu_si128(map + 3, _mm_add_epi32(_mm_add_epi32(base, _mm_set1_epi32(12)),
                                            _mm_unpackhi_epi16(high, high)));
    used_ += count;
    return count;
  }

  // -1 in every byte in [first, last], unsigned bounds above 0x80 (both
  // bounds on the same side of it).
  static __m128i InRange(__m128i bytes, int first, int last) {
    return _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(static_cast<char>(first - 1))),
                         _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(last + 1)), bytes));
  }

  // What to add to each byte to fold it: 0x20 to an upper case letter; to
  // the trail of a D8 letter (trail8), A2 A3 A5 -> A7 (alef), and A4 -> 88,
  // A6 -> 8A, A9 -> 87 (waw, yeh, heh, whose lead is D9: 1 more on the lead
  // byte); to the trail of a D9 letter (trail9), 89 -> 8A (yeh).
  static __m128i FoldDelta(__m128i bytes, __m128i trail8, __m128i trail9) {
    const auto is = [bytes](int b) {
      return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(b)));
    };
    const auto times = [](__m128i mask, int delta) {
      return _mm_and_si128(mask, _mm_set1_epi8(static_cast<char>(delta)));
    };
    const __m128i upper = InRange(bytes, 'A', 'Z');
    const __m128i to_d9 =
        _mm_and_si128(trail8, _mm_or_si128(_mm_or_si128(is(0xA4), is(0xA6)), is(0xA9)));
    const __m128i alef =
        _mm_or_si128(_mm_or_si128(times(is(0xA2), 5), times(is(0xA3), 4)), times(is(0xA5), 2));
    const __m128i d9_trail = _mm_or_si128(times(is(0xA9), 0x87 - 0xA9),
                                          times(_mm_or_si128(is(0xA4), is(0xA6)), 0x88 - 0xA4));
    const __m128i d8_delta = _mm_and_si128(trail8, _mm_or_si128(alef, d9_trail));
    const __m128i lead_delta = times(_mm_srli_si128(to_d9, 1), 1);
    const __m128i yeh = times(_mm_and_si128(trail9, is(0x89)), 1);
    return _mm_or_si128(_mm_or_si128(times(upper, 0x20), d8_delta), _mm_or_si128(lead_delta, yeh));
  }
#endif

  void Grow(std::size_t n) {
    out_->text.resize(n);
    out_->to_original.resize(n + 1);
    text_ = out_->text.data();
    map_ = out_->to_original.data();
    capacity_ = n;
  }

  NormalizedText* out_;
  char* text_ = nullptr;
  std::uint32_t* map_ = nullptr;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";

// Folds the character at original[i], which is not ASCII; returns its length.
std::size_t FoldOther(const FoldTables& tables, std::string_view original, std::size_t i,
                      Writer* writer) {
  const auto at = static_cast<std::uint32_t>(i);
  std::size_t len = 1;
  const char32_t cp = utf8::Decode(original, i, &len);
  const Fold& fold = tables.Lookup(cp);
  if (fold.keep) {
    if (cp == utf8::kReplacement) {
      writer->Put(kReplacementUtf8, 3, at);
    } else {
      writer->Put(original.data() + i, len, at);
    }
  } else if (fold.length != 0) {
    writer->Put(tables.Pool(fold), fold.length, at);
  }
  return len;
}

// kSimd: whether runs of common characters are folded 16 bytes at a time
// (Writer::FoldBlocks) before the table folds the character that stopped
// them; without it the table folds everything, as on a machine without SSE2.
template <bool kSimd>
void NormalizeWith(std::string_view original, NormalizedText* out) {
  const FoldTables& tables = FoldTables::Get();
  Writer writer(out, original.size());
  const auto* p = reinterpret_cast<const unsigned char*>(original.data());
  const std::size_t n = original.size();
  std::size_t i = 0;
  while (i < n) {
    writer.Reserve();
#if defined(__SSE2__)
    if constexpr (kSimd) {
      i = writer.FoldBlocks(p, i, n - 1);
      writer.Reserve();  // the blocks may have used the room the table's writes count on
    }
#endif
    std::size_t short_limit = i + writer.Room() - 2;
    // Blocks go on after one character; near the end the table folds the rest.
    if (kSimd && i + 17 <= n) short_limit = i + 1;
    // ShortIndex reads two bytes: the last byte of the text goes the slow way.
    if (i + 1 < n) {
      const std::size_t folded = writer.FoldShort(tables, p, i, std::min(n - 1, short_limit));
      const bool moved = folded != i;
      i = folded;
      if (kSimd && moved) continue;
    }
    if (i == n) break;
    writer.Reserve();
    const unsigned c = p[i];
    const auto at = static_cast<std::uint32_t>(i);
    if (c < 0x80) {
      if (c == '\r') {
        // CR LF is one line break, mapped to the CR so that no span can hold
        // half of it; a lone CR (old Mac files) is one too.
        writer.PutByte('\n', at);
        i += i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
      } else {
        writer.PutByte(kAsciiFolds[c], at);
        ++i;
      }
    } else {
      i += FoldOther(tables, original, i, &writer);
    }
  }
  writer.Finish(static_cast<std::uint32_t>(n));
}

}  // namespace

void Normalize(std::string_view original, NormalizedText* out) {
  NormalizeWith<true>(original, out);
}

void NormalizePortable(std::string_view original, NormalizedText* out) {
  NormalizeWith<false>(original, out);
}

std::string NormalizeForMatch(std::string_view s) {
  thread_local NormalizedText scratch;
  Normalize(s, &scratch);
  return scratch.text;
}

}  // namespace rasd::text
