// Fatality counting (fatalities.h). The words are cue classes of
// data/extract/cues.tsv (death, wounded, unharmed, joiner) and the count
// nouns; docs/extraction.md (step 7) explains the rules.
#include "extract/fatalities.h"

#include <algorithm>

namespace rasd::extract {
namespace {

// How far (in tokens) a number stands from its death word (مقتل أكثر من 40).
constexpr std::uint32_t kFatalityReach = 4;
// How far a count of people (32 شخصا) may stand from its death word when
// the clause puts the killer between them (قتل انتحاري ... 32 شخصا).
constexpr std::uint32_t kFarCountReach = 10;
// The words of a person's name after a death word (محسن الفضلي، أبو محمد
// العدناني).
constexpr std::uint32_t kNameWords = 3;
// Words between two counts of one toll (25 جهاديا من تنظيم النصرة وسبعة; مصرع
// 17 شخصا في صفوف المسلحين المحليين الموالين مقابل 19 قتيلا).
constexpr std::uint32_t kJoinedCountReach = 10;

// A count of people: where it stands in the tokens, and whether a word
// (عشرات) gave only its conventional figure.
struct Count {
  std::int64_t value = 0;
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  bool vague = false;
};

bool WoundedBetween(const DocIndex& ix, std::uint32_t a, std::uint32_t b) {
  return CueInRange(ix, CueClass::kWounded, std::min(a, b), std::max(a, b));
}

// A count at token t: a number (not a decimal), or a singular or dual person
// noun (ضابط = 1, جنديين = 2).
std::optional<Count> CountAt(const DocIndex& ix, std::uint32_t t) {
  if (ix.number_at[t] != kNone) {
    const auto& num = ix.text->numbers[ix.number_at[t]];
    if (num.decimal) return std::nullopt;
    return Count{num.value, num.first_token, num.end_token,
                 num.qualifier == text::NumberQualifier::kVague};
  }
  if (ix.count_at[t] != 0) return Count{ix.count_at[t], t, t + 1, false};
  return std::nullopt;
}

// True when the words after a count name people (32 شخصا، 13 عنصرا، 6 مقاتلين).
bool NamesPeople(const DocIndex& ix, std::uint32_t t, std::uint32_t end) {
  return t < end &&
         (ix.Cue(t, CueClass::kCivilian) || ix.Cue(t, CueClass::kMembers) || ix.count_at[t] != 0);
}

// Counts of further groups joined to a toll by و or by "as well as" (مقتل 25
// جهاديا وسبعة من المقاتلين = 32، امرأة وثلاثة أطفال = 4، 17 مقاتلا بالإضافة إلى
// ستة مدنيين = 23): ACLED records the event's total. A count followed by a
// wounded word (ومئة جريح) is not a death count and ends the toll, and so does
// "among them" (6 مقاتلين بينهم عقيد منشق واثنان من القادة = 6): what follows
// it is part of the toll, not more.
std::int64_t CountsJoinedAfter(const DocIndex& ix, std::uint32_t from, std::uint32_t end,
                               std::uint32_t* toll_end) {
  std::int64_t sum = 0;
  std::uint32_t t = from;
  while (true) {
    std::uint32_t next = t;
    std::uint32_t words = 0;  // punctuation (a quote, an ellipsis) does not count
    bool joiner = false;
    while (next < end && words < kJoinedCountReach && ix.number_at[next] == kNone &&
           !(ix.count_at[next] != 0 && StartsWithConjunction(ix, next))) {
      if (ix.Cue(next, CueClass::kWounded) || ix.Cue(next, CueClass::kDeath) ||
          ix.Cue(next, CueClass::kAmong)) {
        return sum;
      }
      joiner = joiner || ix.Cue(next, CueClass::kJoiner);
      words += ix.text->tokens[next].kind == text::TokenKind::kPunct ? 0 : 1;
      ++next;
    }
    if (next >= end || words >= kJoinedCountReach) return sum;
    const auto count = CountAt(ix, next);
    if (!count) return sum;
    if (!joiner && !StartsWithConjunction(ix, next) && !StartsWithConjunction(ix, t)) return sum;
    if (count->end < end && ix.Cue(count->end, CueClass::kWounded)) return sum;
    if (WoundedBetween(ix, t, next)) return sum;
    sum += count->value;
    *toll_end = count->end;
    t = count->end;
  }
}

// A number after a death word, not one that counts the wounded. Near the word
// any number counts (مقتل أكثر من 40); further on only a number of people
// (قتل انتحاري يشتبه في أنه ينتمي لتنظيم داعش 32 شخصا), with no other death or
// wounded word between.
std::optional<Count> NumberAfter(const DocIndex& ix, std::uint32_t d, std::uint32_t end) {
  for (std::uint32_t t = d + 1; t < end && t <= d + kFarCountReach; ++t) {
    if (t > d + 1 && ix.Cue(t, CueClass::kDeath)) return std::nullopt;
    if (ix.number_at[t] == kNone) continue;
    if (WoundedBetween(ix, d + 1, t)) return std::nullopt;
    const auto count = CountAt(ix, t);
    if (!count) return std::nullopt;
    if (count->end < end && ix.Cue(count->end, CueClass::kWounded)) {
      t = count->end;
      continue;
    }
    if (t <= d + kFatalityReach || NamesPeople(ix, count->end, end)) return count;
    t = count->end - 1;
  }
  return std::nullopt;
}

// A count of people before a death verb (13 عنصرا من تنظيم داعش قتلوا،
// عنصرين من وحدات الحماية قضوا): the subject stands first.
std::optional<Count> CountBefore(const DocIndex& ix, std::uint32_t d, std::uint32_t begin) {
  for (std::uint32_t k = 1; k <= kFarCountReach && d >= begin + k; ++k) {
    const std::uint32_t t = d - k;
    if (ix.Cue(t, CueClass::kDeath) || ix.Cue(t, CueClass::kWounded)) return std::nullopt;
    // A singular noun before a death word is rarely its count (مقاتلي الفصائل،
    // وأنباء عن خسائر); a dual is (عنصرين من وحدات الحماية قضوا).
    if (ix.count_at[t] == 2 && (t == begin || ix.number_at[t - 1] == kNone)) {
      return CountAt(ix, t);
    }
    if (ix.number_at[t] == kNone) continue;
    const auto count = CountAt(ix, ix.text->numbers[ix.number_at[t]].first_token);
    if (count && NamesPeople(ix, count->end, d)) return count;
    return std::nullopt;
  }
  return std::nullopt;
}

// One person named after a death word and described after a comma (مقتل
// محسن الفضلي، زعيم جماعة خراسان): a name of up to three plain words, then a
// singular person noun. A named man killed is a toll of 1, not "deaths
// without a count".
std::optional<Count> NamedPerson(const DocIndex& ix, std::uint32_t d, std::uint32_t end) {
  for (std::uint32_t t = d + 1; t < end && t <= d + kNameWords + 1; ++t) {
    if (IsPunct(ix, t, ",")) {
      const bool named = t > d + 1 && t + 1 < end && ix.count_at[t + 1] == 1;
      return named ? std::optional<Count>(Count{1, d + 1, t, false}) : std::nullopt;
    }
    const bool plain = ix.text->tokens[t].kind == text::TokenKind::kArabicWord &&
                       ix.cue_at[t] == kNoCue && ix.number_at[t] == kNone &&
                       ix.mention_at[t] == kNone && ix.count_at[t] == 0;
    if (!plain) return std::nullopt;
  }
  return std::nullopt;
}

// The count a death word states: the number right before it (32 قتيلا), a
// person noun right after it (مقتل ضابط، مقتل امرأة وثلاثة أطفال), a number
// after it, or a count of people before a verb.
std::optional<Count> CountOfDeathWord(const DocIndex& ix, std::uint32_t d, std::uint32_t begin,
                                      std::uint32_t end) {
  if (d > begin && ix.number_at[d - 1] != kNone) {
    const auto count = CountAt(ix, ix.text->numbers[ix.number_at[d - 1]].first_token);
    if (count) return count;
  }
  if (d + 1 < end && ix.count_at[d + 1] != 0 && ix.number_at[d + 1] == kNone) {
    return CountAt(ix, d + 1);
  }
  if (auto after = NumberAfter(ix, d, end)) return after;
  // مقتل أحد جنوده، قتل عقيد في الجيش: a person noun a word further.
  if (d + 2 < end && ix.count_at[d + 2] != 0) return CountAt(ix, d + 2);
  if (auto named = NamedPerson(ix, d, end)) return named;
  return CountBefore(ix, d, begin);
}

// "With no news of" before a death or wounded word (دون أنباء عن إصابات، دون
// ورود معلومات عن قتلى أو جرحى): the report says no one died, a figure of 0
// unless a count is found. Returns the last token of the phrase.
std::uint32_t SkipUnharmed(const DocIndex& ix, std::uint32_t d, std::uint32_t end,
                           FatalityFigure* fig) {
  std::uint32_t t = d;
  while (t + 1 < end && ix.Cue(t + 1, CueClass::kUnharmed)) ++t;
  const std::uint32_t word = t + 1;
  const bool harm_word =
      word < end && (ix.Cue(word, CueClass::kDeath) || ix.Cue(word, CueClass::kWounded));
  if (!harm_word) return t;
  if (!fig->value) {
    fig->value = 0;
    fig->span = ix.Original(d, word + 1);
  }
  return word;
}

}  // namespace

FatalityFigure Fatalities(const DocIndex& ix, std::uint32_t begin, std::uint32_t end) {
  FatalityFigure fig;
  for (std::uint32_t d = begin; d < end; ++d) {
    if (ix.Cue(d, CueClass::kUnharmed)) {
      d = SkipUnharmed(ix, d, end, &fig);
      continue;
    }
    if (!ix.Cue(d, CueClass::kDeath)) continue;
    const auto count = CountOfDeathWord(ix, d, begin, end);
    if (count) {
      std::uint32_t toll_end = count->end;
      const std::int64_t toll = count->value + CountsJoinedAfter(ix, count->end, end, &toll_end);
      if (!fig.value || *fig.value == 0) {
        fig.value = toll;
        fig.span = ix.Original(std::min(d, count->first), std::max(d + 1, toll_end));
        fig.vague = count->vague;
      }
    } else if (!fig.value) {
      // The whole phrase (خسائر في الأرواح، في الأرواح), not its first word.
      std::uint32_t phrase_end = d + 1;
      while (phrase_end < end && ix.Cue(phrase_end, CueClass::kDeath)) ++phrase_end;
      fig.value = 0;
      fig.span = ix.Original(d, phrase_end);
    }
  }
  return fig;
}

FatalityFigure GappedToll(const DocIndex& ix, std::uint32_t begin, std::uint32_t end) {
  FatalityFigure fig;
  // The count opens the clause: after its last comma, on the word with و.
  std::uint32_t t = begin;
  for (std::uint32_t k = begin; k < end; ++k) {
    if (ix.text->tokens[k].kind == text::TokenKind::kPunct) t = k + 1;
  }
  if (t >= end || !StartsWithConjunction(ix, t)) return fig;
  const auto count = CountAt(ix, t);
  if (!count || (ix.number_at[t] != kNone && !NamesPeople(ix, count->end, end))) return fig;
  if (count->end < end && ix.Cue(count->end, CueClass::kWounded)) return fig;
  std::uint32_t toll_end = count->end;
  fig.value = count->value + CountsJoinedAfter(ix, count->end, end, &toll_end);
  fig.span = ix.Original(count->first, toll_end);
  fig.vague = count->vague;
  return fig;
}

}  // namespace rasd::extract
