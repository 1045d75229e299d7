// Date reading through the real pipeline (Analyze): the case file
// tests/cases/dates.tsv, the civil-date arithmetic, the lexicon, and
// invariants over every text of eval/corpus.
#include "text/dates.h"

#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "text/analyzer.h"
#include "text/lexicon.h"
#include "text_test_util.h"

namespace rasd::embedded {
extern const std::string_view text_dates;
}  // namespace rasd::embedded

namespace rasd::text {
namespace {

std::string_view PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "?";
}

std::string Covered(std::string_view original, const AnalyzedText& a, const DateMention& m) {
  const std::uint32_t begin = a.tokens[m.first_token].original.begin.value;
  const std::uint32_t end = a.tokens[m.end_token - 1].original.end.value;
  return std::string(original.substr(begin, end - begin));
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

// "date precision [covered]" for every mention, in the case file's notation.
std::string Describe(std::string_view original, const AnalyzedText& a,
                     const std::vector<std::string>& expected_items) {
  if (a.dates.empty()) return "-";
  std::string out;
  for (std::size_t k = 0; k < a.dates.size(); ++k) {
    const DateMention& m = a.dates[k];
    if (k > 0) out.append(" | ");
    out.append(m.date.ToIso()).append(" ").append(PrecisionName(m.precision));
    const bool with_text = k < expected_items.size() &&
                           std::count(expected_items[k].begin(), expected_items[k].end(), ' ') >= 2;
    if (with_text) out.append(" ").append(Covered(original, a, m));
  }
  return out;
}

TEST(DatesTest, CaseFile) {
  const auto rows = testing::CaseRows("dates.tsv");
  ASSERT_GE(rows.size(), 40u);
  AnalyzedText a;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 3u) << row[0];
    std::optional<CivilDate> pub;
    if (row[0] != "-") {
      pub = CivilDate::FromIso(row[0]);
      ASSERT_TRUE(pub.has_value()) << row[0];
    }
    Analyze(row[1], pub, &a);
    const std::vector<std::string> items =
        row[2] == "-" ? std::vector<std::string>{} : SplitItems(row[2]);
    EXPECT_EQ(Describe(row[1], a, items), row[2]) << "pub " << row[0] << ": " << row[1];
  }
}

// A word that opens nothing but a year cue (في، خلال) is read past at once
// unless a year follows it: the year after it still makes a date, and a
// day and month after it are read from the number on. Clauses of the corpus.
TEST(DatesTest, YearCueWordsReadOnlyAYearAfterThem) {
  struct Case {
    std::string_view sentence;
    std::string_view expected;
  };
  const Case cases[] = {
      {"تهدد بنسف عملية السلام التي أطلقت مع أنقرة في 2012 تأتي في حين", "2012-01-01 year في 2012"},
      {"فيما زادت حدة هذه الانتهاكات بعد اندلاع الثورة السورية في 2011", "2011-01-01 year في 2011"},
      {"وعشرات الجرحى خلال اجتماع لحزب الشعب الديموقراطي في 5 حزيران/يونيو في ديار بكر",
       "2015-06-05 day 5 حزيران/يونيو"},
      {"وعشرات الجرحى خلال اجتماع لحزب الشعب الديموقراطي في ديار بكر", "-"},
  };
  AnalyzedText a;
  for (const Case& c : cases) {
    Analyze(c.sentence, CivilDate{2015, 8, 6}, &a);
    const std::vector<std::string> items =
        c.expected == "-" ? std::vector<std::string>{} : SplitItems(std::string(c.expected));
    EXPECT_EQ(Describe(c.sentence, a, items), c.expected) << c.sentence;
  }
}

