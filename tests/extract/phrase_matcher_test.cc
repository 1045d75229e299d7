// The phrase matcher's start filter and first-word index against a plain
// scan that tries every listed phrase at every token: on every corpus text
// (dev, seeds and the seed articles), with the real trigger, cue and
// count-noun forms of data/extract, FindAll over whole documents and over
// each sentence finds exactly the matches of the plain scan, and the filter
// never turns away a reading whose stem is a first word.
#include "extract/phrase_matcher.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "../text/text_test_util.h"
#include "text/analyzer.h"

namespace rasd::extract {
namespace {

using text::Token;

struct ListedPhrase {
  std::vector<std::string> words;  // as the matcher stores them: normalised, bare
  std::uint32_t payload = 0;
};

// A matcher and the same phrases as a plain list, from the forms (the first
// column, split on '|') of a data/extract TSV file; payload = row number.
struct Listing {
  PhraseMatcher matcher;
  std::vector<ListedPhrase> phrases;
};

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      if (i > start) parts.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

Listing ListingOf(const std::string& tsv) {
  Listing listing;
  const auto rows =
      SplitOn(text::testing::ReadWholeFile(RASD_SOURCE_DIR "/data/extract/" + tsv), '\n');
  std::uint32_t row = 0;
  for (const std::string& line : rows) {
    if (line.empty() || line[0] == '#') continue;
    ++row;
    for (const std::string& form : SplitOn(SplitOn(line, '\t').at(0), '|')) {
      ListedPhrase p;
      for (const std::string& w : SplitOn(text::NormalizeForMatch(form), ' ')) {
        p.words.push_back(BareWord(w));
      }
      if (p.words.empty()) continue;
      p.payload = row;
      listing.matcher.Add(form, row);
      listing.phrases.push_back(std::move(p));
    }
  }
  return listing;
}

bool IsWord(const Token& t) {
  return t.kind == text::TokenKind::kArabicWord || t.kind == text::TokenKind::kLatinWord;
}

// The stem of reading r, or the whole token when it has no readings.
std::string_view StemAt(const text::NormalizedText& norm, const Token& t, std::uint8_t r) {
  return t.reading_count == 0 ? norm.View(t.norm) : text::StemOf(norm, t, t.readings[r]);
}

bool UsableAt(const text::NormalizedText& norm, const Token& t, std::uint8_t r) {
  return t.reading_count == 0 || UsableReading(norm, t, t.readings[r]);
}

std::uint8_t ReadingsOf(const Token& t) { return t.reading_count == 0 ? 1 : t.reading_count; }

bool WordAt(const text::NormalizedText& norm, const Token& t, const std::string& word) {
  for (std::uint8_t r = 0; r < ReadingsOf(t); ++r) {
    if (UsableAt(norm, t, r) && StemAt(norm, t, r) == word) return true;
  }
  return false;
}

// The construct form of a first word in ة (folded to heh) of three letters
// or more: heh -> ta (سيطره -> سيطرت); "" for any other word.
std::string ConstructOf(const std::string& word) {
  const std::string heh = "\xD9\x87", ta = "\xD8\xAA";
  if (word.size() <= 4 || !word.ends_with(heh)) return "";
  return word.substr(0, word.size() - heh.size()) + ta;
}

// Every phrase tried at token i under every reading: the longest wins, then
// the lowest reading, then the first listed. A reading with a pronoun cut
// off that no lexicon form can be (سيطرت + ه) is a construct form, and
// meets the construct forms of first words.
bool PlainMatchAt(const std::vector<ListedPhrase>& phrases, const text::AnalyzedText& at,
                  std::uint32_t i, std::uint32_t end, PhraseMatch* match) {
  const Token& first = at.tokens[i];
  if (!IsWord(first)) return false;
  std::size_t best = 0;
  for (std::uint8_t r = 0; r < ReadingsOf(first); ++r) {
    const bool construct = !UsableAt(at.norm, first, r);
    for (const ListedPhrase& p : phrases) {
      if (p.words.size() <= best || i + p.words.size() > end) continue;
      const std::string head = construct ? ConstructOf(p.words[0]) : p.words[0];
      if (head != StemAt(at.norm, first, r)) continue;
      bool all = true;
      for (std::size_t k = 1; k < p.words.size() && all; ++k) {
        all = WordAt(at.norm, at.tokens[i + k], p.words[k]);
      }
      if (!all) continue;
      best = p.words.size();
      *match = {i, static_cast<std::uint32_t>(i + best), p.payload, r};
    }
  }
  return best > 0;
}

std::vector<PhraseMatch> PlainFindAll(const std::vector<ListedPhrase>& phrases,
                                      const text::AnalyzedText& at, std::uint32_t begin,
                                      std::uint32_t end) {
  std::vector<PhraseMatch> out;
  PhraseMatch m;
  for (std::uint32_t i = begin; i < end;) {
    if (PlainMatchAt(phrases, at, i, end, &m)) {
      out.push_back(m);
      i = m.end_token;
    } else {
      ++i;
    }
  }
  return out;
}

void ExpectSameMatches(const std::vector<PhraseMatch>& got, const std::vector<PhraseMatch>& want,
                       const std::string& where) {
  ASSERT_EQ(got.size(), want.size()) << where;
  for (std::size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].first_token, want[k].first_token) << where << " match " << k;
    EXPECT_EQ(got[k].end_token, want[k].end_token) << where << " match " << k;
    EXPECT_EQ(got[k].payload, want[k].payload) << where << " match " << k;
    EXPECT_EQ(got[k].first_reading, want[k].first_reading) << where << " match " << k;
  }
}

