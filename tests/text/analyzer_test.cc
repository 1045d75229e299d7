// Tests of Analyze: that it runs every step in order on real corpus text,
// that its results agree with the steps run one by one, and that reusing one
// AnalyzedText for a second document leaves nothing of the first behind.
#include "text/analyzer.h"

#include <string>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace rasd::text
