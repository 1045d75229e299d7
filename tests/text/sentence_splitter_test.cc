// Tests of SplitSentences on real corpus passages: Arabic terminal marks,
// missing spaces after a period, decimals, abbreviations, quotations, line
// and paragraph breaks, datelines, the sentence length limit, and coverage
// of every token of every corpus text.
#include "text/sentence_splitter.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "common/limits.h"
#include "text_test_util.h"

namespace rasd::embedded {
extern const std::string_view text_line_continuers;
}  // namespace rasd::embedded

namespace rasd::text {
namespace {

using testing::AllCorpusTexts;
using testing::ReadWholeFile;

struct Split {
  std::string original;
  NormalizedText norm;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  // The original text of sentence i.
  std::string Original(std::size_t i) const {
    const ByteSpan s = sentences[i].original;
    return original.substr(s.begin.value, s.size());
  }
  std::string Dateline(std::size_t i) const {
    const Sentence& s = sentences[i];
    if (!s.HasDateline()) return "";
    const std::uint32_t b = tokens[s.first_token].original.begin.value;
    const std::uint32_t e = tokens[s.dateline_end_token - 1].original.end.value;
    return original.substr(b, e - b);
  }
};

Split SplitText(std::string original) {
  Split s;
  s.original = std::move(original);
  Normalize(s.original, &s.norm);
  Tokenize(s.norm, &s.tokens);
  SplitSentences(s.norm, s.tokens, &s.sentences);
  return s;
}

TEST(SentenceSplitterTest, PeriodsSplitAndDecimalsDoNot) {
  // dev.jsonl, two sentences; the second holds 3.6.
  const Split s = SplitText(
      "وقال إن قتال إدلب أثار شبح الأزمة الدولية. تخشى تركيا ، التي تستضيف بالفعل 3.6 مليون "
      "لاجئ سوري ، موجة جديدة من المهاجرين.");
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(s.Original(0), "وقال إن قتال إدلب أثار شبح الأزمة الدولية.");
  EXPECT_EQ(s.Original(1).substr(0, 19), "تخشى تركيا");
  EXPECT_TRUE(s.sentences[0].paragraph_start);
  EXPECT_FALSE(s.sentences[1].paragraph_start);
  EXPECT_FALSE(s.sentences[1].line_start);
}

TEST(SentenceSplitterTest, PeriodWithoutFollowingSpaceStillSplits) {
  // dev.jsonl: "... هو محمد علي ديب مسلم نعمة.وفي الفترة نفسها، أعلن عن مقتل ..."
  const Split s = SplitText(
      "شيع قاصرا آخر في بلدة عيناتا الجنوبية هو محمد علي ديب مسلم نعمة.وفي الفترة "
      "نفسها، أعلن عن مقتل أكثر من ستة");
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(s.Original(1).substr(0, 6), "وفي");
}

TEST(SentenceSplitterTest, ArabicQuestionMarkSemicolonAndExclamation) {
  const Split s = SplitText(
      "ما حقيقة مشاركة جند الأقصى وجبهة النصرة بجانب (داعش) في معركة خناصر؟ نفى "
      "مصدر عسكري ذلك؛ وأكد أن الرتل دخل! ثم انسحب");
  ASSERT_EQ(s.sentences.size(), 4u);
  EXPECT_EQ(s.Original(1), "نفى مصدر عسكري ذلك؛");
  EXPECT_EQ(s.Original(2), "وأكد أن الرتل دخل!");
}

TEST(SentenceSplitterTest, LettersAbbreviationsAndInitialsDoNotSplit) {
  // dev.jsonl: "كما أفاد فالون لهيئة الاذاعة البريطانية (بي.بي.سي)، «أثبتت ..."
  const Split bbc = SplitText(
      "كما أفاد فالون لهيئة الاذاعة البريطانية (بي.بي.سي)، «أثبتت أسراب طائرات "
      "التورنادو جدارتها».");
  EXPECT_EQ(bbc.sentences.size(), 1u);
  // The abbreviation list (data/text/abbreviations.tsv) and Latin initials.
  const Split dr = SplitText("وقال د. رامي عبد الرحمن إن U.S. forces قصفت المنطقة. وأضاف المرصد");
  ASSERT_EQ(dr.sentences.size(), 2u);
  EXPECT_EQ(dr.Original(1), "وأضاف المرصد");
}

TEST(SentenceSplitterTest, QuotedQuestionContinuedByTheReportingClause) {
  // dev.jsonl: "تقريرا حمل عنوان «هل العلاقات الأميركية التركية تتحطم؟»، جاء فيه أن ..."
  const Split comma = SplitText(
      "أصدر تقريرا حمل عنوان «هل العلاقات الأميركية التركية تتحطم؟»، جاء فيه "
      "أن هذه العلاقات «لم تكن أبدا مريحة للجانبين».");
  EXPECT_EQ(comma.sentences.size(), 1u);
  const Split clause = SplitText("«هل العلاقات الأميركية التركية تتحطم؟» تساءل المعهد. ثم أجاب");
  ASSERT_EQ(clause.sentences.size(), 2u);
  EXPECT_EQ(clause.Original(1), "ثم أجاب");
}

TEST(SentenceSplitterTest, ClosingQuoteStaysWithItsSentence) {
  const Split s =
      SplitText("وقال: «إن إخوتنا الأوفياء في المقاومة اللبنانية لن يتركونا.» وأضاف أن");
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(s.Original(0).substr(s.Original(0).size() - 3), ".»");
  EXPECT_EQ(s.Original(1), "وأضاف أن");
}

TEST(SentenceSplitterTest, AnElisionInAQuotationDoesNotEndTheSentence) {
  // dev.jsonl: the observatory's quote leaves words out with "(...)" and goes on.
  const Split s = SplitText(
      "تحدث المرصد عن مقتل \"12 من عناصر قوات النظام والمسلحين الموالين لها (...) وقيادي\" في "
      "تنظيم داعش في اشتباكات بين الجانبين. وأضاف المرصد");
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(s.Original(1), "وأضاف المرصد");
  // Three dots with no bracket still end one.
  const Split dots = SplitText("لا تزال المعارك مستمرة... وأضاف المرصد");
  EXPECT_EQ(dots.sentences.size(), 2u);
}

TEST(SentenceSplitterTest, LineBreaksSplitAndBlankLinesOpenParagraphs) {
  const Split s =
      SplitText("رابط الخبر بصحيفة الوئام\nوقال المرصد في بيان\n\n وأضاف: إن المخطوفين");
  ASSERT_EQ(s.sentences.size(), 3u);
  EXPECT_TRUE(s.sentences[0].paragraph_start);
  EXPECT_TRUE(s.sentences[1].line_start);
  EXPECT_FALSE(s.sentences[1].paragraph_start);
  EXPECT_TRUE(s.sentences[2].paragraph_start);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_FALSE(s.sentences[i].HasDateline()) << i;
}

TEST(SentenceSplitterTest, ALineWrappedAfterAWordThatCannotEndOneGoesOn) {
  // seed-000, copied with its line breaks: a preposition, the head of a
  // group's name, a complementizer and a comma end lines mid-sentence.
  const Split s = SplitText(
      "أرسلت جبهة النصرة التابعة لتنظيم القاعدة في\nسوريا رتلا عسكريا، في حين أعلن تنظيم\n"
      "داعش عن نصب كمين لرتل النصرة.\nوأوضح المصدر نفسه أن\nجبهة النصرة هي من قامت "
      "بالعملية، وقصفت القواعد التركية،\nولاسيما قاعدة انجرليك.");
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_TRUE(s.Original(0).ends_with("عن نصب كمين لرتل النصرة.")) << s.Original(0);
  EXPECT_TRUE(s.Original(1).starts_with("وأوضح المصدر نفسه أن\nجبهة")) << s.Original(1);
  EXPECT_TRUE(s.Original(1).ends_with("قاعدة انجرليك.")) << s.Original(1);
  EXPECT_TRUE(s.sentences[1].line_start);
}

TEST(SentenceSplitterTest, HeadingsAndBlankLinesStillEndSentences) {
  // dev.jsonl section headings end in nouns; a blank line ends a sentence
  // even after a preposition.
  const Split s = SplitText(
      "وقال مصدر إن المقاتلين سيطروا على التلة\nمراقبة من الحكومة\nوقال مصدر آخر إن "
      "القصف تركز في\n\nالمساء");
  ASSERT_EQ(s.sentences.size(), 4u);
  EXPECT_EQ(s.Original(1), "مراقبة من الحكومة");
  EXPECT_TRUE(s.sentences[3].paragraph_start);
  // على folds to the name علي, and a short line ending in a name's head is a
  // heading (the review).
  const Split named = SplitText(
      "قتل القيادي في هيئة تحرير الشام أبو علي\nقصفت قوات النظام بلدة كفرنبل\nإعادة تنظيم\n"
      "وقال مصدر إن الفصائل أعادت تنظيم صفوفها");
  ASSERT_EQ(named.sentences.size(), 4u);
  EXPECT_EQ(named.Original(2), "إعادة تنظيم");
}

TEST(SentenceSplitterTest, LineContinuerListIsOneWordPerEntryOfAKnownClass) {
  const std::set<std::string_view> classes = {"preposition", "conjunction", "complementizer",
                                              "relative", "name_head"};
  std::set<std::string> seen;
  std::string_view rest = embedded::text_line_continuers;
  int line = 0;
  while (!rest.empty()) {
    const std::size_t eol = std::min(rest.find('\n'), rest.size());
    const std::string_view row = rest.substr(0, eol);
    rest.remove_prefix(std::min(eol + 1, rest.size()));
    ++line;
    if (row.empty() || row[0] == '#') continue;
    const std::size_t tab = row.find('\t');
    ASSERT_NE(tab, std::string_view::npos) << "line " << line;
    EXPECT_EQ(classes.count(row.substr(tab + 1)), 1u) << "line " << line;
    const Split word = SplitText(std::string(row.substr(0, tab)));
    ASSERT_EQ(word.tokens.size(), 1u) << "line " << line;
    EXPECT_EQ(word.tokens[0].kind, TokenKind::kArabicWord) << "line " << line;
    EXPECT_TRUE(seen.insert(NormalizeForMatch(row.substr(0, tab))).second) << "line " << line;
  }
  EXPECT_GT(seen.size(), 20u);
}

TEST(SentenceSplitterTest, SeedArticleDatelineWithReporter) {
  const Split s = SplitText(
      ReadWholeFile(std::string(RASD_SOURCE_DIR) + "/eval/corpus/seeds/002_6abc499f106e344f.txt"));
  ASSERT_GE(s.sentences.size(), 4u);
  EXPECT_EQ(s.Original(2), "حلب – عمار البكور:");
  EXPECT_EQ(s.Dateline(2), "حلب – عمار البكور:");
  EXPECT_FALSE(s.sentences[0].HasDateline());  // the headline
  EXPECT_FALSE(s.sentences[1].HasDateline());  // "25 شباط (فبراير - فيفري)، 2016"
  EXPECT_FALSE(s.sentences[3].HasDateline());  // "نفى مصدر عسكري ..."
}

TEST(SentenceSplitterTest, DatelineForms) {
  // Bodies from dev.jsonl behind the usual agency datelines.
  const Split dash =
      SplitText("دمشق - أعلنت مصادر بالمعارضة السورية أن الفصائل المقاتلة تخوض معارك");
  EXPECT_EQ(dash.Dateline(0), "دمشق -");
  const Split agency =
      SplitText("بيروت (أ ف ب) - اختطف تنظيم داعش أكثر من 220 من أبناء مدينة القريتين");
  EXPECT_EQ(agency.Dateline(0), "بيروت (أ ف ب) -");
  const Split colon = SplitText("بيروت: أبرزت الصحف اللبنانية الصادرة اليوم");
  EXPECT_EQ(colon.Dateline(0), "بيروت:");
  EXPECT_EQ(dash.sentences[0].dateline_end_token, 2u);
}

TEST(SentenceSplitterTest, ReportedSpeechIsNotADateline) {
  for (const char* speech : {"وقال المرصد: «خطف عناصر من جبهة النصرة مساء أمس قائد الفرقة 30",
                             "وأضاف: في إحدى الحواجز تم إلقاء القبض على سيارتين من الرتل",
                             "مضيفا: إن كل ما يدعيه الدواعش من تمسك بالإسلام",
                             "وأضافت الوزارة أن: قرار تسليم أم سياف إلى الحكومة العراقية",
                             "كما تعرضت بعد منتصف ليل الاثنين - الثلاثاء مناطق في حي جوبر"}) {
    const Split s = SplitText(speech);
    ASSERT_FALSE(s.sentences.empty());
    EXPECT_FALSE(s.sentences[0].HasDateline()) << speech;
    EXPECT_EQ(s.sentences[0].dateline_end_token, s.sentences[0].first_token);
  }
}

TEST(SentenceSplitterTest, OverlongSentencesAreCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "قصف ";
  const Split s = SplitText(text);
  ASSERT_EQ(s.sentences.size(), 3u);
  EXPECT_EQ(s.sentences[0].end_token - s.sentences[0].first_token, limits::kMaxSentenceTokens);
  // A run of glued marks is cut too (found by fuzz_sentences).
  const Split dots = SplitText("حلب" + std::string(1000, '.'));
  ASSERT_EQ(dots.sentences.size(), 3u);
  for (const Sentence& sentence : dots.sentences) {
    EXPECT_LE(sentence.end_token - sentence.first_token, limits::kMaxSentenceTokens);
  }
}

TEST(SentenceSplitterTest, CorpusSentencesCoverEveryTokenInOrder) {
  std::size_t sentences = 0;
  for (const std::string& doc : AllCorpusTexts()) {
    const Split s = SplitText(doc);
    std::uint32_t next = 0;
    for (const Sentence& sentence : s.sentences) {
      ASSERT_EQ(sentence.first_token, next);
      ASSERT_LT(sentence.first_token, sentence.end_token);
      ASSERT_LE(sentence.end_token - sentence.first_token, limits::kMaxSentenceTokens);
      ASSERT_GE(sentence.dateline_end_token, sentence.first_token);
      ASSERT_LE(sentence.dateline_end_token, sentence.end_token);
      next = sentence.end_token;
    }
    ASSERT_EQ(next, s.tokens.size());
    sentences += s.sentences.size();
  }
  EXPECT_GT(sentences, 1000u);
}

}  // namespace
}  // namespace rasd::text
