// Number reading over the token stream. Spelled-out numbers are read as a
// small grammar of groups (see docs/numbers-and-dates.md): a group is
// [hundreds] [و units] [و tens] or a teen, closed by a scale word (ألف،
// مليون) that multiplies it; groups join with و in decreasing scale. The
// words and the conventional figures of vague quantities live in
// data/text/numbers.tsv. All arithmetic saturates at limits::kMaxNumberValue.
#include "text/numbers.h"

#include <string_view>

#include "common/limits.h"
#include "text/lexicon.h"

namespace rasd::embedded {
extern const std::string_view text_numbers;
}  // namespace rasd::embedded

namespace rasd::text {
namespace {

enum class WordKind : std::uint8_t {
  kUnit,
  kTeenUnit,
  kTen,
  kTens,
  kHundred,
  kScale,
  kScaleDual,
  kScalePlural,
  kVague,
  kSeveral,
  kAtLeast,
  kAbout,
  kAtMost,
  kAtLeastAfter,
  kAboutAfter,
  kOrdinal,
  kUnknown,
};

WordKind KindFromName(std::string_view name) {
  struct Named {
    std::string_view name;
    WordKind kind;
  };
  static constexpr Named kNames[] = {
      {"unit", WordKind::kUnit},
      {"teen_unit", WordKind::kTeenUnit},
      {"ten", WordKind::kTen},
      {"tens", WordKind::kTens},
      {"hundred", WordKind::kHundred},
      {"scale", WordKind::kScale},
      {"scale_dual", WordKind::kScaleDual},
      {"scale_plural", WordKind::kScalePlural},
      {"vague", WordKind::kVague},
      {"several", WordKind::kSeveral},
      {"at_least", WordKind::kAtLeast},
      {"about", WordKind::kAbout},
      {"at_most", WordKind::kAtMost},
      {"at_least_after", WordKind::kAtLeastAfter},
      {"about_after", WordKind::kAboutAfter},
      {"ordinal", WordKind::kOrdinal},
  };
  for (const Named& n : kNames) {
    if (n.name == name) return n.kind;
  }
  return WordKind::kUnknown;
}

// A set of kinds of number word, one bit each.
constexpr std::uint32_t MaskOf(WordKind kind) { return std::uint32_t{1} << static_cast<int>(kind); }
constexpr std::uint32_t MaskOf(std::initializer_list<WordKind> kinds) {
  std::uint32_t mask = 0;
  for (const WordKind k : kinds) mask |= MaskOf(k);
  return mask;
}

bool IsNumberWord(WordKind k) { return k <= WordKind::kSeveral; }
bool IsQualifierBefore(WordKind k) {
  return k == WordKind::kAtLeast || k == WordKind::kAbout || k == WordKind::kAtMost;
}
bool IsQualifierAfter(WordKind k) {
  return k == WordKind::kAtLeastAfter || k == WordKind::kAboutAfter;
}

class NumberLexicon {
 public:
  NumberLexicon() : table_(PhraseTable::FromTsv(embedded::text_numbers)) {
    kinds_.reserve(table_.entries().size());
    for (const PhraseEntry& e : table_.entries()) kinds_.push_back(KindFromName(e.kind));
  }
  static const NumberLexicon& Get() {
    static const NumberLexicon lexicon;
    return lexicon;
  }
  WordKind KindOf(const PhraseEntry& e) const {
    return kinds_[static_cast<std::size_t>(&e - table_.entries().data())];
  }
  // The set of kinds (MaskOf) of the entries that may start at `token`; 0
  // when none does.
  // `start_hits` is table().StartHits(token).
  std::uint32_t KindsAt(const NormalizedText& norm, const Token& token,
                        std::uint32_t start_hits) const {
    std::uint32_t mask = 0;
    table_.ForEachStartingAt(norm, token, start_hits,
                             [&](std::uint32_t entry) { mask |= MaskOf(kinds_[entry]); });
    return mask;
  }
  const PhraseTable& table() const { return table_; }

