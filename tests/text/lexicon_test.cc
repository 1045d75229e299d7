// The TSV rows of a phrase lexicon: fields split on tabs, phrases folded and
// split on spaces, flags read as a space-separated list, and every bad row
// reported with its line number (the lexicon tests require none).
#include "text/lexicon.h"

#include <string>

#include <gtest/gtest.h>

namespace rasd::text {
namespace {

TEST(PhraseTableFromTsv, ReadsRowsAndReportsBadOnesByLine) {
  const std::string tsv =
      "# phrase\tkind\tvalue\tflags\n"  // line 1: a comment
      "\n"                              // line 2: blank
      "ثلاثة\tunit\t3\r\n"              // line 3: CR LF, no flags
      "  مئات  \tvague\t300\tctx wf\n"  // line 4: padded, two flags
      "بضعة\tseveral\n"                 // line 5: two fields
      "عشرات\ttens\t10\twf\textra\n"    // line 6: five fields
      "الف\tscale\tthousand\n"          // line 7: no number
      "قرابة   نحو\tabout\t0\t\n";      // line 8: two words, empty flags
  const PhraseTable table = PhraseTable::FromTsv(tsv);
  ASSERT_EQ(table.entries().size(), 3u);
  const PhraseEntry& three = table.entries()[0];
  ASSERT_EQ(three.words.size(), 1u);
  EXPECT_EQ(three.words[0], NormalizeForMatch("ثلاثة"));  // ta marbuta folded
  EXPECT_EQ(three.kind, "unit");
  EXPECT_EQ(three.value, 3);
  EXPECT_TRUE(three.flags.empty());
  EXPECT_FALSE(three.only_conjunction);

  const PhraseEntry& hundreds = table.entries()[1];
  EXPECT_EQ(hundreds.words, std::vector<std::string>{NormalizeForMatch("مئات")});
  EXPECT_EQ(hundreds.flags, "ctx wf");
  EXPECT_TRUE(hundreds.HasFlag("ctx"));
  EXPECT_TRUE(hundreds.HasFlag("wf"));
  EXPECT_FALSE(hundreds.HasFlag("c"));
  EXPECT_TRUE(hundreds.only_conjunction);

  const PhraseEntry& about = table.entries()[2];
  EXPECT_EQ(about.words,
            (std::vector<std::string>{NormalizeForMatch("قرابة"), NormalizeForMatch("نحو")}));

  ASSERT_EQ(table.errors().size(), 3u);
  EXPECT_EQ(table.errors()[0].rfind("line 5:", 0), 0u) << table.errors()[0];
  EXPECT_EQ(table.errors()[1].rfind("line 6:", 0), 0u) << table.errors()[1];
  EXPECT_EQ(table.errors()[2].rfind("line 7:", 0), 0u) << table.errors()[2];
}

}  // namespace
}  // namespace rasd::text
