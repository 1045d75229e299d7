// Normalisation for matching. Every code point is folded through a table
// built once at first use: a direct table for U+0000..U+07FF (ASCII, Latin-1,
// Arabic), one for General Punctuation, and one for the Arabic presentation
// forms filled from ICU's NFKC normaliser, so the hot loop never calls ICU and
// never allocates beyond growing the caller's buffers.
#include "text/normalizer.h"

#include <array>
#include <string>

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

  // For U+0080..U+07FF (two UTF-8 bytes), the bulk of Arabic text.
  const Fold& LookupTwoByte(char32_t cp) const { return direct_[cp]; }

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
};

// Writes into pre-sized buffers through raw pointers: push_back per byte on
// both the text and the map would dominate the loop.
class Writer {
 public:
  explicit Writer(NormalizedText* out, std::size_t expected) : out_(out) { Grow(expected + 64); }

  void Put(const char* bytes, std::size_t n, std::uint32_t original) {
    if (used_ + n > out_->text.size()) Grow(2 * out_->text.size() + n);
    // Replacements are one to a few bytes: a loop beats a call to memcpy.
    char* text = out_->text.data() + used_;
    std::uint32_t* map = out_->to_original.data() + used_;
    for (std::size_t k = 0; k < n; ++k) {
      text[k] = bytes[k];
      map[k] = original;
    }
    used_ += n;
  }
  // A two-byte character copied as it is: most of an Arabic text.
  void PutPair(const char* bytes, std::uint32_t original) {
    if (used_ + 2 > out_->text.size()) Grow(2 * out_->text.size() + 2);
    char* text = out_->text.data() + used_;
    text[0] = bytes[0];
    text[1] = bytes[1];
    std::uint32_t* map = out_->to_original.data() + used_;
    map[0] = original;
    map[1] = original;
    used_ += 2;
  }
  void PutByte(char c, std::uint32_t original) {
    if (used_ == out_->text.size()) Grow(2 * out_->text.size() + 1);
    out_->text[used_] = c;
    out_->to_original[used_] = original;
    ++used_;
  }
  void Finish(std::uint32_t original_size) {
    out_->text.resize(used_);
    out_->to_original.resize(used_ + 1);
    out_->to_original[used_] = original_size;
  }

 private:
  void Grow(std::size_t n) {
    out_->text.resize(n);
    out_->to_original.resize(n + 1);
  }

  NormalizedText* out_;
  std::size_t used_ = 0;
};

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";

}  // namespace

void Normalize(std::string_view original, NormalizedText* out) {
  const FoldTables& tables = FoldTables::Get();
  Writer writer(out, original.size());
  const std::size_t n = original.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(original[i]);
    const auto at = static_cast<std::uint32_t>(i);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        writer.PutByte(static_cast<char>(c + ('a' - 'A')), at);
      } else if (c == '\r') {
        // CR LF is one line break, mapped to the CR so that no span can hold
        // half of it; a lone CR (old Mac files) is one too.
        writer.PutByte('\n', at);
        if (i + 1 < n && original[i + 1] == '\n') ++i;
      } else if (c == '\t' || c == '\v' || c == '\f') {
        writer.PutByte(' ', at);
      } else {
        writer.PutByte(static_cast<char>(c), at);
      }
      ++i;
      continue;
    }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < n &&
        (static_cast<unsigned char>(original[i + 1]) & 0xC0) == 0x80) {
      // A valid two-byte sequence (Arabic, Latin-1): decoded in place.
      const char32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(original[i + 1]) & 0x3F);
      const Fold& fold = tables.LookupTwoByte(cp);
      if (fold.keep) {
        writer.PutPair(original.data() + i, at);
      } else if (fold.length != 0) {
        writer.Put(tables.Pool(fold), fold.length, at);
      }
      i += 2;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = utf8::Decode(original, i, &len);
    const Fold& fold = tables.Lookup(cp);
    if (fold.keep) {
      if (cp == utf8::kReplacement) {
        writer.Put(kReplacementUtf8, 3, at);
      } else {
        writer.Put(original.data() + i, len, at);
      }
    } else if (fold.length != 0) {
      writer.Put(tables.Pool(fold), fold.length, at);
    }
    i += len;
  }
  writer.Finish(static_cast<std::uint32_t>(n));
}

std::string NormalizeForMatch(std::string_view s) {
  thread_local NormalizedText scratch;
  Normalize(s, &scratch);
  return scratch.text;
}

}  // namespace rasd::text