 private:
  PhraseTable table_;
  std::vector<WordKind> kinds_;
};

// One lexicon word or phrase found at a token.
struct Term {
  WordKind kind = WordKind::kUnknown;
  std::int64_t value = 0;
  std::string_view proclitic;
  std::uint32_t end = 0;
};

// ك ("like") is no proclitic of a number, and with ئ folded to ي it makes
// كميات (quantities) look like ك + مئات.
bool EndsWithKaf(std::string_view proclitic) {
  constexpr std::string_view kKaf = "\xD9\x83";  // U+0643
  return proclitic.size() >= kKaf.size() &&
         proclitic.substr(proclitic.size() - kKaf.size()) == kKaf;
}

template <typename Pred>
std::optional<Term> TermAt(const NormalizedText& norm, const std::vector<Token>& tokens,
                           std::uint32_t i, Pred pred) {
  const NumberLexicon& lex = NumberLexicon::Get();
  const auto match = lex.table().MatchAt(norm, tokens, i,
                                         [&](const PhraseEntry& e) { return pred(lex.KindOf(e)); });
  if (!match || EndsWithKaf(match->proclitic)) return std::nullopt;
  return Term{lex.KindOf(*match->entry), match->entry->value, match->proclitic, match->end_token};
}

std::int64_t CappedAdd(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r) || r > limits::kMaxNumberValue) {
    return limits::kMaxNumberValue;
  }
  return r;
}

std::int64_t CappedMul(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r) || r > limits::kMaxNumberValue) {
    return limits::kMaxNumberValue;
  }
  return r;
}

// A run of digits with separators: 1,200 and 1.200 are thousands (every
// group after the first has three digits); 3.5 and 1,8 are decimals; a run
// with several separators that are not thousands (25.2.2016) is no number.
struct Digits {
  std::int64_t integer = 0;
  std::int64_t fraction = 0;        // digits after the decimal separator, as an integer
  std::int64_t fraction_scale = 1;  // 10^(fraction digits), saturated
  bool decimal = false;
};

std::optional<Digits> ParseDigits(std::string_view s) {
  std::vector<std::string_view> groups;
  char separator = 0;
  std::size_t start = 0;
  for (std::size_t k = 0; k <= s.size(); ++k) {
    if (k < s.size() && s[k] >= '0' && s[k] <= '9') continue;
    if (k < s.size() && s[k] != '.' && s[k] != ',') return std::nullopt;
    if (k < s.size()) {
      if (separator != 0 && separator != s[k]) return std::nullopt;
      separator = s[k];
    }
    if (k == start) return std::nullopt;  // empty group: "1..2", ",5"
    groups.push_back(s.substr(start, k - start));
    start = k + 1;
  }
  bool thousands = groups.size() > 1 && groups[0].size() <= 3;
  for (std::size_t g = 1; g < groups.size(); ++g) thousands = thousands && groups[g].size() == 3;
  if (groups.size() > 2 && !thousands) return std::nullopt;
  Digits d;
  const bool decimal = groups.size() == 2 && !thousands;
  for (std::size_t g = 0; g < (decimal ? 1 : groups.size()); ++g) {
    for (const char c : groups[g]) d.integer = CappedAdd(CappedMul(d.integer, 10), c - '0');
  }
  if (decimal) {
    d.decimal = true;
    for (const char c : groups[1]) {
      if (d.fraction_scale >= limits::kMaxNumberValue / 10) break;  // finer digits do not count
      d.fraction = d.fraction * 10 + (c - '0');
      d.fraction_scale *= 10;
    }
  }
  return d;
}

struct Reading {
  std::uint32_t end = 0;
  std::int64_t value = 0;
  bool vague = false;
  bool decimal = false;
};

// A scale word glued to nothing but the number before it: ألف، آلاف، مليون.
std::optional<Term> ScaleAfter(const NormalizedText& norm, const std::vector<Token>& tokens,
                               std::uint32_t j) {
  if (j >= tokens.size() || !tokens[j].space_before) return std::nullopt;
  auto t = TermAt(norm, tokens, j,
                  [](WordKind k) { return k == WordKind::kScale || k == WordKind::kScalePlural; });
  if (!t || !t->proclitic.empty()) return std::nullopt;
  return t;
}

