// Date reading over the token stream, and the civil-date arithmetic it needs.
// At each token the reader skips cue words (مطلع، فجر، يوم، شهر), then tries,
// in order: a numeric date, day + month [+ year], month [+ year], a year after
// a cue (عام 2016), a relative day (أمس، اليوم), a weekday, a relative week,
// month or year, and "ago" (قبل يومين). The words live in data/text/dates.tsv;
// docs/numbers-and-dates.md states the resolution rules.
#include "text/dates.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <initializer_list>

#include "text/lexicon.h"
#include "text/numbers.h"

namespace rasd::embedded {
extern const std::string_view text_dates;
}  // namespace rasd::embedded

namespace rasd::text {

// --- CivilDate ---------------------------------------------------------------

std::string CivilDate::ToIso() const {
  // Every event's date goes through here: digits by hand, not snprintf
  // (about 1,700 instructions a call); odd values keep the general path.
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  std::string iso(10, '-');
  const auto put = [&](std::size_t at, int value, int digits) {
    for (int k = digits - 1; k >= 0; --k) {
      iso[at + static_cast<std::size_t>(k)] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  return iso;
}

std::optional<CivilDate> CivilDate::FromIso(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto field = [&](std::size_t pos, std::size_t len, int* v) {
    const char* b = iso.data() + pos;
    const auto [ptr, ec] = std::from_chars(b, b + len, *v);
    return ec == std::errc() && ptr == b + len && b[0] != '-' && b[0] != '+';
  };
  CivilDate d;
  if (!field(0, 4, &d.year) || !field(5, 2, &d.month) || !field(8, 2, &d.day) || !d.IsValid()) {
    return std::nullopt;
  }
  return d;
}

int CivilDate::DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool CivilDate::IsValid() const {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::int64_t CivilDate::ToDays() const {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::FromDays(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

int CivilDate::Weekday() const {
  const std::int64_t days = ToDays();  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((days + 4) % 7 + 7) % 7);
}

// --- Reading -----------------------------------------------------------------

namespace {

enum class DateWord : std::uint8_t {
  kMonth,
  kMonthWord,
  kWeekday,
  kDayWord,
  kDaypart,
  kDayRel,
  kNotToday,
  kWeekRel,
  kMonthRel,
  kYearRel,
  kMonthBare,
  kPeriod,
  kYearCue,
  kAgo,
  kSpanDay,
  kSpanWeek,
  kSpanMonth,
  kNotAgo,
  kPast,
  kNext,
  kCurrent,
  kUnknown,
};

DateWord WordFromName(std::string_view name) {
  struct Named {
    std::string_view name;
    DateWord kind;
  };
  static constexpr Named kNames[] = {
      {"month", DateWord::kMonth},
      {"month_word", DateWord::kMonthWord},
      {"weekday", DateWord::kWeekday},
      {"day_word", DateWord::kDayWord},
      {"daypart", DateWord::kDaypart},
      {"day_rel", DateWord::kDayRel},
      {"not_today", DateWord::kNotToday},
      {"week_rel", DateWord::kWeekRel},
      {"month_rel", DateWord::kMonthRel},
      {"year_rel", DateWord::kYearRel},
      {"month_bare", DateWord::kMonthBare},
      {"period", DateWord::kPeriod},
      {"year_cue", DateWord::kYearCue},
      {"ago", DateWord::kAgo},
      {"span_day", DateWord::kSpanDay},
      {"span_week", DateWord::kSpanWeek},
      {"span_month", DateWord::kSpanMonth},
      {"not_ago", DateWord::kNotAgo},
      {"past", DateWord::kPast},
      {"next", DateWord::kNext},
      {"current", DateWord::kCurrent},
  };
  for (const Named& n : kNames) {
    if (n.name == name) return n.kind;
  }
  return DateWord::kUnknown;
}

class DateLexicon {
 public:
  DateLexicon() : table_(PhraseTable::FromTsv(embedded::text_dates)) {
    kinds_.reserve(table_.entries().size());
    for (const PhraseEntry& e : table_.entries()) {
      kinds_.push_back(WordFromName(e.kind));
      needs_context_.push_back(e.HasFlag("ctx"));
      if (kinds_.back() == DateWord::kYearCue && e.words.size() != 1) one_word_year_cues_ = false;
    }
  }
  static const DateLexicon& Get() {
    static const DateLexicon lexicon;
    return lexicon;
  }
  DateWord KindOf(const PhraseEntry& e) const { return kinds_[IndexOf(e)]; }
  bool NeedsContext(const PhraseEntry& e) const { return needs_context_[IndexOf(e)] != 0; }
  const PhraseTable& table() const { return table_; }
  // Every year cue is one word (عام، في): a date read from a cue ends with
  // the year right after it.
  bool OneWordYearCues() const { return one_word_year_cues_; }

 private:
  std::size_t IndexOf(const PhraseEntry& e) const {
    return static_cast<std::size_t>(&e - table_.entries().data());
  }

  PhraseTable table_;
  // Per entry, read once from the row: the kind and the flag "ctx".
  std::vector<DateWord> kinds_;
  std::vector<std::uint8_t> needs_context_;
  bool one_word_year_cues_ = true;
};

struct Word {
  DateWord kind = DateWord::kUnknown;
  std::int64_t value = 0;
  bool needs_context = false;  // flag "ctx"
  std::uint32_t end = 0;
};

// A set of kinds of date word, one bit each.
constexpr std::uint32_t MaskOf(DateWord kind) { return std::uint32_t{1} << static_cast<int>(kind); }
constexpr std::uint32_t MaskOf(std::initializer_list<DateWord> kinds) {
  std::uint32_t mask = 0;
  for (const DateWord k : kinds) mask |= MaskOf(k);
  return mask;
}

// The kinds the readers of ReadCoreAt and the cues before it try first at
// their token: a word of no other kind opens no date.
constexpr std::uint32_t kOpeningKinds =
    MaskOf({DateWord::kPeriod, DateWord::kDaypart, DateWord::kDayWord, DateWord::kMonthWord,
            DateWord::kMonth, DateWord::kYearCue, DateWord::kDayRel, DateWord::kWeekday,
            DateWord::kWeekRel, DateWord::kMonthRel, DateWord::kYearRel, DateWord::kMonthBare,
            DateWord::kAgo});

// Relative weeks, months and years, and الشهر after a period word.
constexpr std::uint32_t kSpanKinds =
    MaskOf({DateWord::kWeekRel, DateWord::kMonthRel, DateWord::kYearRel, DateWord::kMonthBare});

// Longest relative spans read ("قبل 3650 يوما"); beyond, the phrase is history.
constexpr std::int64_t kMaxAgoDays = 3660;

class DateReader {
 public:
  // start_hits gives DatePhrases().StartHits of every token, or none.
  DateReader(const NormalizedText& norm, const std::vector<Token>& tokens, StartHitsView start_hits,
             std::optional<CivilDate> pub)
      : norm_(norm),
        tokens_(tokens),
        start_hits_(start_hits),
        pub_(pub),
        n_(static_cast<std::uint32_t>(tokens.size())) {}

  // How many days the article's own "yesterday" lies from the publication
  // date's, once a relative day and its weekday disagree (0 while none has).
  std::int64_t article_shift() const { return article_shift_.value_or(0); }

  std::optional<DateMention> ReadAt(std::uint32_t i) const {
    if (tokens_[i].kind != TokenKind::kNumber) {
      const std::uint32_t opening = StartKindsAt(i) & kOpeningKinds;
      if (opening == 0) return std::nullopt;
      // A word that opens nothing but a year cue (في، خلال: thousands of
      // tokens, a few dates) reads a date only with a year after it.
      if (opening == MaskOf(DateWord::kYearCue) && DateLexicon::Get().OneWordYearCues() &&
          !YearAt(i + 1)) {
        return std::nullopt;
      }
    }
    std::uint32_t j = i;
    Cues cues;
    for (int k = 0; k < 4; ++k) {  // مطلع، فجر يوم، شهر ...
      const auto cue = WordAt(j, MaskOf({DateWord::kPeriod, DateWord::kDaypart, DateWord::kDayWord,
                                         DateWord::kMonthWord}));
      if (!cue) break;
      cues.period = cues.period || cue->kind == DateWord::kPeriod;
      cues.month_word = cue->kind == DateWord::kMonthWord;
      j = cue->end;
    }
    auto m = ReadCoreAt(j, cues);
    if (m) m->first_token = i;
    return m;
  }

 private:
  struct Cues {
    bool period = false;
    bool month_word = false;  // شهر directly before
  };

  // The longest date word of one of `kinds` (a MaskOf) at token i.
  std::optional<Word> WordAt(std::uint32_t i, std::uint32_t kinds) const {
    if (i >= n_ ||
        (i > 0 && !tokens_[i].space_before && tokens_[i - 1].kind == TokenKind::kArabicWord)) {
      return std::nullopt;
    }
    const DateLexicon& lex = DateLexicon::Get();
    if (!MayStartAt(i)) return std::nullopt;
    const CachedCandidates& at = CandidatesAt(i);
    if ((at.kinds & kinds) == 0) return std::nullopt;
    const auto match = lex.table().BestOf(
        norm_, tokens_, i, at.candidates,
        [&](const PhraseEntry& e) { return (MaskOf(lex.KindOf(e)) & kinds) != 0; });
    if (!match) return std::nullopt;
    return Word{lex.KindOf(*match->entry), match->entry->value, lex.NeedsContext(*match->entry),
                match->end_token};
  }

  // The kinds (MaskOf) of the lexicon entries that start at token i, without
  // the entries themselves; remembers MayStartAt(i) on the way.
  std::uint32_t StartKindsAt(std::uint32_t i) const {
    const DateLexicon& lex = DateLexicon::Get();
    std::uint32_t kinds = 0;
    lex.table().ForEachStartingAt(norm_, tokens_[i], StartHitsAt(i), [&](std::uint32_t entry) {
      kinds |= MaskOf(lex.KindOf(lex.table().entries()[entry]));
    });
    checked_token_ = i;
    checked_may_start_ = kinds != 0;
    return kinds;
  }

  // Whether a date word may start at token i, remembered for the last token
  // asked: the readers try one token for every kind of date in turn.
  bool MayStartAt(std::uint32_t i) const {
    if (i != checked_token_) {
      checked_token_ = i;
      checked_may_start_ = DateLexicon::Get().table().MayStartAt(norm_, tokens_[i], StartHitsAt(i));
    }
    return checked_may_start_;
  }

  std::uint32_t StartHitsAt(std::uint32_t i) const {
    return start_hits_.given() ? start_hits_[i] : DateLexicon::Get().table().StartHits(tokens_[i]);
  }

  // The lexicon entries that may start at a token, with the set of their
  // kinds: a reader asking for other kinds is answered without a look at the
  // entries (most tokens that pass MayStartAt are في، من، على, which open
  // no date alone).
  struct CachedCandidates {
    std::uint32_t token = kNoToken;
    std::vector<PhraseCandidate> candidates;
    std::uint32_t kinds = 0;  // MaskOf the candidates' kinds
  };

  // The candidates at token i, looked up once for the last few tokens asked:
  // each reader tries its own kinds of word at the same tokens.
  const CachedCandidates& CandidatesAt(std::uint32_t i) const {
    for (const CachedCandidates& c : cache_) {
      if (c.token == i) return c;
    }
    CachedCandidates& slot = cache_[next_slot_];
    next_slot_ = (next_slot_ + 1) % cache_.size();
    slot.token = i;
    const DateLexicon& lex = DateLexicon::Get();
    lex.table().CandidatesAt(norm_, tokens_, i, &slot.candidates);
    slot.kinds = 0;
    for (const PhraseCandidate& c : slot.candidates) {
      slot.kinds |= MaskOf(lex.KindOf(lex.table().entries()[c.entry]));
    }
    return slot;
  }

  // Each reader of a word opens with WordAt(j) for its own kinds, so the
  // kinds present at j decide which of them can read anything.
  std::optional<DateMention> ReadCoreAt(std::uint32_t j, const Cues& cues) const {
    if (auto m = ReadNumericAt(j)) return m;
    if (auto m = ReadDayMonthAt(j)) return m;
    const std::uint32_t kinds = j < n_ && MayStartAt(j) ? CandidatesAt(j).kinds : 0;
    const auto may = [kinds](std::uint32_t wanted) { return (kinds & wanted) != 0; };
    if (may(MaskOf(DateWord::kMonth))) {
      if (auto m = ReadMonthAt(j, cues.month_word)) return m;
    }
    if (may(MaskOf(DateWord::kYearCue))) {
      if (auto m = ReadYearAt(j)) return m;
    }
    if (const auto year = YearAt(j); year && cues.period) {  // مطلع 2017، أواخر 2012
      return Make(j, j + 1, CivilDate{*year, 1, 1}, DatePrecision::kYear, false);
    }
    if (may(MaskOf(DateWord::kDayRel))) {
      if (auto m = ReadRelativeDayAt(j)) return m;
    }
    if (may(MaskOf(DateWord::kWeekday))) {
      if (auto m = ReadWeekdayAt(j)) return m;
    }
    if (may(kSpanKinds)) {
      if (auto m = ReadRelativeSpanAt(j, cues.period)) return m;
    }
    if (!may(MaskOf(DateWord::kAgo))) return std::nullopt;
    return ReadAgoAt(j);
  }

  // --- token helpers ---

  std::string_view Text(std::uint32_t i) const { return TokenText(norm_, tokens_[i]); }
  bool IsPunct(std::uint32_t i, char c) const {
    return i < n_ && tokens_[i].kind == TokenKind::kPunct && Text(i).size() == 1 && Text(i)[0] == c;
  }
  // An integer token of 1..max_digits plain digits.
  std::optional<int> SmallNumber(std::uint32_t i, std::size_t max_digits) const {
    if (i >= n_ || tokens_[i].kind != TokenKind::kNumber) return std::nullopt;
    const std::string_view s = Text(i);
    int v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || s.size() > max_digits) {
      return std::nullopt;
    }
    return v;
  }
  std::optional<int> YearAt(std::uint32_t i) const {
    if (i >= n_ || Text(i).size() != 4) return std::nullopt;
    const auto y = SmallNumber(i, 4);
    if (!y || *y < kMinYear || *y > kMaxYear) return std::nullopt;
    return y;
  }

  static DateMention Make(std::uint32_t first, std::uint32_t end, CivilDate date,
                          DatePrecision precision, bool relative) {
    if (precision == DatePrecision::kMonth || precision == DatePrecision::kYear) date.day = 1;
    if (precision == DatePrecision::kYear) date.month = 1;
    return DateMention{first, end, date, precision, relative};
  }
  static bool InRange(const CivilDate& d) {
    return d.year >= kMinYear && d.year <= kMaxYear && d.IsValid();
  }

  // --- absolute dates ---

  // 25/2/2016, 25-2-2016, 2016-02-25, and 25.2.2016 (one number token).
  std::optional<DateMention> ReadNumericAt(std::uint32_t i) const {
    if (i >= n_ || tokens_[i].kind != TokenKind::kNumber) return std::nullopt;
    int a = 0, b = 0, c = 0;
    std::uint32_t end = i + 1;
    bool year_first = false;
    if (!ThreeParts(i, &a, &b, &c, &end, &year_first)) return std::nullopt;
    const CivilDate d = year_first ? CivilDate{a, b, c} : CivilDate{c, b, a};
    if (!InRange(d)) return std::nullopt;
    return Make(i, end, d, DatePrecision::kDay, false);
  }

  bool ThreeParts(std::uint32_t i, int* a, int* b, int* c, std::uint32_t* end,
                  bool* year_first) const {
    const std::string_view s = Text(i);
    if (s.find('.') != std::string_view::npos) {  // 25.2.2016 as one token
      const std::size_t p1 = s.find('.');
      const std::size_t p2 = s.find('.', p1 + 1);
      if (p2 == std::string_view::npos || s.find('.', p2 + 1) != std::string_view::npos) {
        return false;
      }
      *year_first = p1 == 4;
      return ParseInt(s.substr(0, p1), a) && ParseInt(s.substr(p1 + 1, p2 - p1 - 1), b) &&
             ParseInt(s.substr(p2 + 1), c) && (p1 == 4 || s.size() - p2 - 1 == 4);
    }
    for (const char sep : {'/', '-'}) {
      const bool glued = i + 4 < n_ && IsPunct(i + 1, sep) && IsPunct(i + 3, sep) &&
                         !tokens_[i + 1].space_before && !tokens_[i + 2].space_before &&
                         !tokens_[i + 3].space_before && !tokens_[i + 4].space_before;
      if (!glued) continue;
      const auto x = SmallNumber(i, 4), y = SmallNumber(i + 2, 2), z = SmallNumber(i + 4, 4);
      if (!x || !y || !z) return false;
      *year_first = Text(i).size() == 4;
      if (!*year_first && Text(i + 4).size() != 4) return false;
      *a = *x, *b = *y, *c = *z, *end = i + 5;
      return true;
    }
    return false;
  }

  static bool ParseInt(std::string_view s, int* v) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
    return ec == std::errc() && ptr == s.data() + s.size() && !s.empty() && s.size() <= 4;
  }

  // What follows a month name: other names of the same month, "(فبراير -
  // فيفري)", "/فبراير", "- يناير", then an optional year (", 2016", "عام 2016").
  struct MonthTail {
    std::uint32_t end = 0;
    bool had_alternate = false;
    std::optional<int> year;
    int direction = 0;  // -1 الماضي, +1 المقبل
  };

  MonthTail ReadMonthTail(std::uint32_t k, std::int64_t month) const {
    MonthTail tail{k, false, std::nullopt, 0};
    for (int guard = 0; guard < 4; ++guard) {
      if (IsPunct(tail.end, '(')) {
        std::uint32_t p = tail.end + 1;
        if (!SameMonthAt(p, month, &p)) break;
        while ((IsPunct(p, '-') || IsPunct(p, '/')) && SameMonthAt(p + 1, month, &p)) {
        }
        if (!IsPunct(p, ')')) break;
        tail.end = p + 1;
        tail.had_alternate = true;
      } else if ((IsPunct(tail.end, '/') || IsPunct(tail.end, '-')) &&
                 SameMonthAt(tail.end + 1, month, &tail.end)) {
        tail.had_alternate = true;
      } else {
        break;
      }
    }
    std::uint32_t y = tail.end;
    if (IsPunct(y, ',')) ++y;
    if (const auto cue = WordAt(y, MaskOf(DateWord::kYearCue))) y = cue->end;
    if (const auto year = YearAt(y)) {
      tail.year = year;
      tail.end = y + 1;
    } else if (const auto dir = WordAt(
                   tail.end, MaskOf({DateWord::kPast, DateWord::kNext, DateWord::kCurrent}))) {
      tail.direction = dir->kind == DateWord::kPast ? -1 : dir->kind == DateWord::kNext ? 1 : 0;
      tail.end = dir->end;
    }
    return tail;
  }

  bool SameMonthAt(std::uint32_t i, std::int64_t month, std::uint32_t* end) const {
    const auto w = WordAt(i, MaskOf(DateWord::kMonth));
    if (!w || w->value != month) return false;
    *end = w->end;
    return true;
  }

  std::optional<DateMention> ReadDayMonthAt(std::uint32_t i) const {
    const auto day = SmallNumber(i, 2);
    if (!day) return std::nullopt;
    const auto month = WordAt(i + 1, MaskOf(DateWord::kMonth));
    if (!month) return std::nullopt;
    const MonthTail tail = ReadMonthTail(month->end, month->value);
    const auto m = static_cast<int>(month->value);
    std::optional<CivilDate> d;
    if (tail.year) {
      d = CivilDate{*tail.year, m, *day};
    } else if (pub_) {
      d = InferYear(m, *day, tail.direction);
    }
    if (!d || !InRange(*d)) return std::nullopt;
    return Make(i, tail.end, *d, DatePrecision::kDay, !tail.year);
  }

  std::optional<DateMention> ReadMonthAt(std::uint32_t i, bool after_month_word) const {
    const auto month = WordAt(i, MaskOf(DateWord::kMonth));
    if (!month) return std::nullopt;
    // After a day number the day-month reader has decided (31 شباط is no date).
    if (i > 0 && SmallNumber(i - 1, 2)) return std::nullopt;
    const MonthTail tail = ReadMonthTail(month->end, month->value);
    const bool has_context = after_month_word || tail.had_alternate || tail.year;
    if (month->needs_context && !has_context) return std::nullopt;
    const auto m = static_cast<int>(month->value);
    std::optional<CivilDate> d;
    if (tail.year) {
      d = CivilDate{*tail.year, m, 1};
    } else if (pub_) {
      d = InferYear(m, 0, tail.direction);
    }
    if (!d || !InRange(*d)) return std::nullopt;
    return Make(i, tail.end, *d, DatePrecision::kMonth, !tail.year);
  }

  // A date without its year takes the publication year, or the previous year
  // when that would put it more than a month after publication; الماضي and
  // المقبل pick the last occurrence before or the first after. day = 0 for a month.
  std::optional<CivilDate> InferYear(int month, int day, int direction) const {
    const CivilDate& pub = *pub_;
    int year = pub.year;
    if (direction < 0) {
      if (month >= pub.month) --year;
    } else if (direction > 0) {
      if (month <= pub.month) ++year;
    } else if (day == 0) {
      if ((year * 12 + month) - (pub.year * 12 + pub.month) > 1) --year;
    } else {
      const CivilDate guess{year, month, std::min(day, CivilDate::DaysInMonth(year, month))};
      if (guess.ToDays() - pub.ToDays() > 31) --year;
    }
    const CivilDate d{year, month, day == 0 ? 1 : day};
    if (!d.IsValid()) return std::nullopt;
    return d;
  }

  std::optional<DateMention> ReadYearAt(std::uint32_t i) const {
    const auto cue = WordAt(i, MaskOf(DateWord::kYearCue));
    if (!cue) return std::nullopt;
    const auto year = YearAt(cue->end);
    if (!year) return std::nullopt;
    return Make(i, cue->end + 1, CivilDate{*year, 1, 1}, DatePrecision::kYear, false);
  }

  // --- relative dates (need the publication date) ---

  std::optional<DateMention> Relative(std::uint32_t first, std::uint32_t end, const CivilDate& d,
                                      DatePrecision precision) const {
    if (!InRange(d)) return std::nullopt;
    return Make(first, end, d, precision, true);
  }

  std::optional<DateMention> ReadRelativeDayAt(std::uint32_t i) const {
    const auto rel = WordAt(i, MaskOf(DateWord::kDayRel));
    if (!rel || !pub_) return std::nullopt;
    if (rel->end < n_ && tokens_[rel->end].space_before &&
        WordAt(rel->end, MaskOf(DateWord::kNotToday))) {
      return std::nullopt;
    }
    const std::int64_t counted = pub_->ToDays() + rel->value;
    const std::uint32_t end = SkipWeekday(rel->end);  // اليوم الثلاثاء، أمس (السبت)
    if (end == rel->end) {
      auto m = Relative(i, end, CivilDate::FromDays(counted), DatePrecision::kDay);
      if (m) m->counted_day = true;
      return m;
    }
    // أمس الثلاثاء in an article dated Thursday: written the day before it
    // came out. The weekday names the day: the nearest one to the count, on
    // the same side of publication (اليوم الاثنين in an article of a Saturday
    // is the Monday before; غدا السبت is after).
    std::int64_t shift = WeekdayShift(counted, WeekdayValue(rel->end));
    const std::int64_t day = counted + shift, pub = pub_->ToDays();
    if (rel->value <= 0 && day > pub) shift -= 7;
    if (rel->value > 0 && day <= pub) shift += 7;
    if (shift != 0 && !article_shift_) article_shift_ = shift;
    return Relative(i, end, CivilDate::FromDays(counted + shift), DatePrecision::kDay);
  }

  // The days from `days` to the nearest day of `weekday` (-3 .. 3).
  static std::int64_t WeekdayShift(std::int64_t days, int weekday) {
    std::int64_t shift = ((weekday - CivilDate::FromDays(days).Weekday()) % 7 + 7) % 7;
    return shift > 3 ? shift - 7 : shift;
  }

  // The weekday SkipWeekday passed over at k, bare or in brackets.
  int WeekdayValue(std::uint32_t k) const {
    const auto w = WordAt(k, MaskOf(DateWord::kWeekday));
    return static_cast<int>(w ? w->value : WordAt(k + 1, MaskOf(DateWord::kWeekday))->value);
  }

  std::uint32_t SkipWeekday(std::uint32_t k) const {
    if (const auto w = WordAt(k, MaskOf(DateWord::kWeekday))) return w->end;
    if (IsPunct(k, '(')) {
      const auto w = WordAt(k + 1, MaskOf(DateWord::kWeekday));
      if (w && IsPunct(w->end, ')')) return w->end + 1;
    }
    return k;
  }

  // يوم السبت = the latest Saturday on or before publication; السبت الماضي
  // strictly before; السبت المقبل strictly after. A full date after the
  // weekday (السبت 25 تموز 2015) wins over the rule.
  std::optional<DateMention> ReadWeekdayAt(std::uint32_t i) const {
    const auto w = WordAt(i, MaskOf(DateWord::kWeekday));
    if (!w) return std::nullopt;
    std::uint32_t end = w->end;
    if (IsPunct(end, ',')) ++end;
    if (auto full = ReadNumericAt(end)) return full;
    if (auto full = ReadDayMonthAt(end)) return full;
    if (!pub_) return std::nullopt;
    int direction = 0;
    end = w->end;
    if (const auto dir = WordAt(end, MaskOf({DateWord::kPast, DateWord::kNext}))) {
      direction = dir->kind == DateWord::kPast ? -1 : 1;
      end = dir->end;
    } else if (IsPunct(end, '(')) {
      const auto paren = WordAt(end + 1, MaskOf({DateWord::kPast, DateWord::kNext}));
      if (paren && IsPunct(paren->end, ')')) {
        direction = paren->kind == DateWord::kPast ? -1 : 1;
        end = paren->end + 1;
      }
    }
    const int pub_weekday = pub_->Weekday();
    const int target = static_cast<int>(w->value);
    std::int64_t delta = 0;
    if (direction > 0) {
      delta = (target - pub_weekday + 7) % 7;
      if (delta == 0) delta = 7;
    } else {
      delta = -((pub_weekday - target + 7) % 7);
      if (delta == 0 && direction < 0) delta = -7;
    }
    return Relative(i, end, CivilDate::FromDays(pub_->ToDays() + delta), DatePrecision::kDay);
  }

  static CivilDate AddMonths(const CivilDate& d, std::int64_t months) {
    const std::int64_t index = d.year * 12LL + (d.month - 1) + months;
    return CivilDate{static_cast<int>(index / 12), static_cast<int>(index % 12) + 1, 1};
  }

  // الأسبوع الماضي (pub - 7 days, week), الشهر الماضي (month), العام الماضي (year),
  // and الشهر after a period word (مطلع الشهر = this month).
  std::optional<DateMention> ReadRelativeSpanAt(std::uint32_t i, bool after_period) const {
    const auto w = WordAt(i, kSpanKinds);
    if (!w || !pub_) return std::nullopt;
    switch (w->kind) {
      case DateWord::kWeekRel:
        return Relative(i, w->end, CivilDate::FromDays(pub_->ToDays() + 7 * w->value),
                        DatePrecision::kWeek);
      case DateWord::kMonthRel:
        return Relative(i, w->end, AddMonths(*pub_, w->value), DatePrecision::kMonth);
      case DateWord::kYearRel:
        return Relative(i, w->end, CivilDate{pub_->year + static_cast<int>(w->value), 1, 1},
                        DatePrecision::kYear);
      default:  // الشهر
        if (!after_period) return std::nullopt;
        return Relative(i, w->end, AddMonths(*pub_, 0), DatePrecision::kMonth);
    }
  }

  // قبل يومين، قبل أسبوع، منذ 3 أيام، قبل ثلاثة أشهر.
  std::optional<DateMention> ReadAgoAt(std::uint32_t i) const {
    const auto ago = WordAt(i, MaskOf(DateWord::kAgo));
    if (!ago || !pub_) return std::nullopt;
    std::int64_t count = 0;
    std::uint32_t k = ago->end;
    if (const auto number = ReadNumberAt(norm_, tokens_, k)) {
      if (number->qualifier != NumberQualifier::kExact || number->decimal) return std::nullopt;
      count = number->value;
      k = number->end_token;
    }
    const auto span =
        WordAt(k, MaskOf({DateWord::kSpanDay, DateWord::kSpanWeek, DateWord::kSpanMonth}));
    if (!span) return std::nullopt;
    if (count == 0) count = span->value;
    if (count <= 0 || count > kMaxAgoDays) return std::nullopt;
    if (span->end < n_ && WordAt(span->end, MaskOf(DateWord::kNotAgo))) return std::nullopt;
    switch (span->kind) {
      case DateWord::kSpanDay:
        return Relative(i, span->end, CivilDate::FromDays(pub_->ToDays() - count),
                        DatePrecision::kDay);
      case DateWord::kSpanWeek:
        return Relative(i, span->end, CivilDate::FromDays(pub_->ToDays() - 7 * count),
                        DatePrecision::kWeek);
      default:
        return Relative(i, span->end, AddMonths(*pub_, -count), DatePrecision::kMonth);
    }
  }

  const NormalizedText& norm_;
  const std::vector<Token>& tokens_;
  StartHitsView start_hits_;
  std::optional<CivilDate> pub_;
  std::uint32_t n_;
  mutable std::uint32_t checked_token_ = kNoToken;
  mutable bool checked_may_start_ = false;
  mutable std::array<CachedCandidates, 4> cache_;
  mutable std::size_t next_slot_ = 0;
  mutable std::optional<std::int64_t> article_shift_;
};

}  // namespace

namespace {

// An article that says أمس الثلاثاء on a Thursday was written on Wednesday:
// its other أمس and اليوم count from that day too (بعد منتصف ليل أمس).
void MoveCountedDays(std::int64_t shift, std::vector<DateMention>* dates) {
  if (shift == 0) return;
  for (DateMention& d : *dates) {
    if (!d.counted_day) continue;
    const CivilDate moved = CivilDate::FromDays(d.date.ToDays() + shift);
    if (moved.year >= kMinYear && moved.year <= kMaxYear) d.date = moved;
  }
}

void ReadDatesWith(const NormalizedText& norm, const std::vector<Token>& tokens,
                   StartHitsView start_hits, const std::vector<std::uint32_t>* start_tokens,
                   std::optional<CivilDate> pub_date, std::vector<DateMention>* out) {
  out->clear();
  if (pub_date && !pub_date->IsValid()) pub_date.reset();
  const DateReader reader(norm, tokens, start_hits, pub_date);
  const auto n = static_cast<std::uint32_t>(tokens.size());
  std::uint32_t i = 0;
  std::size_t next_start = 0;
  while (i < n) {
    if (start_tokens != nullptr) {  // every token passed over is one the test below skips
      while (next_start < start_tokens->size() && (*start_tokens)[next_start] < i) ++next_start;
      if (next_start == start_tokens->size()) break;
      i = (*start_tokens)[next_start];
    }
    // A word no date entry starts with opens no date: most tokens are
    // passed over here, without the reader's call.
    if (start_hits.given() && start_hits[i] == 0 && tokens[i].kind != TokenKind::kNumber) {
      ++i;
      continue;
    }
    if (auto m = reader.ReadAt(i)) {
      out->push_back(*m);
      i = m->end_token;
    } else {
      ++i;
    }
  }
  MoveCountedDays(reader.article_shift(), out);
}

}  // namespace

const PhraseTable& DatePhrases() { return DateLexicon::Get().table(); }

void ReadDates(const NormalizedText& norm, const std::vector<Token>& tokens,
               std::optional<CivilDate> pub_date, std::vector<DateMention>* out) {
  ReadDatesWith(norm, tokens, StartHitsView(), nullptr, pub_date, out);
}

void ReadDates(const NormalizedText& norm, const std::vector<Token>& tokens,
               const std::vector<std::uint8_t>& start_hits, std::optional<CivilDate> pub_date,
               std::vector<DateMention>* out) {
  // Hits for some other token vector are not used.
  const bool fits = start_hits.size() == tokens.size();
  ReadDatesWith(norm, tokens, fits ? StartHitsView(start_hits.data()) : StartHitsView(), nullptr,
                pub_date, out);
}

void ReadDates(const NormalizedText& norm, const std::vector<Token>& tokens,
               const std::vector<std::uint8_t>& start_hits,
               const std::vector<std::uint32_t>& start_tokens, std::optional<CivilDate> pub_date,
               std::vector<DateMention>* out) {
  const bool fits = start_hits.size() == tokens.size();
  ReadDatesWith(norm, tokens, fits ? StartHitsView(start_hits.data()) : StartHitsView(),
                fits ? &start_tokens : nullptr, pub_date, out);
}

void ReadDatesWithTokenHits(const NormalizedText& norm, const std::vector<Token>& tokens,
                            const std::vector<std::uint32_t>& start_tokens,
                            std::optional<CivilDate> pub_date, std::vector<DateMention>* out) {
  ReadDatesWith(norm, tokens, StartHitsView(tokens, kDateHitsShift), &start_tokens, pub_date, out);
}

}  // namespace rasd::text
