// Internal header. A minimal streaming JSON writer into a std::string. rasd
// writes millions of small records; a DOM library would allocate a tree per
// record just to print it. simdjson (used for reading) does not write.
#ifndef RASD_COMMON_JSON_WRITER_H_
#define RASD_COMMON_JSON_WRITER_H_

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

// A key written in the source as a literal, quoted and checked when the
// program is compiled: it needs no escaping, so the writer copies
// `"key":` in one append without scanning it. A record of the JSON output
// has a key for every few bytes of values. JsonKey("key") with a quote,
// a backslash or a control character does not compile.
template <std::size_t N>
class JsonKey {
 public:
  consteval explicit JsonKey(const char (&key)[N]) {
    quoted_[0] = '"';
    for (std::size_t i = 0; i + 1 < N; ++i) {
      const auto c = static_cast<unsigned char>(key[i]);
      if (c < 0x20 || c == '"' || c == '\\') throw "a JsonKey literal must need no escaping";
      quoted_[i + 1] = key[i];
    }
    quoted_[N] = '"';
    quoted_[N + 1] = ':';
  }
  // The key between quotes, and the colon: `"key":`.
  std::string_view quoted() const { return {quoted_, N + 2}; }

 private:
  char quoted_[N + 2] = {};
};

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  template <std::size_t N>
  void Key(const JsonKey<N>& key) {
    Separate();
    out_->append(key.quoted());
    after_key_ = true;
  }

  void String(std::string_view s);  // s must be valid UTF-8
  void Int(std::int64_t v);
  void Double(double v, int decimals = 5);
  void Bool(bool v);
  void Null();
  // A value the caller has already written as JSON text (a small object of
  // numbers formatted in one go, say); it is copied as is.
  void Raw(std::string_view json);

  // Convenience for "key": value pairs, with a key given as text or as a
  // checked literal (JsonKey).
  template <typename K>
  void Field(const K& key, std::string_view s) {
    Key(key);
    String(s);
  }
  template <typename K>
  void Field(const K& key, const char* s) {
    Key(key);
    String(s);
  }
  template <typename K>
  void Field(const K& key, std::int64_t v) {
    Key(key);
    Int(v);
  }
  template <typename K>
  void Field(const K& key, int v) {
    Key(key);
    Int(v);
  }
  template <typename K>
  void Field(const K& key, bool v) {
    Key(key);
    Bool(v);
  }
  // Writes null for an empty string: optional text fields.
  template <typename K>
  void FieldOrNull(const K& key, std::string_view s) {
    Key(key);
    if (s.empty()) {
      Null();
    } else {
      String(s);
    }
  }

 private:
  void Separate();

  std::string* out_;
  std::vector<char> first_;  // one entry per open container: no value written yet
  bool after_key_ = false;
};

// Appends s as a JSON string literal, quotes included.
void AppendJsonString(std::string_view s, std::string* out);

// The room WriteJsonString needs for a string of `bytes` bytes: each byte
// as \u00XX, the quotes, and sixteen bytes it may read past its copy.
constexpr std::size_t MaxJsonStringBytes(std::size_t bytes) { return 6 * bytes + 18; }

// Writes s as a JSON string literal, quotes included, at `out`, which has
// MaxJsonStringBytes(s.size()) bytes of room that may be read as well as
// written; returns the end of what it wrote. For writers that format into
// a buffer of their own: s is copied first and the copy scanned sixteen
// bytes at a time for a byte to escape, so a string with none (nearly
// every one) costs one copy and a compare per sixteen bytes.
char* WriteJsonString(std::string_view s, char* out);

// std::to_chars(first, last, v, std::chars_format::fixed, decimals), the
// same characters and result, many times faster for the values records hold
// (|v| < 2^30 with at most 9 decimals: coordinates, confidences), which are
// rounded with integer arithmetic; others go to std::to_chars.
std::to_chars_result FormatFixed(char* first, char* last, double v, int decimals);

}  // namespace rasd

#endif  // RASD_COMMON_JSON_WRITER_H_