std::optional<Reading> ReadDigitsAt(const NormalizedText& norm, const std::vector<Token>& tokens,
                                    std::uint32_t i) {
  const auto digits = ParseDigits(TokenText(norm, tokens[i]));
  if (!digits) return std::nullopt;
  Reading r{i + 1, digits->integer, false, digits->decimal};
  if (const auto scale = ScaleAfter(norm, tokens, i + 1)) {
    // 1.7 مليون is a count: 1,700,000. Only a remainder keeps it a decimal.
    const std::int64_t whole = CappedMul(digits->integer, scale->value);
    const std::int64_t part = CappedMul(digits->fraction, scale->value);
    r.value = CappedAdd(whole, part / digits->fraction_scale);
    r.decimal = part % digits->fraction_scale != 0;
    r.end = scale->end;
  }
  return r;
}

// The spelled-number grammar. `last` is the class of the previous word; it
// decides which word may come next and whether it needs و.
class SpelledNumber {
 public:
  // Starts with the first word; false when that word cannot open a number.
  bool Start(const Term& t, const std::optional<Term>& next) {
    switch (t.kind) {
      case WordKind::kTeenUnit:
        return next && next->kind == WordKind::kTen && next->proclitic.empty() &&
               Teen(t.value, *next);
      case WordKind::kSeveral:
        if (!next || next->kind != WordKind::kScalePlural || !next->proclitic.empty()) {
          return false;
        }
        vague_ = true;
        group_ = 1;
        last_ = WordKind::kVague;
        end_ = t.end;
        return true;
      default:
        return AddToGroup(t);
    }
  }

  // Adds the next word; false when it does not continue this number.
  bool Continue(const Term& t, const std::optional<Term>& next) {
    const bool waw = IsWaw(t.proclitic);
    if (!waw && !t.proclitic.empty()) return false;
    if (!waw) return Glued(t);
    if (t.kind == WordKind::kTens) {  // خمسة وعشرون، مئة وخمسون، ألف وعشرون
      if (last_ != WordKind::kUnit && last_ != WordKind::kHundred && last_ != WordKind::kScale) {
        return false;
      }
      end_ = t.end;
      group_ = CappedAdd(group_, t.value);
      last_ = WordKind::kTens;
      return true;
    }
    if (last_ != WordKind::kHundred && last_ != WordKind::kScale) return false;
    if (t.kind == WordKind::kTeenUnit) {
      return next && next->kind == WordKind::kTen && next->proclitic.empty() &&
             Teen(t.value, *next);
    }
    if (t.kind == WordKind::kHundred && last_ != WordKind::kScale) return false;
    if (t.kind != WordKind::kUnit && t.kind != WordKind::kTen && t.kind != WordKind::kHundred) {
      return false;
    }
    return AddToGroup(t);
  }

  std::uint32_t end() const { return end_; }
  std::int64_t value() const { return CappedAdd(total_, group_); }
  bool vague() const { return vague_; }

 private:
  bool AddToGroup(const Term& t) {
    end_ = t.end;
    switch (t.kind) {
      case WordKind::kUnit:
      case WordKind::kTens:
      case WordKind::kHundred:
        group_ = CappedAdd(group_, t.value);
        last_ = t.kind;
        unit_ = t.kind == WordKind::kUnit ? t.value : 0;
        return true;
      case WordKind::kTen:
        group_ = CappedAdd(group_, t.value);
        last_ = WordKind::kTen;
        return true;
      case WordKind::kVague:
        vague_ = true;
        group_ = t.value;
        last_ = WordKind::kVague;
        return true;
      case WordKind::kScale:
      case WordKind::kScaleDual:
      case WordKind::kScalePlural:
        vague_ = vague_ || t.kind == WordKind::kScalePlural;  // آلاف alone
        total_ = CappedMul(t.value, t.kind == WordKind::kScaleDual ? 2 : 1);
        last_scale_ = t.value;
        last_ = WordKind::kScale;
        return true;
      default:
        return false;
    }
  }

