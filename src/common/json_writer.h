// Internal header. A minimal streaming JSON writer into a std::string. rasd
// writes millions of small records; a DOM library would allocate a tree per
// record just to print it. simdjson (used for reading) does not write.
#ifndef RASD_COMMON_JSON_WRITER_H_
#define RASD_COMMON_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);

  void String(std::string_view s);  // s must be valid UTF-8
  void Int(std::int64_t v);
  void Double(double v, int decimals = 5);
  void Bool(bool v);
  void Null();
  // A value the caller has already written as JSON text (a small object of
  // numbers formatted in one go, say); it is copied as is.
  void Raw(std::string_view json);

  // Convenience for "key": value pairs.
  void Field(std::string_view key, std::string_view s) {
    Key(key);
    String(s);
  }
  void Field(std::string_view key, const char* s) {
    Key(key);
    String(s);
  }
  void Field(std::string_view key, std::int64_t v) {
    Key(key);
    Int(v);
  }
  void Field(std::string_view key, int v) {
    Key(key);
    Int(v);
  }
  void Field(std::string_view key, bool v) {
    Key(key);
    Bool(v);
  }
  // Writes null for an empty string: optional text fields.
  void FieldOrNull(std::string_view key, std::string_view s);

 private:
  void Separate();

  std::string* out_;
  std::vector<char> first_;  // one entry per open container: no value written yet
  bool after_key_ = false;
};

// Appends s as a JSON string literal, quotes included.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace rasd

#endif  // RASD_COMMON_JSON_WRITER_H_
