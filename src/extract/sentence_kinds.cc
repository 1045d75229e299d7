// Sentences that tell no event of their own (sentence_kinds.h). The rules are
// general facts of news writing; docs/extraction.md (steps 8 and 11) explains them.
#include "extract/sentence_kinds.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "extract/doc_index.h"
#include "extract/event_fields.h"
#include "extract/lexicon.h"

namespace rasd::extract {
namespace {

using text::Token;

// A standfirst: one of an article's first sentences whose words come back, at
// least 4 in 5 of them, in a line of the next dozen sentences; short ones are
// left alone (a short sentence may well be said twice).
constexpr std::uint32_t kStandfirstSentences = 3;
constexpr std::size_t kStandfirstMinWords = 12;
constexpr std::size_t kStandfirstReach = 12;
constexpr std::size_t kStandfirstShareNum = 4;
constexpr std::size_t kStandfirstShareDen = 5;

// The hash of a word as written, clitics and article included: the
// tokenizer's hash of its first reading, the surface form.
std::uint32_t WordHash(const Token& token) { return token.stem_hash[0]; }

// The hashes of a sentence's Arabic words (WordHash), in text order.
std::vector<std::uint32_t> WordHashes(const DocIndex& ix, const text::Sentence& sentence) {
  std::vector<std::uint32_t> words;
  for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    const Token& token = ix.text->tokens[t];
    if (token.kind == text::TokenKind::kArabicWord) words.push_back(WordHash(token));
  }
  return words;
}

}  // namespace

bool IsHeadline(const DocIndex& ix, std::uint32_t s) {
  if (s != 0 || ix.text->sentences.size() < 2) return false;
  const text::Sentence& first = ix.text->sentences[0];
  const text::Sentence& next = ix.text->sentences[1];
  if (!next.paragraph_start || first.end_token == first.first_token) return false;
  const Token& last = ix.text->tokens[first.end_token - 1];
  return !(last.kind == text::TokenKind::kPunct && ix.text->norm.View(last.norm) == ".");
}

bool IsStandfirst(const DocIndex& ix, std::uint32_t s) {
  const auto& sentences = ix.text->sentences;
  if (s >= kStandfirstSentences || !sentences[s].paragraph_start) return false;
  // A standfirst is a paragraph of one sentence.
  if (s + 1 < sentences.size() && !sentences[s + 1].paragraph_start) return false;
  // The words as hashes of their written forms: each later line's, sorted,
  // are searched for each of this one's, with no string compared.
  const std::vector<std::uint32_t> words = WordHashes(ix, sentences[s]);
  if (words.size() < kStandfirstMinWords) return false;
  const std::size_t last = std::min<std::size_t>(sentences.size(), s + kStandfirstReach);
  std::vector<std::uint32_t> later;
  for (std::size_t t = s + 1; t < last; ++t) {
    // The body repeats a standfirst as a paragraph of its own, about as long.
    const text::Sentence& line = sentences[t];
    const std::size_t tokens = line.end_token - line.first_token;
    if (!line.line_start || tokens * kStandfirstShareDen < words.size() * kStandfirstShareNum) {
      continue;
    }
    later = WordHashes(ix, line);
    if (later.size() * kStandfirstShareDen < words.size() * kStandfirstShareNum) continue;
    std::sort(later.begin(), later.end());
    const auto shared = std::count_if(words.begin(), words.end(), [&](std::uint32_t w) {
      return std::binary_search(later.begin(), later.end(), w);
    });
    if (static_cast<std::size_t>(shared) * kStandfirstShareDen >=
        words.size() * kStandfirstShareNum) {
      return true;
    }
  }
  return false;
}

bool IsQuestion(const DocIndex& ix, const text::Sentence& sentence) {
  for (std::uint32_t t = sentence.end_token; t > sentence.first_token; --t) {
    if (ix.text->tokens[t - 1].kind != text::TokenKind::kPunct) return false;
    if (IsPunct(ix, t - 1, "?")) return true;
  }
  return false;
}

bool TellsHistory(const DocIndex& ix, const text::Sentence& sentence) {
  if (CueInRange(ix, CueClass::kBackground, sentence.first_token, sentence.end_token)) {
    return true;
  }
  const auto dates = DatesIn(ix, sentence.first_token, sentence.end_token);
  return ix.pub_date && std::any_of(dates.begin(), dates.end(), [&](const text::DateMention& d) {
           return d.date.year < ix.pub_date->year ||
                  (d.precision == text::DatePrecision::kDay &&
                   ix.pub_date->ToDays() - d.date.ToDays() > kBackgroundDays);
         });
}

}  // namespace rasd::extract