  // ثلاثة عشر: a unit (or أحد، اثنا) directly followed by عشر.
  bool Teen(std::int64_t unit, const Term& ten) {
    group_ = CappedAdd(group_, unit + ten.value);
    last_ = WordKind::kTen;
    end_ = ten.end;
    return true;
  }

  // A word with no و: عشر after a unit, مئة after a unit, or a scale.
  bool Glued(const Term& t) {
    if (t.kind == WordKind::kTen && last_ == WordKind::kUnit) return Teen(0, t);
    if (t.kind == WordKind::kHundred && t.value == 100 && last_ == WordKind::kUnit &&
        group_ == unit_ && unit_ >= 3) {
      group_ = CappedMul(unit_, 100);  // ثلاث مئة
      last_ = WordKind::kHundred;
      end_ = t.end;
      return true;
    }
    if (t.kind != WordKind::kScale && t.kind != WordKind::kScalePlural) return false;
    if (group_ == 0 || last_ == WordKind::kScale || t.value >= last_scale_) return false;
    total_ = CappedAdd(total_, CappedMul(group_, t.value));
    group_ = 0;
    last_scale_ = t.value;
    last_ = WordKind::kScale;
    end_ = t.end;
    return true;
  }

  std::int64_t total_ = 0;
  std::int64_t group_ = 0;
  std::int64_t unit_ = 0;  // the unit that opened the group, for ثلاث مئة
  std::int64_t last_scale_ = limits::kMaxNumberValue;
  WordKind last_ = WordKind::kUnknown;
  std::uint32_t end_ = 0;
  bool vague_ = false;
};

std::optional<Term> NumberWordAt(const NormalizedText& norm, const std::vector<Token>& tokens,
                                 std::uint32_t j) {
  if (j >= tokens.size()) return std::nullopt;
  return TermAt(norm, tokens, j, IsNumberWord);
}

std::optional<Reading> ReadWordsAt(const NormalizedText& norm, const std::vector<Token>& tokens,
                                   std::uint32_t i) {
  const auto first = NumberWordAt(norm, tokens, i);
  if (!first) return std::nullopt;
  SpelledNumber number;
  if (!number.Start(*first, NumberWordAt(norm, tokens, first->end))) return std::nullopt;
  for (std::size_t words = 1; words < limits::kMaxNumberWords; ++words) {
    const std::uint32_t j = number.end();
    if (j >= tokens.size() || !tokens[j].space_before) break;
    const auto t = NumberWordAt(norm, tokens, j);
    if (!t || !number.Continue(*t, NumberWordAt(norm, tokens, t->end))) break;
  }
  return Reading{number.end(), number.value(), number.vague(), false};
}

std::optional<Reading> ReadAt(const NormalizedText& norm, const std::vector<Token>& tokens,
                              std::uint32_t i) {
  if (i >= tokens.size()) return std::nullopt;
  if (tokens[i].kind == TokenKind::kNumber) return ReadDigitsAt(norm, tokens, i);
  if (tokens[i].kind == TokenKind::kArabicWord) return ReadWordsAt(norm, tokens, i);
  return std::nullopt;
}

bool IsGluedPunct(const NormalizedText& norm, const std::vector<Token>& tokens, std::uint32_t k,
                  std::string_view chars) {
  return k < tokens.size() && tokens[k].kind == TokenKind::kPunct && !tokens[k].space_before &&
         TokenText(norm, tokens[k]).size() == 1 &&
         chars.find(TokenText(norm, tokens[k])[0]) != std::string_view::npos;
}

