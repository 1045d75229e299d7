// Phrase lookup over clitic readings. A phrase is indexed by its first word;
// at each token every reading's stem hash is tested in the start filter, the
// stems that pass are looked up, then the remaining words are checked
// against the following tokens the same way.
#include "extract/phrase_matcher.h"

#include <algorithm>
#include <bit>

namespace rasd::extract {
namespace {

// U+0627 U+0644: the article as it appears in normalised text.
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// U+062A: ta marbuta is written ta before a pronoun suffix (سيطرة -> سيطرتها).
constexpr std::string_view kTa = "\xD8\xAA";
// U+0647: heh, the letter ta marbuta folds to (سيطرة -> سيطره).
constexpr std::string_view kHeh = "\xD9\x87";
// A first word shorter than three letters has no construct form worth
// matching (a pronoun-like ending, not a noun in ة).
constexpr std::size_t kConstructMinBytes = 4;
// U+0627 U+062A: the sound feminine plural ending.
constexpr std::string_view kAlefTa = "\xD8\xA7\xD8\xAA";

}  // namespace

bool UsableReading(const text::NormalizedText& norm, const text::Token& token,
                   const text::CliticReading& reading) {
  if (reading.enclitic_bytes == 0) return true;
  // With a pronoun cut off, a stem ending in ta is the construct form of a noun
  // in ة (سيطرتها "its control"), not the feminine verb سيطرت.
  const std::string_view stem = text::StemOf(norm, token, reading);
  if (stem.size() < kTa.size() || stem.substr(stem.size() - kTa.size()) != kTa) return true;
  // A sound feminine plural keeps its ات before a pronoun (غاراته، هجماتها).
  return stem.size() >= kAlefTa.size() && stem.substr(stem.size() - kAlefTa.size()) == kAlefTa;
}

std::string BareWord(std::string_view w) {
  // Keep at least two letters (4 bytes) after the article: الجو -> جو, but ال alone stays.
  if (w.size() >= kArticle.size() + 4 && w.substr(0, kArticle.size()) == kArticle) {
    return std::string(w.substr(kArticle.size()));
  }
  return std::string(w);
}

void PhraseMatcher::Add(std::string_view phrase, std::uint32_t payload) {
  std::vector<std::string> words = SplitWords(text::NormalizeForMatch(phrase));
  if (words.empty()) return;
  std::vector<std::uint32_t> hashes;
  for (auto& w : words) {
    w = BareWord(w);
    hashes.push_back(text::HashStem(w));
  }
  const Candidate added{static_cast<std::uint32_t>(phrases_.size()),
                        static_cast<std::uint32_t>(words.size())};
  const std::uint64_t second = words.size() > 1 ? SecondBit(hashes[1]) : 0;
  AddUnder(&by_first_word_[words.front()], hashes.front(), added, second);
  const std::string_view front = words.front();
  if (front.size() > kConstructMinBytes && front.ends_with(kHeh)) {
    std::string construct(front.substr(0, front.size() - kHeh.size()));
    construct += kTa;
    AddUnder(&by_construct_[construct], text::HashStem(construct), added, second);
  }
  phrases_.push_back({std::move(words), std::move(hashes), payload});
}

void PhraseMatcher::AllowBetweenFirstWords(std::string_view word) {
  const std::vector<std::string> words = SplitWords(text::NormalizeForMatch(word));
  if (words.size() != 1) return;
  between_words_.push_back(BareWord(words.front()));
  between_hashes_.push_back(text::HashStem(between_words_.back()));
  between_bits_ |= SecondBit(between_hashes_.back());
}

void PhraseMatcher::AddUnder(FirstWord* first, std::uint32_t hash, Candidate added,
                             std::uint64_t second_bit) {
  const std::uint32_t start = hash >> (32 - kStartBits);
  start_bits_[start / 64] |= std::uint64_t{1} << (start % 64);
  std::vector<Candidate>& list = first->candidates;
  list.insert(
      std::upper_bound(list.begin(), list.end(), added,
                       [](const Candidate& a, const Candidate& b) { return a.words > b.words; }),
      added);
  first->second_words |= second_bit;
  first->one_word = static_cast<std::uint32_t>(
      std::find_if(list.begin(), list.end(), [](const Candidate& c) { return c.words == 1; }) -
      list.begin());
}

bool PhraseMatcher::WordMatches(const text::NormalizedText& norm, const text::Token& token,
                                std::string_view word, std::uint32_t hash) {
  if (token.reading_count == 0) {
    return token.stem_hash[0] == hash && norm.View(token.norm) == word;
  }
  for (std::uint8_t r = 0; r < token.reading_count; ++r) {
    if (token.stem_hash[r] == hash &&
        (token.readings[r].enclitic_bytes == 0 || UsableReading(norm, token, token.readings[r])) &&
        text::StemOf(norm, token, token.readings[r]) == word) {
      return true;
    }
  }
  return false;
}

bool PhraseMatcher::BetweenFirstWords(const text::NormalizedText& norm,
                                      const text::Token& token) const {
  if (token.kind != text::TokenKind::kArabicWord) return false;
  for (std::size_t w = 0; w < between_words_.size(); ++w) {
    if (WordMatches(norm, token, between_words_[w], between_hashes_[w])) return true;
  }
  return false;
}

std::uint32_t PhraseMatcher::StartReadings(const text::Token& token) const {
  if (token.kind != text::TokenKind::kArabicWord && token.kind != text::TokenKind::kLatinWord) {
    return 0;
  }
  const std::uint64_t* const bits = start_bits_.data();
  const std::uint32_t readings = token.reading_count == 0 ? 1 : token.reading_count;
  std::uint32_t found = 0;
  for (std::uint32_t r = 0; r < readings; ++r) {
    found |= static_cast<std::uint32_t>(StartBit(bits, token.stem_hash[r])) << r;
  }
  return found;
}

std::uint64_t PhraseMatcher::SecondBits(const text::Token& token) {
  const std::uint32_t readings = token.reading_count == 0 ? 1 : token.reading_count;
  std::uint64_t bits = 0;
  for (std::uint32_t r = 0; r < readings; ++r) bits |= SecondBit(token.stem_hash[r]);
  return bits;
}

bool PhraseMatcher::MatchAt(const text::NormalizedText& norm,
                            const std::vector<text::Token>& tokens, std::uint32_t i,
                            std::uint32_t end, PhraseMatch* match) const {
  const std::uint32_t readings = StartReadings(tokens[i]);
  return readings != 0 && MatchFrom(norm, tokens, i, end, readings, match);
}

bool PhraseMatcher::MatchFrom(const text::NormalizedText& norm,
                              const std::vector<text::Token>& tokens, std::uint32_t i,
                              std::uint32_t end, std::uint32_t readings, PhraseMatch* match) const {
  const text::Token& first = tokens[i];
  std::size_t best_len = 0;
  std::uint32_t best_skip = 0;
  std::uint32_t best_payload = 0;
  std::uint8_t best_reading = 0;
  // SecondBits of the word after the first, read at the first first word
  // found; `skip` is 1 when a word allowed between comes before it.
  constexpr std::uint64_t kUnknown = ~std::uint64_t{0};
  std::uint64_t next_bits = kUnknown;
  std::uint32_t skip = 0;
  for (; readings != 0; readings &= readings - 1) {
    const auto r = static_cast<std::uint8_t>(std::countr_zero(readings));
    const std::string_view key = first.reading_count == 0
                                     ? norm.View(first.norm)
                                     : text::StemOf(norm, first, first.readings[r]);
    // (Only a reading with a pronoun cut off can be unusable: tested inline.)
    // Such a reading is the construct form of a noun in ة (سيطرته على), and
    // looks among the construct forms of the first words.
    const bool construct = first.reading_count != 0 && first.readings[r].enclitic_bytes != 0 &&
                           !UsableReading(norm, first, first.readings[r]);
    const FirstWord* word =
        (construct ? by_construct_ : by_first_word_).Find(key, first.stem_hash[r]);
    if (word == nullptr) continue;
    if (next_bits == kUnknown) {
      next_bits = i + 1 < end ? SecondBits(tokens[i + 1]) : 0;
      // Most next words fail the bit test of the words allowed between.
      if ((next_bits & between_bits_) != 0 && i + 2 < end &&
          BetweenFirstWords(norm, tokens[i + 1])) {
        skip = 1;
        next_bits |= SecondBits(tokens[i + 2]);
      }
    }
    const std::size_t from = (word->second_words & next_bits) != 0 ? 0 : word->one_word;
    for (auto c = word->candidates.begin() + static_cast<std::ptrdiff_t>(from);
         c != word->candidates.end(); ++c) {
      if (c->words <= best_len) break;  // the rest are no longer
      if (i + c->words > end) continue;
      const Phrase& p = phrases_[c->phrase];
      // The words after the first, from token i + 1 + gap on.
      const auto rest_matches = [&](std::uint32_t gap) {
        for (std::size_t k = 1; k < c->words; ++k) {
          if (!WordMatches(norm, tokens[i + gap + k], p.words[k], p.hashes[k])) return false;
        }
        return true;
      };
      std::uint32_t gap = 0;
      bool ok = rest_matches(0);
      if (!ok && skip != 0 && c->words > 1 && i + c->words + skip <= end) {
        gap = skip;
        ok = rest_matches(gap);
      }
      if (ok) {
        best_len = c->words;
        best_skip = gap;
        best_payload = p.payload;
        best_reading = r;
        break;
      }
    }
  }
  if (best_len == 0) return false;
  *match = {i, static_cast<std::uint32_t>(i + best_len + best_skip), best_payload, best_reading};
  return true;
}

void PhraseMatcher::FindAll(const text::NormalizedText& norm,
                            const std::vector<text::Token>& tokens, std::uint32_t begin,
                            std::uint32_t end, std::vector<PhraseMatch>* out) const {
  out->clear();
  PhraseMatch m;
  for (std::uint32_t i = begin; i < end;) {
    const std::uint32_t readings = StartReadings(tokens[i]);
    if (readings != 0 && MatchFrom(norm, tokens, i, end, readings, &m)) {
      out->push_back(m);
      i = m.end_token;
    } else {
      ++i;
    }
  }
}

void PhraseMatcher::FindAllOfBoth(const PhraseMatcher& a, const PhraseMatcher& b,
                                  const text::NormalizedText& norm,
                                  const std::vector<text::Token>& tokens, std::uint32_t begin,
                                  std::uint32_t end, std::vector<PhraseMatch>* a_out,
                                  std::vector<PhraseMatch>* b_out) {
  a_out->clear();
  b_out->clear();
  const std::uint64_t* const a_bits = a.start_bits_.data();
  const std::uint64_t* const b_bits = b.start_bits_.data();
  std::uint32_t a_free = begin;  // the first token past a's last match
  std::uint32_t b_free = begin;
  PhraseMatch m;
  for (std::uint32_t i = begin; i < end; ++i) {
    const text::Token& token = tokens[i];
    if (token.kind != text::TokenKind::kArabicWord && token.kind != text::TokenKind::kLatinWord) {
      continue;
    }
    // The two filters share their bit positions: one test of their union
    // turns most tokens away, and only the rest are tested in each.
    const std::uint32_t readings = token.reading_count == 0 ? 1 : token.reading_count;
    bool either = false;
    for (std::uint32_t r = 0; r < readings; ++r) {
      const std::uint32_t bit = token.stem_hash[r] >> (32 - kStartBits);
      either |= ((a_bits[bit / 64] | b_bits[bit / 64]) >> (bit % 64) & 1) != 0;
    }
    if (!either) continue;
    std::uint32_t a_readings = 0;
    std::uint32_t b_readings = 0;
    for (std::uint32_t r = 0; r < readings; ++r) {
      const std::uint32_t hash = token.stem_hash[r];
      a_readings |= static_cast<std::uint32_t>(StartBit(a_bits, hash)) << r;
      b_readings |= static_cast<std::uint32_t>(StartBit(b_bits, hash)) << r;
    }
    if (a_readings != 0 && i >= a_free && a.MatchFrom(norm, tokens, i, end, a_readings, &m)) {
      a_out->push_back(m);
      a_free = m.end_token;
    }
    if (b_readings != 0 && i >= b_free && b.MatchFrom(norm, tokens, i, end, b_readings, &m)) {
      b_out->push_back(m);
      b_free = m.end_token;
    }
  }
}

}  // namespace rasd::extract
