// Tests of Analyze: that it runs every step in order on real corpus text,
// that its results agree with the steps run one by one, and that reusing one
// AnalyzedText for a second document leaves nothing of the first behind.
#include "text/analyzer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/lexicon.h"
#include "text_test_util.h"

namespace rasd::text {
namespace {

// dev.jsonl: one sentence with a qualified number, one with a weekday.
constexpr char kText[] =
    "قامت النصرة بعملية عسكرية في خناصر جنوب مدينة حلب، حيث اسطاعت أن تسيطر على حاجز برج "
    "التغطية في المدينة بالقرب من منطقة أثريا، وقتلت أكثر من 40 عنصراً من قوات النظام. قال "
    "مسؤولون أمريكيون يوم الأحد إن الولايات المتحدة قررت السماح بشن غارات جوية.";

TEST(AnalyzerTest, AgreesWithTheStepsRunOneByOne) {
  AnalyzedText a;
  Analyze(kText, CivilDate{2015, 8, 3}, &a);
  NormalizedText norm;
  Normalize(kText, &norm);
  std::vector<Token> tokens;
  Tokenize(norm, &tokens);
  std::vector<Sentence> sentences;
  SplitSentences(norm, tokens, &sentences);
  EXPECT_EQ(a.norm.text, norm.text);
  EXPECT_EQ(a.norm.to_original, norm.to_original);
  ASSERT_EQ(a.tokens.size(), tokens.size());
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_EQ(a.sentences[1].first_token, sentences[1].first_token);
}

TEST(AnalyzerTest, FindsTheNumberAndTheDate) {
  AnalyzedText a;
  Analyze(kText, CivilDate{2015, 8, 3}, &a);
  bool forty = false;
  for (const NumberMention& n : a.numbers) {
    ASSERT_LT(n.first_token, n.end_token);
    ASSERT_LE(n.end_token, a.tokens.size());
    forty = forty || n.value == 40;
  }
  EXPECT_TRUE(forty);
  ASSERT_FALSE(a.dates.empty());
  for (const DateMention& d : a.dates) ASSERT_LE(d.end_token, a.tokens.size());
}

TEST(AnalyzerTest, ReuseLeavesNothingOfThePreviousDocument) {
  AnalyzedText a;
  Analyze(kText, CivilDate{2015, 8, 3}, &a);
  Analyze("حلب", std::nullopt, &a);
  EXPECT_EQ(a.norm.text, "حلب");
  EXPECT_EQ(a.tokens.size(), 1u);
  EXPECT_EQ(a.sentences.size(), 1u);
  EXPECT_TRUE(a.numbers.empty());
  EXPECT_TRUE(a.dates.empty());
}

TEST(AnalyzerTest, WholeCorpusHasConsistentMentions) {
  AnalyzedText a;
  std::size_t numbers = 0;
  for (const std::string& doc : testing::AllCorpusTexts()) {
    Analyze(doc, std::nullopt, &a);
    for (const NumberMention& n : a.numbers) ASSERT_LE(n.end_token, a.tokens.size());
    numbers += a.numbers.size();
  }
  EXPECT_GT(numbers, 100u);
}

// Analyze finds where number and date words may start for both readers in
// one loop (PhraseTable::StartFilterPair, while Tokenize hashes readings):
// every corpus token must hold, in the bytes of Token::start_hits the
// readers read, the hits each lexicon gives it alone; start_tokens must
// list every token with a hit or of digits; and the readers must find with
// them exactly what they find without. Half of every text is analysed
// again, so that the reused vectors are checked on a shorter document too.
TEST(AnalyzerTest, SharedPhraseStartsAgreeWithEachReaderAlone) {
  AnalyzedText a;
  std::size_t tokens_with_hits = 0, numbers = 0, dates = 0;
  for (const std::string& doc : testing::AllCorpusTexts()) {
    for (const std::string& text : {doc, doc.substr(0, doc.size() / 2)}) {
      Analyze(text, CivilDate{2015, 8, 1}, &a);
      std::size_t listed = 0;
      for (std::uint32_t i = 0; i < a.tokens.size(); ++i) {
        const Token& t = a.tokens[i];
        const std::uint32_t number_hits = (t.start_hits >> kNumberHitsShift) & 0xFF;
        const std::uint32_t date_hits = (t.start_hits >> kDateHitsShift) & 0xFF;
        ASSERT_EQ(number_hits, NumberPhrases().StartHits(t)) << i;
        ASSERT_EQ(date_hits, DatePhrases().StartHits(t)) << i;
        const bool start = (number_hits | date_hits) != 0 || t.kind == TokenKind::kNumber;
        tokens_with_hits += (number_hits | date_hits) != 0;
        if (!start) continue;
        ASSERT_LT(listed, a.start_tokens.size()) << i;
        ASSERT_EQ(a.start_tokens[listed], i);
        ++listed;
      }
      ASSERT_EQ(listed, a.start_tokens.size());
      std::vector<NumberMention> alone_numbers;
      ReadNumbers(a.norm, a.tokens, &alone_numbers);
      ASSERT_EQ(alone_numbers.size(), a.numbers.size());
      for (std::size_t k = 0; k < a.numbers.size(); ++k) {
        EXPECT_EQ(alone_numbers[k].first_token, a.numbers[k].first_token);
        EXPECT_EQ(alone_numbers[k].end_token, a.numbers[k].end_token);
        EXPECT_EQ(alone_numbers[k].value, a.numbers[k].value);
      }
      std::vector<DateMention> alone_dates;
      ReadDates(a.norm, a.tokens, CivilDate{2015, 8, 1}, &alone_dates);
      ASSERT_EQ(alone_dates.size(), a.dates.size());
      for (std::size_t k = 0; k < a.dates.size(); ++k) {
        EXPECT_EQ(alone_dates[k].first_token, a.dates[k].first_token);
        EXPECT_EQ(alone_dates[k].end_token, a.dates[k].end_token);
        EXPECT_EQ(alone_dates[k].date.ToDays(), a.dates[k].date.ToDays());
      }
      numbers += a.numbers.size();
      dates += a.dates.size();
    }
  }
  EXPECT_GT(tokens_with_hits, 1000u);
  EXPECT_GT(numbers, 100u);
  EXPECT_GT(dates, 50u);
}

// Hits computed for another token vector are not trusted: the readers then
// test every token themselves and find the same mentions.
TEST(AnalyzerTest, StartHitsOfTheWrongSizeAreIgnored) {
  AnalyzedText a;
  Analyze(kText, CivilDate{2015, 8, 3}, &a);
  std::vector<NumberMention> numbers;
  ReadNumbers(a.norm, a.tokens, std::vector<std::uint8_t>(1, 0), &numbers);
  ASSERT_EQ(numbers.size(), a.numbers.size());
  std::vector<DateMention> dates;
  ReadDates(a.norm, a.tokens, std::vector<std::uint8_t>(), CivilDate{2015, 8, 3}, &dates);
  ASSERT_EQ(dates.size(), a.dates.size());
  ASSERT_FALSE(dates.empty());
}

}  // namespace
}  // namespace rasd::text
