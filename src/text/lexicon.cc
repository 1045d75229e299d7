// The shared TSV lexicon reader: parses rows, folds their phrases with the
// normaliser, and matches them against clitic readings of tokens.
#include "text/lexicon.h"

#include <algorithm>
#include <charconv>

namespace rasd::text {
namespace {

constexpr std::string_view kWaw = "\xD9\x88";   // U+0648
constexpr std::string_view kFa = "\xD9\x81";    // U+0641
constexpr std::string_view kAlef = "\xD8\xA7";  // U+0627

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    parts.push_back(
        s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitWords(std::string_view phrase) {
  std::vector<std::string> words;
  for (std::string_view w : SplitOn(phrase, ' ')) {
    if (!w.empty()) words.emplace_back(w);
  }
  return words;
}

bool ParseValue(std::string_view s, std::int64_t* value) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

bool PhraseEntry::HasFlag(std::string_view flag) const {
  for (std::string_view f : SplitOn(flags, ' ')) {
    if (f == flag) return true;
  }
  return false;
}

PhraseTable PhraseTable::FromTsv(std::string_view tsv) {
  PhraseTable table;
  std::size_t line_number = 0;
  for (std::string_view line : SplitOn(tsv, '\n')) {
    ++line_number;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> fields = SplitOn(line, '\t');
    PhraseEntry entry;
    if (fields.size() < 3 || fields.size() > 4) {
      table.errors_.push_back("line " + std::to_string(line_number) + ": expected 3 or 4 fields");
      continue;
    }
    entry.words = SplitWords(NormalizeForMatch(Trim(fields[0])));
    entry.kind = std::string(Trim(fields[1]));
    if (entry.words.empty() || entry.kind.empty() || !ParseValue(Trim(fields[2]), &entry.value)) {
      table.errors_.push_back("line " + std::to_string(line_number) +
                              ": bad phrase, kind or value");
      continue;
    }
    if (fields.size() == 4) entry.flags = std::string(Trim(fields[3]));
    table.entries_.push_back(std::move(entry));
  }
  for (std::uint32_t i = 0; i < table.entries_.size(); ++i) {
    table.by_first_[table.entries_[i].words.front()].push_back(i);
  }
  for (auto& [word, indices] : table.by_first_) {
    std::stable_sort(indices.begin(), indices.end(), [&](std::uint32_t a, std::uint32_t b) {
      return table.entries_[a].words.size() > table.entries_[b].words.size();
    });
  }
  return table;
}

std::optional<PhraseMatch> PhraseTable::MatchAt(
    const NormalizedText& norm, const std::vector<Token>& tokens, std::uint32_t i,
    const std::function<bool(const PhraseEntry&)>& accept) const {
  if (i >= tokens.size() || tokens[i].kind != TokenKind::kArabicWord) return std::nullopt;
  std::optional<PhraseMatch> best;
  AnyWordForm(norm, tokens[i], [&](std::string_view proclitic, std::string_view word) {
    const auto it = by_first_.find(word);
    if (it == by_first_.end()) return false;
    for (const std::uint32_t index : it->second) {
      const PhraseEntry& entry = entries_[index];
      if (best && best->entry->words.size() >= entry.words.size()) break;
      if (!accept(entry)) continue;
      if (entry.HasFlag(kOnlyConjunctionFlag) && !IsConjunctionOnly(proclitic)) continue;
      std::uint32_t t = i + 1;
      bool matched = true;
      for (std::size_t w = 1; w < entry.words.size() && matched; ++w, ++t) {
        matched = t < tokens.size() && tokens[t].space_before &&
                  TokenText(norm, tokens[t]) == entry.words[w];
      }
      if (matched) best = PhraseMatch{&entry, t, proclitic};
    }
    return false;  // keep looking: a later reading may give a longer phrase
  });
  return best;
}

bool PhraseTable::MayStartAt(const NormalizedText& norm, const Token& token) const {
  return AnyWordForm(norm, token, [&](std::string_view, std::string_view word) {
    return by_first_.find(word) != by_first_.end();
  });
}

bool AnyWordForm(const NormalizedText& norm, const Token& token,
                 const std::function<bool(std::string_view, std::string_view)>& visit) {
  if (token.kind != TokenKind::kArabicWord) return false;
  const std::string_view text = TokenText(norm, token);
  if (token.reading_count == 0) return visit({}, text);
  std::string restored;  // "ال" + stem, for a reading of لل
  for (std::uint8_t r = 0; r < token.reading_count; ++r) {
    const CliticReading& reading = token.readings[r];
    if (reading.enclitic_bytes != 0 || reading.proclitic_bytes > text.size()) continue;
    const std::string_view proclitic = text.substr(0, reading.proclitic_bytes);
    std::string_view word = text.substr(reading.proclitic_bytes);
    if (reading.article_bytes == 2) {
      restored.assign(kAlef);
      restored.append(word);
      word = restored;
    }
    if (visit(proclitic, word)) return true;
  }
  return false;
}

bool IsConjunctionOnly(std::string_view proclitic) {
  return proclitic.empty() || proclitic == kWaw || proclitic == kFa;
}

bool IsWaw(std::string_view proclitic) { return proclitic == kWaw; }

}  // namespace rasd::text
