// Number reading through the real pipeline (Analyze): the case file
// tests/cases/numbers.tsv, the lexicon itself, and invariants over every
// text of eval/corpus.
#include "text/numbers.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "common/limits.h"
#include "text/analyzer.h"
#include "text/lexicon.h"
#include "text_test_util.h"

namespace rasd::embedded {
extern const std::string_view text_numbers;
}  // namespace rasd::embedded

namespace rasd::text {
namespace {

std::string_view QualifierName(NumberQualifier q) {
  switch (q) {
    case NumberQualifier::kExact:
      return "exact";
    case NumberQualifier::kAtLeast:
      return "at_least";
    case NumberQualifier::kAbout:
      return "about";
    case NumberQualifier::kAtMost:
      return "at_most";
    case NumberQualifier::kVague:
      return "vague";
  }
  return "?";
}

// The original text a mention covers, from its first to its last token.
std::string Covered(std::string_view original, const AnalyzedText& a, const NumberMention& m) {
  const std::uint32_t begin = a.tokens[m.first_token].original.begin.value;
  const std::uint32_t end = a.tokens[m.end_token - 1].original.end.value;
  return std::string(original.substr(begin, end - begin));
}

// "value qualifier covered" for every mention, joined by " | ", in the case
// file's notation; covered text only where the expectation gives one.
std::string Describe(std::string_view original, const AnalyzedText& a,
                     const std::vector<std::string>& expected_items) {
  if (a.numbers.empty()) return "-";
  std::string out;
  for (std::size_t k = 0; k < a.numbers.size(); ++k) {
    const NumberMention& m = a.numbers[k];
    if (k > 0) out.append(" | ");
    out.append(std::to_string(m.value)).append(" ").append(QualifierName(m.qualifier));
    if (m.decimal) out.append("+decimal");
    const bool with_text = k < expected_items.size() &&
                           std::count(expected_items[k].begin(), expected_items[k].end(), ' ') >= 2;
    if (with_text) out.append(" ").append(Covered(original, a, m));
  }
  return out;
}

std::vector<std::string> SplitItems(const std::string& s) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(" | ", start);
    items.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) return items;
    start = pos + 3;
  }
}

TEST(NumbersTest, CaseFile) {
  const auto rows = testing::CaseRows("numbers.tsv");
  ASSERT_GE(rows.size(), 40u);
  AnalyzedText a;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 2u) << row[0];
    Analyze(row[0], std::nullopt, &a);
    const std::vector<std::string> items =
        row[1] == "-" ? std::vector<std::string>{} : SplitItems(row[1]);
    EXPECT_EQ(Describe(row[0], a, items), row[1]) << "sentence: " << row[0];
  }
}

TEST(NumbersTest, LexiconRowsAreWellFormed) {
  const PhraseTable table = PhraseTable::FromTsv(embedded::text_numbers);
  EXPECT_TRUE(table.errors().empty()) << table.errors().front();
  const std::set<std::string> kinds = {"unit",    "teen_unit",      "ten",         "tens",
                                       "hundred", "scale",          "scale_dual",  "scale_plural",
                                       "vague",   "several",        "at_least",    "about",
                                       "at_most", "at_least_after", "about_after", "ordinal"};
  for (const PhraseEntry& e : table.entries()) {
    EXPECT_TRUE(kinds.count(e.kind)) << "unknown kind " << e.kind << " for " << e.words[0];
    EXPECT_GE(e.value, 0) << e.words[0];
  }
}

// Every lexicon word read on its own must come back as exactly its own value:
// a typo in the data (a stray letter, a kind that never fires) fails here.
TEST(NumbersTest, EveryUnitTensAndHundredWordReadsAlone) {
  const PhraseTable table = PhraseTable::FromTsv(embedded::text_numbers);
  AnalyzedText a;
  int checked = 0;
  for (const PhraseEntry& e : table.entries()) {
    if (e.kind != "unit" && e.kind != "tens" && e.kind != "hundred" && e.kind != "ten") continue;
    Analyze(e.words[0], std::nullopt, &a);
    ASSERT_EQ(a.numbers.size(), 1u) << e.words[0];
    EXPECT_EQ(a.numbers[0].value, e.value) << e.words[0];
    ++checked;
  }
  EXPECT_GT(checked, 60);
}

TEST(NumbersTest, MentionSpansCoverQualifierAndScale) {
  const std::string s = "وقتلت أكثر من 40 عنصراً من قوات النظام";
  AnalyzedText a;
  Analyze(s, std::nullopt, &a);
  ASSERT_EQ(a.numbers.size(), 1u);
  EXPECT_EQ(a.tokens[a.numbers[0].first_token].kind, TokenKind::kArabicWord);
  EXPECT_EQ(a.tokens[a.numbers[0].end_token - 1].kind, TokenKind::kNumber);
}

TEST(NumbersTest, HugeDigitRunsSaturateAtTheDocumentedMaximum) {
  AnalyzedText a;
  Analyze("رقم 99999999999999999999999999 مليار", std::nullopt, &a);
  ASSERT_EQ(a.numbers.size(), 1u);
  EXPECT_EQ(a.numbers[0].value, limits::kMaxNumberValue);
  Analyze("تسعمئة مليار وتسعمئة مليون", std::nullopt, &a);
  ASSERT_EQ(a.numbers.size(), 1u);
  EXPECT_EQ(a.numbers[0].value, 900'900'000'000);
}

TEST(NumbersTest, ReadNumberAtReadsOnlyWhereANumberStarts) {
  AnalyzedText a;
  Analyze("بعد ثلاثة أيام على الهجوم", std::nullopt, &a);
  EXPECT_FALSE(ReadNumberAt(a.norm, a.tokens, 0).has_value());
  const auto m = ReadNumberAt(a.norm, a.tokens, 1);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->value, 3);
  EXPECT_EQ(m->end_token, 2u);
}

// Over the whole corpus: mentions are in bounds, ordered, non-overlapping,
// non-negative and capped; every digit token outside a numeric date or time
// belongs to some mention.
TEST(NumbersTest, CorpusInvariants) {
  AnalyzedText a;
  std::size_t mentions = 0;
  for (const std::string& text : testing::AllCorpusTexts()) {
    Analyze(text, std::nullopt, &a);
    std::uint32_t previous_end = 0;
    std::vector<bool> covered(a.tokens.size(), false);
    for (const NumberMention& m : a.numbers) {
      ASSERT_LT(m.first_token, m.end_token);
      ASSERT_LE(m.end_token, a.tokens.size());
      ASSERT_GE(m.first_token, previous_end);
      ASSERT_GE(m.value, 0);
      ASSERT_LE(m.value, limits::kMaxNumberValue);
      previous_end = m.end_token;
      for (std::uint32_t t = m.first_token; t < m.end_token; ++t) covered[t] = true;
    }
    for (std::size_t t = 0; t < a.tokens.size(); ++t) {
      if (a.tokens[t].kind != TokenKind::kNumber || covered[t]) continue;
      const bool glued_to_separator =
          (t + 1 < a.tokens.size() && !a.tokens[t + 1].space_before &&
           a.tokens[t + 1].kind == TokenKind::kPunct) ||
          (t > 0 && !a.tokens[t].space_before && a.tokens[t - 1].kind == TokenKind::kPunct);
      EXPECT_TRUE(glued_to_separator) << "unread digits: " << a.norm.View(a.tokens[t].norm);
    }
    mentions += a.numbers.size();
  }
  EXPECT_GT(mentions, 400u);
}

}  // namespace
}  // namespace rasd::text
