// Differential fuzzer for Normalize: the table-driven normaliser against a
// reference written here for clarity, not speed (decode one code point, map
// it by a plain switch, NFKC through ICU for presentation forms). Also
// checks the offset map (size, range, monotonic), that every span between
// original-character boundaries re-normalises to the same text, and that
// the 16-byte block path and the portable table path agree byte for byte.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "common/utf8.h"
#include "text/normalizer.h"

namespace {

using rasd::text::NormalizedText;

bool Between(char32_t c, char32_t a, char32_t b) { return c >= a && c <= b; }

bool Dropped(char32_t c) {
  return Between(c, 0x0610, 0x061A) || Between(c, 0x064B, 0x065F) || c == 0x0640 || c == 0x0670 ||
         Between(c, 0x06D6, 0x06DC) || Between(c, 0x06DF, 0x06E4) || Between(c, 0x06E7, 0x06E8) ||
         Between(c, 0x06EA, 0x06ED) || c == 0x00AD || c == 0x061C || Between(c, 0x200B, 0x200F) ||
         Between(c, 0x202A, 0x202E) || Between(c, 0x2060, 0x2064) || Between(c, 0x2066, 0x206F) ||
         c == 0xFEFF;
}

// The reference rule for one code point; returns false when it is dropped.
bool ReferenceMap(char32_t c, char32_t* to) {
  if (Dropped(c)) return false;
  *to = c;
  if (Between(c, 'A', 'Z')) *to = c - 'A' + 'a';
  if (c == '\t' || c == '\v' || c == '\f' || c == 0xA0 || c == 0x1680 ||
      Between(c, 0x2000, 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000) {
    *to = ' ';
  }
  if (c == 0x85 || c == 0x2028 || c == 0x2029) *to = '\n';
  if (Between(c, 0x0660, 0x0669)) *to = '0' + (c - 0x0660);
  if (Between(c, 0x06F0, 0x06F9)) *to = '0' + (c - 0x06F0);
  if (c == 0x0622 || c == 0x0623 || c == 0x0625 || Between(c, 0x0671, 0x0673)) *to = 0x0627;
  if (c == 0x0649 || c == 0x06CC || c == 0x0626) *to = 0x064A;
  if (c == 0x06A9) *to = 0x0643;
  if (c == 0x0629) *to = 0x0647;
  if (c == 0x0624) *to = 0x0648;
  if (c == 0x060C || c == 0x066C) *to = ',';
  if (c == 0x061B) *to = ';';
  if (c == 0x061F) *to = '?';
  if (c == 0x06D4 || c == 0x066B) *to = '.';
  if (c == 0x066A) *to = '%';
  if (c == 0xAB || c == 0xBB || Between(c, 0x201C, 0x201F) || c == 0x2033) *to = '"';
  if (Between(c, 0x2018, 0x201B) || c == 0x2032) *to = '\'';
  if (Between(c, 0x2010, 0x2015) || c == 0x2212) *to = '-';
  return true;
}

// Presentation form: NFKC, then the reference rule on each code point; a
// leading space before a dropped mark (isolated tashkeel forms) goes too.
void ReferencePresentation(char32_t c, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const icu::UnicodeString s = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
  std::u32string folded;
  bool mark = false;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    const char32_t d = static_cast<char32_t>(s.char32At(i));
    char32_t to = 0;
    if (Dropped(d) && Between(d, 0x0600, 0x06FF)) mark = true;  // tashkeel or tatweel
    if (ReferenceMap(d, &to)) folded.push_back(to);
  }
  if (mark && !folded.empty() && folded[0] == ' ') folded.erase(0, 1);
  for (const char32_t f : folded) rasd::utf8::Append(f, out);
}

std::string Reference(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size();) {
    std::size_t len = 1;
    const char32_t c = rasd::utf8::Decode(in, i, &len);
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < in.size() && in[i + 1] == '\n') ++len;
    } else if (c == 0xFEFF) {
      // dropped
    } else if (Between(c, 0xFB50, 0xFEFF)) {
      ReferencePresentation(c, &out);
    } else {
      char32_t to = 0;
      if (ReferenceMap(c, &to)) rasd::utf8::Append(to, &out);
    }
    i += len;
  }
  return out;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  NormalizedText n;
  rasd::text::Normalize(in, &n);
  Check(n.text == Reference(in));
  NormalizedText portable;
  rasd::text::NormalizePortable(in, &portable);
  Check(portable.text == n.text && portable.to_original == n.to_original);
  Check(n.to_original.size() == n.text.size() + 1);
  Check(n.to_original.back() == size);
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    Check(n.to_original[i] < size);
    Check(n.to_original[i] <= n.to_original[i + 1]);
  }
  // Spans between original-character boundaries re-normalise to themselves.
  std::size_t previous = 0;
  for (std::size_t i = 1; i <= n.text.size(); ++i) {
    if (i < n.text.size() && n.to_original[i] == n.to_original[i - 1]) continue;
    const std::uint32_t b = n.to_original[previous], e = n.to_original[i];
    Check(rasd::text::NormalizeForMatch(in.substr(b, e - b)) ==
          std::string_view(n.text).substr(previous, i - previous));
    previous = i;
  }
  return 0;
}