TEST(DatesTest, LexiconRowsAreWellFormed) {
  const PhraseTable table = PhraseTable::FromTsv(embedded::text_dates);
  EXPECT_TRUE(table.errors().empty()) << table.errors().front();
  const std::set<std::string> kinds = {
      "month",    "month_word", "weekday",    "day_word",   "daypart", "day_rel",  "not_today",
      "week_rel", "month_rel",  "year_rel",   "month_bare", "period",  "year_cue", "ago",
      "span_day", "span_week",  "span_month", "not_ago",    "past",    "next",     "current"};
  std::vector<int> names_of_month(13, 0);
  for (const PhraseEntry& e : table.entries()) {
    EXPECT_TRUE(kinds.count(e.kind)) << "unknown kind " << e.kind << " for " << e.words[0];
    if (e.kind == "month") {
      ASSERT_GE(e.value, 1);
      ASSERT_LE(e.value, 12);
      ++names_of_month[e.value];
    }
    if (e.kind == "weekday") {
      EXPECT_GE(e.value, 0);
      EXPECT_LE(e.value, 6);
    }
  }
  for (int m = 1; m <= 12; ++m) {
    EXPECT_GE(names_of_month[m], 2) << "month " << m;  // Levantine and Egyptian at least
  }
}

// Every month name, with a day and a year, reads as that exact day: a typo in
// the data or a name the tokenizer splits differently fails here.
TEST(DatesTest, EveryMonthNameReadsWithDayAndYear) {
  const PhraseTable table = PhraseTable::FromTsv(embedded::text_dates);
  AnalyzedText a;
  for (const PhraseEntry& e : table.entries()) {
    if (e.kind != "month") continue;
    std::string phrase;
    for (const std::string& w : e.words) {
      if (!phrase.empty()) phrase.push_back(' ');
      phrase.append(w);
    }
    std::string sentence = "وقع الهجوم في 12 ";
    sentence.append(phrase).append(" 2015 قرب المدينة");
    Analyze(sentence, std::nullopt, &a);
    ASSERT_EQ(a.dates.size(), 1u) << sentence;
    EXPECT_EQ(a.dates[0].date, (CivilDate{2015, static_cast<int>(e.value), 12})) << sentence;
    EXPECT_EQ(a.dates[0].precision, DatePrecision::kDay);
    EXPECT_FALSE(a.dates[0].relative);
  }
}

// The date reader picks among a token's candidates (CandidatesAt + BestOf)
// instead of matching afresh for each kind of word: at every token of the
// corpus, and for every kind as well as for all kinds, both ways must choose
// the same phrase with the same end and proclitic.
TEST(DatesTest, BestOfCandidatesChoosesWhatMatchAtChooses) {
  const PhraseTable table = PhraseTable::FromTsv(embedded::text_dates);
  std::set<std::string> kinds;
  for (const PhraseEntry& e : table.entries()) kinds.insert(e.kind);
  AnalyzedText a;
  std::vector<PhraseCandidate> candidates;
  std::size_t matched = 0;
  for (const std::string& text : testing::AllCorpusTexts()) {
    Analyze(text, std::nullopt, &a);
    for (std::uint32_t i = 0; i < a.tokens.size(); ++i) {
      table.CandidatesAt(a.norm, a.tokens, i, &candidates);
      const auto check = [&](const auto& accept, std::string_view what) {
        const auto want = table.MatchAt(a.norm, a.tokens, i, accept);
        const auto got = table.BestOf(a.norm, a.tokens, i, candidates, accept);
        ASSERT_EQ(want.has_value(), got.has_value()) << what << " at " << i << " in " << text;
        if (!want) return;
        ++matched;
        EXPECT_EQ(want->entry, got->entry) << what;
        EXPECT_EQ(want->end_token, got->end_token) << what;
        EXPECT_EQ(want->proclitic, got->proclitic) << what;
      };
      check([](const PhraseEntry&) { return true; }, "any kind");
      for (const std::string& kind : kinds) {
        check([&](const PhraseEntry& e) { return e.kind == kind; }, kind);
      }
    }
  }
  EXPECT_GT(matched, 100u) << "the corpus has dates";
}