class PhraseMatcherTest : public ::testing::TestWithParam<const char*> {};

TEST_P(PhraseMatcherTest, FindsWhatTryingEveryPhraseAtEveryTokenFinds) {
  const Listing listing = ListingOf(GetParam());
  ASSERT_GT(listing.phrases.size(), 50u);
  const std::vector<std::string> texts = text::testing::AllCorpusTexts();
  ASSERT_GT(texts.size(), 60u);
  std::size_t matches = 0;
  text::AnalyzedText at;
  std::vector<PhraseMatch> got;
  for (std::size_t d = 0; d < texts.size(); ++d) {
    text::Analyze(texts[d], std::nullopt, &at);
    const auto n = static_cast<std::uint32_t>(at.tokens.size());
    listing.matcher.FindAll(at.norm, at.tokens, 0, n, &got);
    ExpectSameMatches(got, PlainFindAll(listing.phrases, at, 0, n), "text " + std::to_string(d));
    matches += got.size();
    // Sentence by sentence, as event assembly looks for triggers: a phrase
    // may not run past the end it is given.
    for (const text::Sentence& s : at.sentences) {
      listing.matcher.FindAll(at.norm, at.tokens, s.first_token, s.end_token, &got);
      ExpectSameMatches(
          got, PlainFindAll(listing.phrases, at, s.first_token, s.end_token),
          "text " + std::to_string(d) + " sentence at " + std::to_string(s.first_token));
    }
  }
  EXPECT_GT(matches, 500u) << "the corpus should hold many of these words";
}

TEST_P(PhraseMatcherTest, StartFilterLetsThroughEveryReadingThatIsAFirstWord) {
  const Listing listing = ListingOf(GetParam());
  std::vector<std::string> first_words;
  for (const ListedPhrase& p : listing.phrases) first_words.push_back(p.words[0]);
  text::AnalyzedText at;
  std::size_t first_word_readings = 0;
  for (const std::string& t : text::testing::AllCorpusTexts()) {
    text::Analyze(t, std::nullopt, &at);
    for (const Token& token : at.tokens) {
      const std::uint32_t passed = listing.matcher.StartReadings(token);
      if (!IsWord(token)) {
        EXPECT_EQ(passed, 0u);
        continue;
      }
      for (std::uint8_t r = 0; r < ReadingsOf(token); ++r) {
        const std::string_view stem = StemAt(at.norm, token, r);
        if (std::find(first_words.begin(), first_words.end(), stem) == first_words.end()) continue;
        ++first_word_readings;
        EXPECT_NE(passed & (1u << r), 0u) << stem;
      }
    }
  }
  EXPECT_GT(first_word_readings, 500u);
}

TEST(PhraseMatcherConstructTest, ANounInTaMarbutaMatchesBeforeAPronoun) {
  // seed-004: "بعد سيطرته على بلدتي الشطيب والهوية" is the noun سيطرة على with
  // "its"; the verb سيطرت does not read into سيطرته.
  PhraseMatcher m;
  m.Add("سيطرة على", 1);
  m.Add("سيطرت", 2);
  text::AnalyzedText at;
  text::Analyze("بعد سيطرته على بلدتي الشطيب والهوية", std::nullopt, &at);
  std::vector<PhraseMatch> got;
  m.FindAll(at.norm, at.tokens, 0, static_cast<std::uint32_t>(at.tokens.size()), &got);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].payload, 1u);
  EXPECT_EQ(got[0].first_token, 1u);
  EXPECT_EQ(got[0].end_token, 3u);
  text::Analyze("وقد سيطرته القوات", std::nullopt, &at);
  m.FindAll(at.norm, at.tokens, 0, static_cast<std::uint32_t>(at.tokens.size()), &got);
  EXPECT_TRUE(got.empty());
}

