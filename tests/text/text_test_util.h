// Helpers shared by the text-core tests: the real corpus texts (the "text"
// field of eval/corpus/*.jsonl, decoded by a small JSON string reader so the
// tests need no JSON library), the seed articles, and TSV case files.
#ifndef RASD_TESTS_TEXT_TEXT_TEST_UTIL_H_
#define RASD_TESTS_TEXT_TEXT_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"

namespace rasd::text::testing {

inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline unsigned HexValue(std::string_view s) {
  unsigned v = 0;
  for (const char c : s) {
    v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

// Decodes the JSON string starting after the opening quote at s[i].
inline std::string DecodeJsonString(std::string_view s, std::size_t i) {
  std::string out;
  while (i < s.size() && s[i] != '"') {
    if (s[i] != '\\') {
      out.push_back(s[i++]);
      continue;
    }
    const char e = s[i + 1];
    i += 2;
    switch (e) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'u': {
        char32_t cp = HexValue(s.substr(i, 4));
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && s.substr(i, 2) == "\\u") {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (HexValue(s.substr(i + 2, 4)) - 0xDC00);
          i += 6;
        }
        utf8::Append(cp, &out);
        break;
      }
      default:
        out.push_back(e);
    }
  }
  return out;
}

// The "text" field of every line of a JSONL corpus file.
inline std::vector<std::string> CorpusTexts(const std::string& jsonl_path) {
  std::vector<std::string> texts;
  std::ifstream in(jsonl_path);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t key = line.find("\"text\": \"");
    if (key != std::string::npos) texts.push_back(DecodeJsonString(line, key + 9));
  }
  return texts;
}

// Every real text: dev.jsonl, seeds.jsonl and the seed articles.
inline std::vector<std::string> AllCorpusTexts() {
  const std::string dir = std::string(RASD_SOURCE_DIR) + "/eval/corpus";
  std::vector<std::string> texts = CorpusTexts(dir + "/dev.jsonl");
  for (std::string& t : CorpusTexts(dir + "/seeds.jsonl")) texts.push_back(std::move(t));
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/seeds")) {
    if (entry.path().extension() == ".txt") texts.push_back(ReadWholeFile(entry.path()));
  }
  return texts;
}

// Rows of a tests/cases TSV file, '#' lines skipped, split on tabs.
inline std::vector<std::vector<std::string>> CaseRows(const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(std::string(RASD_SOURCE_DIR) + "/tests/cases/" + name);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream fields_in(line);
    std::string field;
    while (std::getline(fields_in, field, '\t')) fields.push_back(field);
    if (!line.empty() && line.back() == '\t') fields.emplace_back();
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace rasd::text::testing

#endif  // RASD_TESTS_TEXT_TEXT_TEST_UTIL_H_