TEST(CivilDateTest, DaysRoundTripAndWeekdays) {
  EXPECT_EQ((CivilDate{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((CivilDate{1970, 1, 1}).Weekday(), 4);    // Thursday
  EXPECT_EQ((CivilDate{2016, 2, 25}).Weekday(), 4);   // Thursday
  EXPECT_EQ((CivilDate{2015, 7, 25}).Weekday(), 6);   // Saturday
  EXPECT_EQ((CivilDate{1969, 12, 28}).Weekday(), 0);  // Sunday, before the epoch
  for (std::int64_t d = -800000; d <= 800000; d += 7919) {
    const CivilDate c = CivilDate::FromDays(d);
    EXPECT_TRUE(c.IsValid());
    EXPECT_EQ(c.ToDays(), d);
  }
}

TEST(CivilDateTest, IsoAndValidity) {
  EXPECT_EQ((CivilDate{2016, 2, 5}).ToIso(), "2016-02-05");
  // Every day written by hand reads back, and matches the printf form.
  for (std::int64_t d = -800000; d <= 800000; d += 997) {
    const CivilDate c = CivilDate::FromDays(d);
    char expected[32];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", c.year, c.month, c.day);
    ASSERT_EQ(c.ToIso(), expected);
    if (c.year >= 0 && c.year <= 9999) {
      EXPECT_EQ(CivilDate::FromIso(c.ToIso()), c);
    }
  }
  EXPECT_EQ((CivilDate{-5, 1, 2}).ToIso(), "-005-01-02");
  EXPECT_EQ((CivilDate{12345, 1, 2}).ToIso(), "12345-01-02");
  EXPECT_EQ(CivilDate::FromIso("2016-02-29"), (CivilDate{2016, 2, 29}));
  EXPECT_FALSE(CivilDate::FromIso("2015-02-29").has_value());
  EXPECT_FALSE(CivilDate::FromIso("2015-13-01").has_value());
  EXPECT_FALSE(CivilDate::FromIso("2015-1-01").has_value());
  EXPECT_FALSE(CivilDate::FromIso("2015-01-+1").has_value());
  EXPECT_EQ(CivilDate::DaysInMonth(2000, 2), 29);
  EXPECT_EQ(CivilDate::DaysInMonth(1900, 2), 28);
}

// The weekday rule on all seven publication weekdays: يوم السبت is the
// latest Saturday on or before publication, never after it.
TEST(DatesTest, WeekdayIsTheLatestOnOrBeforePublication) {
  AnalyzedText a;
  for (int offset = 0; offset < 7; ++offset) {
    const CivilDate pub = CivilDate::FromDays(CivilDate{2015, 7, 20}.ToDays() + offset);
    Analyze("وقالت تركيا يوم السبت إن قرارها دخول المعركة", pub, &a);
    ASSERT_EQ(a.dates.size(), 1u);
    const CivilDate d = a.dates[0].date;
    EXPECT_EQ(d.Weekday(), 6);
    EXPECT_LE(d, pub);
    EXPECT_LT(pub.ToDays() - d.ToDays(), 7);
    EXPECT_TRUE(a.dates[0].relative);
  }
}

// Over the whole corpus, with and without a publication date: mentions are
// in bounds, ordered, valid; without one, nothing relative is produced.
TEST(DatesTest, CorpusInvariants) {
  AnalyzedText a;
  std::size_t with_pub = 0;
  std::size_t without_pub = 0;
  for (const std::string& text : testing::AllCorpusTexts()) {
    for (const bool known : {true, false}) {
      const std::optional<CivilDate> pub =
          known ? std::optional<CivilDate>(CivilDate{2015, 8, 6}) : std::nullopt;
      Analyze(text, pub, &a);
      std::uint32_t previous_end = 0;
      for (const DateMention& m : a.dates) {
        ASSERT_LT(m.first_token, m.end_token);
        ASSERT_LE(m.end_token, a.tokens.size());
        ASSERT_GE(m.first_token, previous_end);
        ASSERT_TRUE(m.date.IsValid()) << m.date.ToIso();
        ASSERT_GE(m.date.year, kMinYear);
        ASSERT_LE(m.date.year, kMaxYear);
        if (!known) {
          ASSERT_FALSE(m.relative);
        }
        previous_end = m.end_token;
      }
      (known ? with_pub : without_pub) += a.dates.size();
    }
  }
  EXPECT_GT(without_pub, 30u);
  EXPECT_GT(with_pub, without_pub + 100);
}

}  // namespace
}  // namespace rasd::text