// The phrases of `m` found in `sentence`, as (payload, first token, end token).
std::vector<std::array<std::uint32_t, 3>> Found(const PhraseMatcher& m, std::string_view sentence) {
  text::AnalyzedText at;
  text::Analyze(sentence, std::nullopt, &at);
  std::vector<PhraseMatch> got;
  m.FindAll(at.norm, at.tokens, 0, static_cast<std::uint32_t>(at.tokens.size()), &got);
  std::vector<std::array<std::uint32_t, 3>> found;
  for (const PhraseMatch& g : got) found.push_back({g.payload, g.first_token, g.end_token});
  return found;
}

TEST(PhraseMatcherBetweenTest, OneQuantifierMayStandBetweenAPhrasesFirstTwoWords) {
  PhraseMatcher m;
  m.Add("إعادة المناطق", 1);
  m.Add("إعادة", 2);
  m.Add("سيطرة على", 3);
  using Match = std::array<std::uint32_t, 3>;
  using Matches = std::vector<Match>;
  // Not allowed yet: the one-word phrase.
  EXPECT_EQ(Found(m, "إعادة بعض المناطق"), (Matches{Match{2, 0, 1}}));
  m.AllowBetweenFirstWords("بعض");
  m.AllowBetweenFirstWords("كافة");
  m.AllowBetweenFirstWords("عدد من");  // not one word: ignored
  // The quantifier is inside the match, and the word after it may carry clitics.
  EXPECT_EQ(Found(m, "بالإضافة إلى إعادة بعض المناطق لحركة"), (Matches{Match{1, 2, 5}}));
  EXPECT_EQ(Found(m, "وإعادة كافة المناطق"), (Matches{Match{1, 0, 3}}));
  EXPECT_EQ(Found(m, "إعادة المناطق"), (Matches{Match{1, 0, 2}}));
  // One word, no more; and only a listed one; and only before the second word.
  EXPECT_EQ(Found(m, "إعادة بعض كافة المناطق"), (Matches{Match{2, 0, 1}}));
  EXPECT_EQ(Found(m, "إعادة عدد من المناطق"), (Matches{Match{2, 0, 1}}));
  EXPECT_EQ(Found(m, "إعادة بعض السلاح"), (Matches{Match{2, 0, 1}}));
  EXPECT_EQ(Found(m, "سيطرة على بعض"), (Matches{Match{3, 0, 2}}));
  // A phrase cut off by the end of the range after the quantifier is no match.
  text::AnalyzedText at;
  text::Analyze("إعادة بعض المناطق", std::nullopt, &at);
  std::vector<PhraseMatch> got;
  m.FindAll(at.norm, at.tokens, 0, 2, &got);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].payload, 2u);
}

TEST(PhraseMatcherPairTest, FindAllOfBothFindsWhatEachFindAllFinds) {
  const Listing cues = ListingOf("cues.tsv");
  const Listing triggers = ListingOf("triggers.tsv");
  text::AnalyzedText at;
  std::vector<PhraseMatch> cues_alone;
  std::vector<PhraseMatch> triggers_alone;
  std::vector<PhraseMatch> cues_both;
  std::vector<PhraseMatch> triggers_both;
  std::size_t matches = 0;
  for (const std::string& t : text::testing::AllCorpusTexts()) {
    text::Analyze(t, std::nullopt, &at);
    for (const text::Sentence& s : at.sentences) {
      // A sentence, and from it to the end of the text.
      for (const std::uint32_t end : {s.end_token, static_cast<std::uint32_t>(at.tokens.size())}) {
        cues.matcher.FindAll(at.norm, at.tokens, s.first_token, end, &cues_alone);
        triggers.matcher.FindAll(at.norm, at.tokens, s.first_token, end, &triggers_alone);
        PhraseMatcher::FindAllOfBoth(cues.matcher, triggers.matcher, at.norm, at.tokens,
                                     s.first_token, end, &cues_both, &triggers_both);
        ExpectSameMatches(cues_both, cues_alone, "cues");
        ExpectSameMatches(triggers_both, triggers_alone, "triggers");
        matches += cues_both.size() + triggers_both.size();
      }
    }
  }
  EXPECT_GT(matches, 1000u);
}

INSTANTIATE_TEST_SUITE_P(DataFiles, PhraseMatcherTest,
                         ::testing::Values("triggers.tsv", "cues.tsv"));

}  // namespace
}  // namespace rasd::extract