// The end of a numeric date or time starting at tokens[i] (25/2/2016,
// 2016-02-25, 10:30), or i when there is none: such digits are not counts.
std::uint32_t DateOrTimeEnd(const NormalizedText& norm, const std::vector<Token>& tokens,
                            std::uint32_t i) {
  std::uint32_t end = i + 1;
  std::size_t numbers = 1;
  bool slash_or_colon = false;
  while (IsGluedPunct(norm, tokens, end, "/-:") && end + 1 < tokens.size() &&
         tokens[end + 1].kind == TokenKind::kNumber && !tokens[end + 1].space_before) {
    slash_or_colon = slash_or_colon || TokenText(norm, tokens[end])[0] != '-';
    end += 2;
    ++numbers;
  }
  const bool date_or_time = (slash_or_colon && numbers >= 2) || numbers == 3;
  return date_or_time ? end : i;
}

NumberQualifier QualifierOf(WordKind k) {
  switch (k) {
    case WordKind::kAtLeast:
    case WordKind::kAtLeastAfter:
      return NumberQualifier::kAtLeast;
    case WordKind::kAbout:
    case WordKind::kAboutAfter:
      return NumberQualifier::kAbout;
    case WordKind::kAtMost:
      return NumberQualifier::kAtMost;
    default:
      return NumberQualifier::kExact;
  }
}

// The end of an ordinal teen (الخامسة عشرة) starting at tokens[i], or i.
std::uint32_t OrdinalTeenEnd(const NormalizedText& norm, const std::vector<Token>& tokens,
                             std::uint32_t i) {
  const auto ordinal = TermAt(norm, tokens, i, [](WordKind k) { return k == WordKind::kOrdinal; });
  if (!ordinal || ordinal->end >= tokens.size() || !tokens[ordinal->end].space_before) return i;
  const auto ten =
      TermAt(norm, tokens, ordinal->end, [](WordKind k) { return k == WordKind::kTen; });
  return ten && ten->proclitic.empty() ? ten->end : i;
}

// على الأقل or تقريبا right after the number or after its counted noun (30
// قتيلاً على الأقل، 12 برميلاً متفجرًا على الأقل). The mention does not grow
// over them, so that the counted noun still follows it.
NumberQualifier QualifierAfter(const NormalizedText& norm, const std::vector<Token>& tokens,
                               const NumberMention& m) {
  constexpr std::uint32_t kMaxNounWords = 2;
  for (std::uint32_t k = m.end_token; k < tokens.size() && k <= m.end_token + kMaxNounWords; ++k) {
    if (tokens[k].kind != TokenKind::kArabicWord || !tokens[k].space_before) break;
    if (const auto after = TermAt(norm, tokens, k, IsQualifierAfter)) {
      return QualifierOf(after->kind);
    }
  }
  return NumberQualifier::kExact;
}

}  // namespace

std::optional<NumberMention> ReadNumberAt(const NormalizedText& norm,
                                          const std::vector<Token>& tokens, std::uint32_t i) {
  if (i < tokens.size() && tokens[i].kind == TokenKind::kNumber &&
      DateOrTimeEnd(norm, tokens, i) != i) {
    return std::nullopt;
  }
  const auto r = ReadAt(norm, tokens, i);
  if (!r) return std::nullopt;
  NumberMention m;
  m.first_token = i;
  m.end_token = r->end;
  m.value = r->value;
  m.qualifier = r->vague ? NumberQualifier::kVague : NumberQualifier::kExact;
  m.decimal = r->decimal;
  return m;
}

