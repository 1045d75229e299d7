// JSON text output: escaping and number formatting. Numbers go through
// std::to_chars, or for doubles the exact integer path of FormatFixed,
// which writes what printf would ("%.*f") without the locale and
// format-string work: records carry thousands of numbers.
#include "common/json_writer.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace rasd {

namespace {

#if defined(__SSE2__)

// Bit i is set when byte i of the sixteen must be escaped: a control
// character (below 0x20: the saturated c - 0x1F is zero), '"' or '\\'.
unsigned EscapeMask(__m128i bytes) {
  const __m128i quote = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'));
  const __m128i control =
      _mm_cmpeq_epi8(_mm_subs_epu8(bytes, _mm_set1_epi8(0x1F)), _mm_setzero_si128());
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)));
}

// The index of the first byte at or after `from` that a JSON string must
// escape, or s.size(). Sixteen bytes at a time: records are mostly Arabic
// text, where no byte needs escaping. The last partial block is read again
// from the end of s (or, in a string shorter than a block, from a copy), so
// no byte is tested one at a time.
std::size_t NextToEscape(std::string_view s, std::size_t from) {
  constexpr std::size_t kBlock = 16;
  const char* const p = s.data();
  const std::size_t n = s.size();
  std::size_t i = from;
  for (; i + kBlock <= n; i += kBlock) {
    const unsigned mask = EscapeMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)));
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
  }
  if (i >= n) return n;
  const std::size_t left = n - i;  // 1..15 bytes not yet tested
  unsigned mask = 0;
  if (n >= kBlock) {
    mask = EscapeMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - kBlock))) >>
           (kBlock - left);
  } else {
    alignas(kBlock) char copy[kBlock] = {};
    std::memcpy(copy, p + i, left);
    mask = EscapeMask(_mm_load_si128(reinterpret_cast<const __m128i*>(copy))) & ((1u << left) - 1);
  }
  return mask == 0 ? n : i + static_cast<std::size_t>(std::countr_zero(mask));
}

#else  // no SSE2: eight bytes at a time in a 64-bit word

// Each test below is exact as a yes/no for the word: some byte is below
// 0x20, equal to '"', or equal to '\\' (bytes >= 0x80 never count).
std::size_t NextToEscape(std::string_view s, std::size_t from) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const auto has_zero_byte = [](std::uint64_t v) { return ((v - kOnes) & ~v & kHighBits) != 0; };
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    const bool control = ((w - kOnes * 0x20) & ~w & kHighBits) != 0;
    if (control || has_zero_byte(w ^ (kOnes * '"')) || has_zero_byte(w ^ (kOnes * '\\'))) break;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return s.size();
}

#endif

}  // namespace

// v = m / 2^shift with a 53-bit m; for |v| < 2^30 and d <= 9 decimals, m * 10^d
// has at most 83 bits, so one 128-bit product and shift give the digits and
// the exact remainder: ties go to the even digit, as std::to_chars (which
// rounds the exact binary value) does.
std::to_chars_result FormatFixed(char* first, char* last, double v, int decimals) {
  __extension__ typedef unsigned __int128 Uint128;
  static constexpr std::uint64_t kPow10[] = {1,      10,      100,      1000,      10000,
                                             100000, 1000000, 10000000, 100000000, 1000000000};
  constexpr int kExponentBias = 1075;  // 1023 + the 52 bits of the fraction
  constexpr int kMaxBiasedExponent = 1023 + 30;
  constexpr int kZeroShift = 84;  // m * 10^d < 2^83 < half of 2^84: rounds to zero
  const auto bits = std::bit_cast<std::uint64_t>(v);
  const int biased = static_cast<int>((bits >> 52) & 0x7FF);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  if (decimals < 0 || decimals > 9 || biased >= kMaxBiasedExponent ||
      (biased == 0 && fraction != 0)) {  // large, subnormal, NaN or infinite
    return std::to_chars(first, last, v, std::chars_format::fixed, decimals);
  }
  std::uint64_t scaled = 0;  // |v| * 10^decimals, rounded
  const int shift = kExponentBias - biased;
  if (biased != 0 && shift < kZeroShift) {
    const Uint128 product =
        static_cast<Uint128>(fraction | (std::uint64_t{1} << 52)) * kPow10[decimals];
    scaled = static_cast<std::uint64_t>(product >> shift);
    const Uint128 rest = product - (static_cast<Uint128>(scaled) << shift);
    const Uint128 half = static_cast<Uint128>(1) << (shift - 1);
    if (rest > half || (rest == half && (scaled & 1) != 0)) ++scaled;
  }
  const std::uint64_t whole = scaled / kPow10[decimals];
  std::uint64_t part = scaled % kPow10[decimals];
  const bool negative = (bits >> 63) != 0;
  char digits[12];
  char* const digits_end = std::to_chars(digits, digits + sizeof digits, whole).ptr;
  const auto whole_size = static_cast<std::size_t>(digits_end - digits);
  const std::size_t size =
      (negative ? 1 : 0) + whole_size + (decimals > 0 ? 1 + static_cast<std::size_t>(decimals) : 0);
  if (static_cast<std::size_t>(last - first) < size) return {last, std::errc::value_too_large};
  char* p = first;
  if (negative) *p++ = '-';
  p = std::copy(digits, digits_end, p);
  if (decimals > 0) {
    *p++ = '.';
    for (int k = decimals - 1; k >= 0; --k) {
      p[k] = static_cast<char>('0' + part % 10);
      part /= 10;
    }
    p += decimals;
  }
  return {p, std::errc()};
}

