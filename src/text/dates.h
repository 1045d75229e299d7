// Internal header. Reads dates: Gregorian months in Levantine (كانون الثاني،
// شباط), Egyptian (يناير، فبراير) and Maghrebi (جانفي، فيفري) names, numeric
// dates (25/2/2016, 2016-02-25), weekdays and relative words (أمس، اليوم،
// يوم السبت، الشهر الماضي، قبل أسبوع) resolved against the publication date.
#ifndef RASD_TEXT_DATES_H_
#define RASD_TEXT_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace rasd::text {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  auto operator<=>(const CivilDate&) const = default;
  std::string ToIso() const;  // "2016-02-25"
  static std::optional<CivilDate> FromIso(std::string_view iso);
  // Days since 1970-01-01 and back (Howard Hinnant's civil-from-days).
  std::int64_t ToDays() const;
  static CivilDate FromDays(std::int64_t days);
  int Weekday() const;  // 0 = Sunday .. 6 = Saturday
  // True for a real day of the proleptic Gregorian calendar (no 31 شباط).
  bool IsValid() const;
  static int DaysInMonth(int year, int month);
};

// Years the reader accepts, written or computed: a four-digit number outside
// them is a count, not a year.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2100;

enum class DatePrecision : std::uint8_t { kDay = 1, kWeek = 2, kMonth = 3, kYear = 4 };

struct DateMention {
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;
  CivilDate date;  // for kMonth the 1st of the month, for kYear 1 January
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;  // resolved against the publication date
  // A day counted from publication with no weekday named (أمس، اليوم): the
  // reader moves it with the article's own day when another names one.
  bool counted_day = false;
};

// Finds every date expression, in order and non-overlapping (*out is cleared
// first); relative ones (and dates missing their year) are resolved against
// `pub_date` and dropped when it is unknown. Every date produced is valid and
// its year lies in [kMinYear, kMaxYear].
void ReadDates(const NormalizedText& norm, const std::vector<Token>& tokens,
               std::optional<CivilDate> pub_date, std::vector<DateMention>* out);

class PhraseTable;

// The lexicon of date words (data/text/dates.tsv).
const PhraseTable& DatePhrases();

// ReadDates, given start_hits[i] == DatePhrases().StartHits(tokens[i]) for
// every token (Analyze computes them with the number lexicon's).
void ReadDates(const NormalizedText& norm, const std::vector<Token>& tokens,
               const std::vector<std::uint8_t>& start_hits, std::optional<CivilDate> pub_date,
               std::vector<DateMention>* out);
// The same, reading only at start_tokens (ascending): at least every token
// whose start_hits is not 0 and every number token, the only tokens where
// a date may start (AnalyzedText::start_tokens).
void ReadDates(const NormalizedText& norm, const std::vector<Token>& tokens,
               const std::vector<std::uint8_t>& start_hits,
               const std::vector<std::uint32_t>& start_tokens, std::optional<CivilDate> pub_date,
               std::vector<DateMention>* out);
// The same, with each token's start hits read from Token::start_hits (its
// high byte: Tokenize was given DatePhrases()' start filter second, as
// Analyze does), reading only at start_tokens.
inline constexpr std::uint32_t kDateHitsShift = 8;
void ReadDatesWithTokenHits(const NormalizedText& norm, const std::vector<Token>& tokens,
                            const std::vector<std::uint32_t>& start_tokens,
                            std::optional<CivilDate> pub_date, std::vector<DateMention>* out);

}  // namespace rasd::text

#endif  // RASD_TEXT_DATES_H_