namespace {

// ReadNumbers; start_hits gives the StartHits of every token or none, and
// start_tokens is null or the tokens, ascending, where a number may start.
void ReadNumbersWith(const NormalizedText& norm, const std::vector<Token>& tokens,
                     StartHitsView start_hits, const std::vector<std::uint32_t>* start_tokens,
                     std::vector<NumberMention>* out) {
  out->clear();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  std::uint32_t i = 0;
  const NumberLexicon& lex = NumberLexicon::Get();
  // The kinds of the words that open each reading below: a word whose
  // lexicon entries have none of them is not looked up for it (most
  // tokens that start some entry are على، ما، لا, which open no number).
  constexpr std::uint32_t kNumberWords =
      MaskOf({WordKind::kUnit, WordKind::kTeenUnit, WordKind::kTen, WordKind::kTens,
              WordKind::kHundred, WordKind::kScale, WordKind::kScaleDual, WordKind::kScalePlural,
              WordKind::kVague, WordKind::kSeveral});
  constexpr std::uint32_t kQualifiersBefore =
      MaskOf({WordKind::kAtLeast, WordKind::kAbout, WordKind::kAtMost});
  std::size_t next_start = 0;
  while (i < n) {
    if (start_tokens != nullptr) {  // every token passed over is one the test below skips
      while (next_start < start_tokens->size() && (*start_tokens)[next_start] < i) ++next_start;
      if (next_start == start_tokens->size()) break;
      i = (*start_tokens)[next_start];
    }
    const bool digits = tokens[i].kind == TokenKind::kNumber;
    // A word no number entry starts with opens no number: most tokens are
    // passed over here, before the lexicon is asked for their kinds.
    if (start_hits.given() && start_hits[i] == 0 && !digits) {
      ++i;
      continue;
    }
    const std::uint32_t hits =
        start_hits.given() ? start_hits[i] : lex.table().StartHits(tokens[i]);
    const std::uint32_t kinds = digits ? 0 : lex.KindsAt(norm, tokens[i], hits);
    if (!digits && (kinds & (kNumberWords | kQualifiersBefore | MaskOf(WordKind::kOrdinal))) == 0) {
      ++i;
      continue;
    }
    if (digits) {
      const std::uint32_t skip = DateOrTimeEnd(norm, tokens, i);
      if (skip != i) {
        i = skip;
        continue;
      }
    }
    if ((kinds & MaskOf(WordKind::kOrdinal)) != 0) {
      if (const auto teen = OrdinalTeenEnd(norm, tokens, i); teen != i) {
        i = teen;
        continue;
      }
    }
    std::optional<Term> qualifier;
    if ((kinds & kQualifiersBefore) != 0) qualifier = TermAt(norm, tokens, i, IsQualifierBefore);
    const std::uint32_t start = qualifier ? qualifier->end : i;
    if (start == i && !digits && (kinds & kNumberWords) == 0) {
      ++i;
      continue;
    }
    auto m = ReadNumberAt(norm, tokens, start);
    if (!m) {
      ++i;
      continue;
    }
    m->first_token = i;
    if (qualifier && m->qualifier == NumberQualifier::kExact) {
      m->qualifier = QualifierOf(qualifier->kind);
    }
    if (m->qualifier == NumberQualifier::kExact) m->qualifier = QualifierAfter(norm, tokens, *m);
    out->push_back(*m);
    i = m->end_token;
  }
}

}  // namespace

const PhraseTable& NumberPhrases() { return NumberLexicon::Get().table(); }

void ReadNumbers(const NormalizedText& norm, const std::vector<Token>& tokens,
                 std::vector<NumberMention>* out) {
  ReadNumbersWith(norm, tokens, StartHitsView(), nullptr, out);
}

void ReadNumbers(const NormalizedText& norm, const std::vector<Token>& tokens,
                 const std::vector<std::uint8_t>& start_hits, std::vector<NumberMention>* out) {
  // Hits for some other token vector are not used.
  const bool fits = start_hits.size() == tokens.size();
  ReadNumbersWith(norm, tokens, fits ? StartHitsView(start_hits.data()) : StartHitsView(), nullptr,
                  out);
}

void ReadNumbers(const NormalizedText& norm, const std::vector<Token>& tokens,
                 const std::vector<std::uint8_t>& start_hits,
                 const std::vector<std::uint32_t>& start_tokens, std::vector<NumberMention>* out) {
  const bool fits = start_hits.size() == tokens.size();
  ReadNumbersWith(norm, tokens, fits ? StartHitsView(start_hits.data()) : StartHitsView(),
                  fits ? &start_tokens : nullptr, out);
}

void ReadNumbersWithTokenHits(const NormalizedText& norm, const std::vector<Token>& tokens,
                              const std::vector<std::uint32_t>& start_tokens,
                              std::vector<NumberMention>* out) {
  ReadNumbersWith(norm, tokens, StartHitsView(tokens, kNumberHitsShift), &start_tokens, out);
}

}  // namespace rasd::text