namespace {

// The escape sequence of a byte that JSON strings may not hold as is, at out.
char* WriteEscape(unsigned char c, char* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out++ = '\\';
  switch (c) {
    case '"':
    case '\\':
      *out++ = static_cast<char>(c);
      break;
    case '\n':
      *out++ = 'n';
      break;
    case '\r':
      *out++ = 'r';
      break;
    case '\t':
      *out++ = 't';
      break;
    default:
      *out++ = 'u';
      *out++ = '0';
      *out++ = '0';
      *out++ = kHex[c >> 4];
      *out++ = kHex[c & 0xF];
  }
  return out;
}

}  // namespace

namespace {

// WriteJsonString from s[first], the first byte to escape, on: out holds
// the opening quote and s[0, first).
char* WriteJsonStringFrom(std::string_view s, std::size_t first, char* out) {
  std::size_t run = first;  // start of the current run of bytes needing no escape
  for (std::size_t i = first; i < s.size(); i = NextToEscape(s, i + 1)) {
    std::memcpy(out, s.data() + run, i - run);
    out = WriteEscape(static_cast<unsigned char>(s[i]), out + (i - run));
    run = i + 1;
  }
  if (s.size() > run) {
    std::memcpy(out, s.data() + run, s.size() - run);
    out += s.size() - run;
  }
  *out++ = '"';
  return out;
}

}  // namespace

char* WriteJsonString(std::string_view s, char* out) {
  *out++ = '"';
#if defined(__SSE2__)
  constexpr std::size_t kBlock = 16;
  const std::size_t n = s.size();
  if (n > 0) std::memcpy(out, s.data(), n);  // (an empty view may have no data)
  for (std::size_t i = 0; i < n; i += kBlock) {
    unsigned mask = EscapeMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(out + i)));
    if (n - i < kBlock) mask &= (1u << (n - i)) - 1;  // the room past the copy
    if (mask != 0) {
      const std::size_t first = i + static_cast<std::size_t>(std::countr_zero(mask));
      return WriteJsonStringFrom(s, first, out + first);
    }
  }
  out[n] = '"';
  return out + n + 1;
#else
  const std::size_t first = NextToEscape(s, 0);
  if (first > 0) std::memcpy(out, s.data(), first);
  return WriteJsonStringFrom(s, first, out + first);
#endif
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  std::size_t run = 0;  // start of the current run of bytes needing no escape
  for (std::size_t i = NextToEscape(s, 0); i < s.size(); i = NextToEscape(s, i + 1)) {
    out->append(s.data() + run, i - run);
    run = i + 1;
    char escape[6];
    out->append(escape, WriteEscape(static_cast<unsigned char>(s[i]), escape));
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  first_.push_back(true);
}

void JsonWriter::EndObject() {
  out_->push_back('}');
  first_.pop_back();
}

void JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  first_.push_back(true);
}

void JsonWriter::EndArray() {
  out_->push_back(']');
  first_.pop_back();
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(key, out_);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_->append(json);
}

void JsonWriter::String(std::string_view s) {
  Separate();
  AppendJsonString(s, out_);
}

void JsonWriter::Int(std::int64_t v) {
  Separate();
  char buf[24];
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::Double(double v, int decimals) {
  Separate();
  if (!std::isfinite(v)) {
    out_->append("null");
    return;
  }
  // A finite double has at most 309 integer digits in fixed notation.
  constexpr std::size_t kIntegerDigits = 312;
  char buf[kIntegerDigits + 64];
  const std::to_chars_result r = FormatFixed(buf, buf + sizeof buf, v, decimals);
  if (r.ec == std::errc()) {
    out_->append(buf, r.ptr);
    return;
  }
  std::string wide(kIntegerDigits + static_cast<std::size_t>(decimals), '\0');  // many decimals
  const std::to_chars_result w = FormatFixed(wide.data(), wide.data() + wide.size(), v, decimals);
  out_->append(wide.data(), w.ptr);
}

void JsonWriter::Bool(bool v) {
  Separate();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  Separate();
  out_->append("null");
}

}  // namespace rasd
