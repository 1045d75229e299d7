// JSON text output: escaping and number formatting. Numbers go through
// std::to_chars, which writes what printf would ("%.*f" for doubles) without
// the locale and format-string work: records carry thousands of numbers.
#include "common/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace rasd {

namespace {

// The index of the first byte at or after `from` that a JSON string must
// escape (a control character, '"' or '\\'), or s.size(). Eight bytes at a
// time: records are mostly Arabic text, where no byte needs escaping. Each
// test below is exact as a yes/no for the word: some byte is below 0x20,
// equal to '"', or equal to '\\' (bytes >= 0x80 never count).
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

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;  // start of the current run of bytes needing no escape
  for (std::size_t i = NextToEscape(s, 0); i < s.size(); i = NextToEscape(s, i + 1)) {
    const auto c = static_cast<unsigned char>(s[i]);
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

namespace {

// Keys are short ASCII names, seldom with anything to escape.
bool NeedsNoEscape(std::string_view s) { return NextToEscape(s, 0) == s.size(); }

}  // namespace

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
  constexpr std::size_t kShortKey = 60;
  if (key.size() <= kShortKey && NeedsNoEscape(key)) {  // every key rasd writes: one append
    char buf[kShortKey + 3];
    buf[0] = '"';
    std::memcpy(buf + 1, key.data(), key.size());
    buf[key.size() + 1] = '"';
    buf[key.size() + 2] = ':';
    out_->append(buf, key.size() + 3);
  } else {
    AppendJsonString(key, out_);
    out_->push_back(':');
  }
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
  const std::to_chars_result r =
      std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (r.ec == std::errc()) {
    out_->append(buf, r.ptr);
    return;
  }
  std::string wide(kIntegerDigits + static_cast<std::size_t>(decimals), '\0');  // many decimals
  const std::to_chars_result w =
      std::to_chars(wide.data(), wide.data() + wide.size(), v, std::chars_format::fixed, decimals);
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

void JsonWriter::FieldOrNull(std::string_view key, std::string_view s) {
  Key(key);
  if (s.empty()) {
    Null();
  } else {
    String(s);
  }
}

}  // namespace rasd
