// The shared TSV lexicon reader: parses rows, folds their phrases with the
// normaliser, and matches them against clitic readings of tokens.
#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace rasd::text {
namespace {

constexpr std::string_view kWaw = "\xD9\x88";              // U+0648
constexpr std::string_view kFa = "\xD9\x81";               // U+0641
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // U+0627 U+0644

// Calls fn(part) for each part of s between separators, empty parts
// included: the lexicons are read at start-up, a few hundred rows each, and
// a vector of parts per row cost more than reading them.
template <typename Fn>
void ForEachPart(std::string_view s, char sep, const Fn& fn) {
  while (true) {
    const std::size_t pos = s.find(sep);
    fn(s.substr(0, pos));
    if (pos == std::string_view::npos) return;
    s.remove_prefix(pos + 1);
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitWords(std::string_view phrase) {
  std::vector<std::string> words;
  ForEachPart(phrase, ' ', [&words](std::string_view w) {
    if (!w.empty()) words.emplace_back(w);
  });
  return words;
}

bool ParseValue(std::string_view s, std::int64_t* value) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

bool PhraseEntry::HasFlag(std::string_view flag) const {
  bool found = false;
  ForEachPart(flags, ' ', [&](std::string_view f) { found = found || f == flag; });
  return found;
}

PhraseTable PhraseTable::FromTsv(std::string_view tsv) {
  PhraseTable table;
  std::size_t line_number = 0;
  ForEachPart(tsv, '\n', [&](std::string_view line) {
    ++line_number;
    line = Trim(line);
    if (line.empty() || line.front() == '#') return;
    // A fifth field is only counted: the row is refused for it.
    constexpr std::size_t kMaxFields = 5;
    std::array<std::string_view, kMaxFields> fields;
    std::size_t field_count = 0;
    ForEachPart(line, '\t', [&](std::string_view f) {
      if (field_count < kMaxFields) fields[field_count] = f;
      ++field_count;
    });
    PhraseEntry entry;
    if (field_count < 3 || field_count > 4) {
      table.errors_.push_back("line " + std::to_string(line_number) + ": expected 3 or 4 fields");
      return;
    }
    entry.words = SplitWords(NormalizeForMatch(Trim(fields[0])));
    entry.kind = std::string(Trim(fields[1]));
    if (entry.words.empty() || entry.kind.empty() || !ParseValue(Trim(fields[2]), &entry.value)) {
      table.errors_.push_back("line " + std::to_string(line_number) +
                              ": bad phrase, kind or value");
      return;
    }
    if (field_count == 4) entry.flags = std::string(Trim(fields[3]));
    table.entries_.push_back(std::move(entry));
  });
  for (std::uint32_t i = 0; i < table.entries_.size(); ++i) {
    PhraseEntry& entry = table.entries_[i];
    entry.only_conjunction = entry.HasFlag(kOnlyConjunctionFlag);
    const std::string& first = entry.words.front();
    table.bare_first_[first].push_back(i);
    if (first.size() > kArticle.size() && first.compare(0, kArticle.size(), kArticle) == 0) {
      table.definite_first_[std::string_view(first).substr(kArticle.size())].push_back(i);
    }
  }
  for (const bool definite : {false, true}) {
    const auto& index = definite ? table.definite_first_ : table.bare_first_;
    for (const auto& entry : index.entries()) {
      const std::uint32_t bit = StartBit(HashStem(entry.first), definite);
      table.start_filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }
  for (StemMap<std::vector<std::uint32_t>>* index : {&table.bare_first_, &table.definite_first_}) {
    for (const auto& [word, indices] : index->entries()) {
      std::vector<std::uint32_t>& sorted = (*index)[word];
      if (sorted.size() < 2) continue;  // (stable_sort would allocate a buffer anyway)
      std::stable_sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) {
        return table.entries_[a].words.size() > table.entries_[b].words.size();
      });
    }
  }
  return table;
}

// The form of a reading is its stem, after ال when it is definite (the ل of
// لل stands for ال), so it is found by the stem hash in one of two indexes.
const std::vector<std::uint32_t>* PhraseTable::StartingWith(const NormalizedText& norm,
                                                            const Token& token,
                                                            std::uint8_t r) const {
  const CliticReading& reading = token.readings[r];
  if (reading.enclitic_bytes != 0) return nullptr;
  const auto& index = reading.definite() ? definite_first_ : bare_first_;
  if (!index.MayContain(token.stem_hash[r])) return nullptr;
  return index.Find(StemOf(norm, token, reading), token.stem_hash[r]);
}

bool PhraseTable::RestMatches(const NormalizedText& norm, const std::vector<Token>& tokens,
                              std::uint32_t i, const PhraseEntry& entry, std::uint32_t* end) const {
  std::uint32_t t = i + 1;
  for (std::size_t w = 1; w < entry.words.size(); ++w, ++t) {
    if (t >= tokens.size() || !tokens[t].space_before ||
        TokenText(norm, tokens[t]) != entry.words[w]) {
      return false;
    }
  }
  *end = t;
  return true;
}

void PhraseTable::CandidatesAt(const NormalizedText& norm, const std::vector<Token>& tokens,
                               std::uint32_t i, std::vector<PhraseCandidate>* out) const {
  out->clear();
  if (i >= tokens.size() || tokens[i].kind != TokenKind::kArabicWord) return;
  const Token& token = tokens[i];
  for (std::uint8_t r = 0; r < token.reading_count; ++r) {
    const std::vector<std::uint32_t>* indices = StartingWith(norm, token, r);
    if (indices == nullptr) continue;
    for (const std::uint32_t index : *indices) {
      std::uint32_t end = 0;
      if (!RestMatches(norm, tokens, i, entries_[index], &end)) end = 0;
      out->push_back({index, end, r});
    }
  }
}

bool IsConjunctionOnly(std::string_view proclitic) {
  return proclitic.empty() || proclitic == kWaw || proclitic == kFa;
}

bool IsWaw(std::string_view proclitic) { return proclitic == kWaw; }

}  // namespace rasd::text
