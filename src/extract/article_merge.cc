// The article merge (article_merge.h): what the events of one article, taken
// together, say about each of them. Reports of one event told again in the
// headline, the lead and the body become one record, completed by what each
// telling adds; sides one report leaves out come from the others.
#include "extract/article_merge.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/doc_index.h"
#include "extract/event_fields.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/roles.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;

// Tokens a section heading has at most.
constexpr std::uint32_t kHeadingTokens = 12;
// A telling dated only by the publication day fixes the week before it, not
// a day (ACLED's time precision 2).
constexpr std::int64_t kUndatedWeekDays = 7;
// Words before a trigger within which "in another incident" makes its event
// another (وفي حادثة أخرى، خطف).
constexpr std::uint32_t kAnotherReach = 6;
// Words between "had" and the trigger of what had happened (وكانت جبهة النصرة
// خطفت).
constexpr std::uint32_t kPluperfectReach = 4;
// A report without a place repeats one at most this far before it (about
// three sentences of Arabic news).
constexpr std::uint32_t kContinuationBytes = 600;

bool SameActors(const DocIndex& ix, const Event& a, const Event& b) {
  // A state's forces and its air force are one side told two ways (شنت قوات
  // النظام غارات … طيران النظام).
  const auto same = [&](const std::string& x, const std::string& y) {
    if (x == y) return true;
    if (x.empty() || y.empty()) return false;
    return ix.lexicon->AirArmOf(x) == y || ix.lexicon->AirArmOf(y) == x;
  };
  // A battle's sides are a pair; a one-sided attack has one initiator, and
  // the side it hit answering in kind (كما أطلق المسلحون صواريخ) is another event.
  if (a.event_type != "Battles" && !a.actor1.empty() && !b.actor1.empty() &&
      !same(a.actor1, b.actor1)) {
    return false;
  }
  const auto covers = [&](const Event& x, const Event& y) {
    return (y.actor1.empty() || same(y.actor1, x.actor1) || same(y.actor1, x.actor2)) &&
           (y.actor2.empty() || same(y.actor2, x.actor1) || same(y.actor2, x.actor2));
  };
  return covers(a, b) || covers(b, a);
}

// Two reports name one place when they give the same place or the later gives
// none (a governorate and a town in it are two places: ACLED codes both).
bool SamePlace(const Event& kept, const Event& later) {
  if (LocationKey(kept) == LocationKey(later)) return true;
  // A later report with no place continues only a report close before it.
  const std::uint32_t gap = later.evidence.begin.value > kept.evidence.end.value
                                ? later.evidence.begin.value - kept.evidence.end.value
                                : 0;
  return !later.location && gap < kContinuationBytes;
}

// True when a later report's toll should replace the kept one: any count
// beats none or "casualties" with no count, a precise figure beats a word's
// convention (عشرات), and of two figures alike the lowest wins (spec).
bool BetterFigure(const Event& later, const Event& kept) {
  if (!later.fatalities) return false;
  if (!kept.fatalities || *kept.fatalities == 0) return *later.fatalities > 0 || !kept.fatalities;
  if (*later.fatalities == 0) return false;
  if (kept.fatalities_vague != later.fatalities_vague) return kept.fatalities_vague;
  return *later.fatalities < *kept.fatalities;
}

// A battle has two sides by nature; a bombardment of a place often names no
// target (قصفت قوات النظام مناطق في داريا), and ACLED then codes none.
bool IsBattle(const Event& e) { return e.event_type == "Battles"; }

// Days between two ISO dates, or none when either is missing or malformed.
std::optional<std::int64_t> DaysApart(const std::string& a, const std::string& b) {
  const auto da = text::CivilDate::FromIso(a), db = text::CivilDate::FromIso(b);
  if (!da || !db) return std::nullopt;
  const std::int64_t d = da->ToDays() - db->ToDays();
  return d < 0 ? -d : d;
}

// True when `wide` places a report only at a governorate or region that holds
// `exact`'s town: the same strikes told again less precisely (غارات على مواقع
// في ريف حلب الشمالي الشرقي ... قرب بلدة الراعي).
bool HeldArea(const Event& wide, const Event& exact) {
  // A village the gazetteer lacks carries its area's point and precision but
  // no id of its own: it is not the area.
  return wide.location && exact.location && wide.location->geo_precision >= 3 &&
         !wide.location->place_id.empty() && exact.location->geo_precision < 3 &&
         !wide.location->admin1.empty() && wide.location->admin1 == exact.location->admin1;
}

// One report told at two precisions: the same type and both sides named alike,
// close by in the text and within a day, one at the area that holds the
// other's town.
bool SameReportWider(const Event& k, const Event& e) {
  if (k.actor1.empty() || k.actor2.empty() || k.actor1 != e.actor1 || k.actor2 != e.actor2) {
    return false;
  }
  // Battles at a town and across its region are often two: fronts move.
  if (IsBattle(k)) return false;
  // Told again close by, in another clause: far apart, the same sides may
  // meet twice; in one clause, the places are items of a list.
  if (e.evidence.begin.value < k.evidence.end.value ||
      e.evidence.begin.value - k.evidence.end.value >= kContinuationBytes) {
    return false;
  }
  const auto days = DaysApart(k.date, e.date);
  return days && *days <= kRetellingDays && (HeldArea(k, e) || HeldArea(e, k));
}

// True when "had" stands in the few words before the event's trigger, in its
// clause (وكانت جبهة النصرة خطفت): the writer tells what happened before.
bool TellsAnEarlierOne(const DocIndex& ix, const Event& e) {
  const std::uint32_t head = TokenAtByte(ix, e.trigger.begin.value);
  // Words, not the quotes around a name (وكانت «جبهة النصرة» خطفت).
  std::uint32_t words = 0;
  for (std::uint32_t t = head; t > 0 && words < kPluperfectReach; --t) {
    if (EndsAClause(ix, t - 1)) return false;
    if (ix.Cue(t - 1, CueClass::kPluperfect)) return true;
    words += ix.text->tokens[t - 1].kind == text::TokenKind::kPunct ? 0 : 1;
  }
  return false;
}

// True when the event's date is only the publication day's (FillDate's last
// resort): no words of the text gave it.
bool DatedByPublication(const Event& e) { return !e.date_span && e.time_precision == 2; }

// True when `later` tells again a one-off event `kept` told: a bombing or an
// abduction by the same side, within a day, at its place or at none
// (خطفت جبهة النصرة ثمانية عناصر … غداة إقدام الجبهة على خطف ثمانية عناصر).
bool OneOffRetold(const DocIndex& ix, const Event& kept, const Event& later) {
  if (!OneOff(later) || kept.actor1.empty() || kept.actor1 != later.actor1) return false;
  // وكانت جبهة النصرة خطفت ثمانية عناصر: an earlier one, beside the news's.
  if (TellsAnEarlierOne(ix, later)) return false;
  if (kept.location && later.location && LocationKey(kept) != LocationKey(later)) return false;
  const auto days = DaysApart(kept.date, later.date);
  // خطفت جبهة النصرة خمسة مقاتلين in the lead, with no day, and «خطفت … يوم
  // أمس الثلاثاء» in the body: the body's day is within the lead's week.
  // Unnamed gunmen are no one group: two of their abductions that week may
  // be two.
  const bool undated =
      (DatedByPublication(kept) || DatedByPublication(later)) && kept.actor1 != kUnidentifiedId;
  return days && *days <= (undated ? kUndatedWeekDays : kRetellingDays);
}

// True when one is an explosion nobody is named for and the other a
// suicide bombing at its place on its day with its toll (انفجارا في بلدة
// سروج أسفر عن مقتل 27 شخصا … هجوما انتحاريا نفذه تنظيم الدولة … 27
// قتيلا): the blast first told without its cause, then identified. Told
// after the bombing with no toll of its own, a blast there is it again.
bool SameBlastIdentified(const DocIndex& ix, const Event& a, const Event& b) {
  const auto is = [](const Event& e, SubEventType t) {
    return e.sub_event_type == SubEventTypeName(t);
  };
  const Event* blast = is(a, SubEventType::kRemoteExplosiveLandmineIed) ? &a : &b;
  const Event* bombing = blast == &a ? &b : &a;
  // A blast its words call remote (انفجرت بالتحكم عن بعد) is no suicide.
  const auto remote = [&](const Event& e) {
    return CueInRange(ix, CueClass::kRemote, TokenAtByte(ix, e.evidence.begin.value),
                      TokenAtByte(ix, e.evidence.end.value));
  };
  return is(*blast, SubEventType::kRemoteExplosiveLandmineIed) &&
         is(*bombing, SubEventType::kSuicideBomb) && blast->actor1.empty() && !remote(*blast) &&
         blast->status == bombing->status && blast->date == bombing->date && blast->location &&
         bombing->location && LocationKey(*blast) == LocationKey(*bombing) &&
         (blast->actor2.empty() || blast->actor2 == bombing->actor2) &&
         (blast->fatalities ? blast->fatalities == bombing->fatalities
                            : blast->evidence.begin.value > bombing->evidence.begin.value);
}

// True when the word after the event's trigger makes it another event of
// its kind (بعد يوم من قصف مماثل على هذه المدينة، ووقوع هجومين آخرين: cue
// class `another`): never the same event told again.
bool ToldAsAnother(const DocIndex& ix, const Event& e) {
  const std::uint32_t after = TokenAtByte(ix, e.trigger.end.value);
  if (after < ix.text->tokens.size() &&
      (ix.Cue(after, CueClass::kAnother) || ix.Cue(after, CueClass::kOrdinal))) {
    return true;
  }
  // وفي حادثة أخرى، خطف مسلحون: "in another incident" opens the clause.
  const std::uint32_t head = TokenAtByte(ix, e.trigger.begin.value);
  return CueInRange(ix, CueClass::kElsewhere, head > kAnotherReach ? head - kAnotherReach : 0,
                    head);
}

// Gives `record` the evidence of another telling of its event: the clause,
// the trigger and the spans of the sides both name.
void TakeTheWordsOf(const Event& telling, Event* record) {
  record->evidence = telling.evidence;
  record->trigger = telling.trigger;
  if (record->actor1 == telling.actor1 && telling.actor1_span) {
    record->actor1_span = telling.actor1_span;
  }
  if (record->actor2 == telling.actor2 && telling.actor2_span) {
    record->actor2_span = telling.actor2_span;
  }
}

// True when the event is told in a short line that ends without a mark, as
// a section heading does (تمرّد على الجولاني..وانشقاقات في صفوف النصرة). The
// walk over the line's sentences stops once it is too long for a heading.
bool InAHeading(const DocIndex& ix, const Event& e) {
  const std::vector<text::Sentence>& sentences = ix.text->sentences;
  const std::size_t s = SentenceAt(ix, e.evidence.begin.value);
  std::size_t first = s;
  std::size_t last = s;
  const auto tokens = [&] { return sentences[last].end_token - sentences[first].first_token; };
  while (first > 0 && !sentences[first].line_start && tokens() <= kHeadingTokens) --first;
  while (last + 1 < sentences.size() && !sentences[last + 1].line_start &&
         tokens() <= kHeadingTokens) {
    ++last;
  }
  if (tokens() > kHeadingTokens) return false;
  return ix.text->tokens[sentences[last].end_token - 1].kind != text::TokenKind::kPunct;
}

// True when the event is an agreement a meeting ended in (MeetingEndedIn,
// within the event's sentence).
bool ReachedAtAMeeting(const DocIndex& ix, const Event& e) {
  if (e.sub_event_type != SubEventTypeName(SubEventType::kAgreement)) return false;
  const std::size_t s = SentenceAt(ix, e.evidence.begin.value);
  return MeetingEndedIn(ix, TokenAtByte(ix, e.trigger.begin.value),
                        ix.text->sentences[s].first_token);
}

}  // namespace

void HitInTheFighting(const DocIndex& ix, std::uint32_t s, std::uint32_t sentence_first,
                      std::uint32_t head, const std::vector<Event>& events, std::size_t before,
                      Event* e) {
  if (!IsBombardment(*e) || e->actor1.empty() || !e->actor2.empty()) return;
  std::optional<std::uint32_t> cue = FirstCueIn(ix, CueClass::kDuring, sentence_first, head);
  // "Taking part in it" speaks of the event told last before it in its
  // sentence, which must be a battle (معارك عنيفة في محيط البلدة بين …،
  // يشارك فيها سلاح الجو), not talks (المحادثات التي شاركت فيها وفود الدول).
  const bool taking_part = !cue;
  if (taking_part) cue = FirstCueIn(ix, CueClass::kTakingPart, sentence_first, head);
  if (!cue || CueInRange(ix, CueClass::kContrast, *cue, head)) return;
  const Lexicon& lexicon = *ix.lexicon;
  const auto same_side = [&](const std::string& bomber, const std::string& side) {
    if (bomber == side || lexicon.AirArmOf(side) == bomber || lexicon.AirArmOf(bomber) == side) {
      return true;
    }
    const Camp* c = lexicon.CampOf(bomber);
    return c != nullptr && c->cohesive && SameCamp(ix, bomber, side);
  };
  for (std::size_t i = before; i-- > 0;) {
    const Event& battle = events[i];
    if (SentenceAt(ix, battle.evidence.begin.value) + 1 < s) return;
    const bool two_sided = IsBattle(battle) && !battle.actor1.empty() && !battle.actor2.empty();
    if (taking_part) {
      const std::uint32_t word = TokenAtByte(ix, battle.trigger.begin.value);
      if (word >= *cue) continue;  // told after it: the attack taking part itself
      if (word < sentence_first || !two_sided) return;
      // Talks, or another clause, between the battle and "taking part": it
      // is in them (، فيما تستمر المحادثات التي تشارك فيها الوفود).
      if (CueInRange(ix, CueClass::kContrast, word, *cue) ||
          CueInRange(ix, CueClass::kMeeting, word, *cue)) {
        return;
      }
    } else if (!two_sided) {
      continue;
    }
    const bool first = same_side(e->actor1, battle.actor1);
    if (first == same_side(e->actor1, battle.actor2)) continue;  // neither, or both
    const std::string& enemy = first ? battle.actor2 : battle.actor1;
    if (enemy == e->actor1) return;
    e->actor2 = enemy;
    e->inter2 = first ? battle.inter2 : battle.inter1;
    return;
  }
}

std::string LocationKey(const Event& e) {
  if (!e.location) return "";
  return e.location->place_id.empty() ? e.location->name : e.location->place_id;
}

void Complete(const Event& later, Event* kept) {
  if (kept->actor1.empty() && !later.actor1.empty() && later.actor1 != kept->actor2) {
    kept->actor1 = later.actor1;
    kept->inter1 = later.inter1;
  }
  if (kept->actor2.empty() && !later.actor2.empty() && later.actor2 != kept->actor1) {
    kept->actor2 = later.actor2;
    kept->inter2 = later.inter2;
  }
  if (BetterFigure(later, *kept)) {
    kept->fatalities = later.fatalities;
    kept->fatalities_text = later.fatalities_text;
    kept->fatalities_span = later.fatalities_span;
    kept->fatalities_vague = later.fatalities_vague;
  }
  for (const Claim& c : later.claims) {
    const bool known = std::any_of(kept->claims.begin(), kept->claims.end(),
                                   [&](const Claim& k) { return k.source == c.source; });
    if (!known) kept->claims.push_back(c);
  }
}

void AbsorbClashesOfTakings(const DocIndex& ix, std::vector<Event>* events) {
  // The takings by sentence, so that each clash looks only at its own.
  std::vector<std::pair<std::size_t, std::size_t>> takings;
  for (std::size_t t = 0; t < events->size(); ++t) {
    if (IsTaking((*events)[t])) {
      takings.emplace_back(SentenceAt(ix, (*events)[t].evidence.begin.value), t);
    }
  }
  std::sort(takings.begin(), takings.end());
  std::vector<bool> absorbed(events->size(), false);
  for (std::size_t c = 0; c < events->size(); ++c) {
    const Event& clash = (*events)[c];
    if (clash.sub_event_type != SubEventTypeName(SubEventType::kArmedClash)) continue;
    const std::size_t sentence = SentenceAt(ix, clash.evidence.begin.value);
    auto it =
        std::lower_bound(takings.begin(), takings.end(), std::make_pair(sentence, std::size_t{0}));
    for (; it != takings.end() && it->first == sentence; ++it) {
      Event& taking = (*events)[it->second];
      if (taking.status != clash.status || !SameActors(ix, taking, clash)) continue;
      if (clash.location && taking.location && LocationKey(clash) != LocationKey(taking)) {
        continue;
      }
      Complete(clash, &taking);
      absorbed[c] = true;
      break;
    }
  }
  std::size_t k = 0;
  std::erase_if(*events, [&](const Event&) { return absorbed[k++]; });
}

void MergeRepeats(const DocIndex& ix, std::vector<Event>* events) {
  std::vector<Event> kept;
  kept.reserve(events->size());  // an Event is large: moving them as kept grows costs
  for (Event& e : *events) {
    bool wider = false;
    const bool reached_at_a_meeting = ReachedAtAMeeting(ix, e);
    auto same = std::find_if(kept.begin(), kept.end(), [&](const Event& k) {
      if (SameBlastIdentified(ix, k, e)) return true;
      if (k.sub_event_type != e.sub_event_type || k.status != e.status) return false;
      // What a meeting ended in is a deal of its own, not a retelling of
      // another between the same parties (a release of prisoners told before).
      if (ReachedAtAMeeting(ix, k) != reached_at_a_meeting) return false;
      // A suicide bombing happens once at its place and day, whoever each
      // telling names (فجر انتحاري نفسه … وقال المرصد «فجر انتحاري نفسه …»).
      const bool bombing = e.sub_event_type == SubEventTypeName(SubEventType::kSuicideBomb);
      if (k.date == e.date && SamePlace(k, e) && k.location && (bombing || SameActors(ix, k, e))) {
        return true;
      }
      if (k.date == e.date && SamePlace(k, e) && SameActors(ix, k, e)) return true;
      if (OneOffRetold(ix, k, e)) return true;
      wider = SameReportWider(k, e);
      return wider;
    });
    if (same == kept.end() || ToldAsAnother(ix, e)) {
      kept.push_back(std::move(e));
      continue;
    }
    // The first mention stays the record; the town is the more exact place.
    if (wider && HeldArea(*same, e)) same->location = e.location;
    // The blast is the suicide bombing it was found to be.
    if (SameBlastIdentified(ix, *same, e) && e.sub_event_type != same->sub_event_type) {
      Retype(SubEventType::kSuicideBomb, &*same);
    }
    // A one-off dated only by publication takes the day a retelling gives
    // (خطفت … يوم أمس الثلاثاء).
    if (OneOff(e) && DatedByPublication(*same) && !DatedByPublication(e) && e.time_precision > 0) {
      same->date = e.date;
      same->time_precision = e.time_precision;
      same->date_span = e.date_span;
    }
    // A telling with no place is completed by the one that gives it.
    if (!same->location && e.location && OneOff(e)) {
      same->location = e.location;
      if (e.time_precision > 0 &&
          (same->time_precision == 0 || e.time_precision < same->time_precision)) {
        same->date = e.date;
        same->time_precision = e.time_precision;
        same->date_span = e.date_span;
      }
    }
    // The army told once and its aircraft once: the air force struck.
    if (!e.actor1.empty() && ix.lexicon->AirArmOf(same->actor1) == e.actor1) {
      same->actor1 = e.actor1;
      same->actor1_span = e.actor1_span;
    }
    Complete(e, &*same);
    // A section heading (تمرّد على الجولاني..وانشقاقات في صفوف النصرة) names
    // what the body below it tells: the body's words are the evidence.
    if (InAHeading(ix, *same) && !InAHeading(ix, e)) TakeTheWordsOf(e, &*same);
  }
  *events = std::move(kept);
}

void FillSuicideBombings(std::vector<Event>* events) {
  const auto suicide = [](const Event& e) {
    return e.sub_event_type == SubEventTypeName(SubEventType::kSuicideBomb);
  };
  for (Event& e : *events) {
    if (!suicide(e) || !e.actor1.empty()) continue;
    for (const Event& other : *events) {
      // Bombers are armed groups (ACLED inter 2 to 4), not a state or its police.
      const bool armed_group = other.inter1 >= 2 && other.inter1 <= 4;
      if (&other == &e || other.sub_event_type != e.sub_event_type || !armed_group ||
          other.actor1 == e.actor2) {
        continue;
      }
      e.actor1 = other.actor1;
      e.inter1 = other.inter1;
      break;
    }
  }
  for (Event& e : *events) {
    if (!suicide(e) || !e.actor2.empty() || e.actor1.empty() || e.actor1 == kCiviliansId) {
      continue;
    }
    e.actor2 = kCiviliansId;
    e.inter2 = kCiviliansInter;
  }
}

void FillOpponents(const DocIndex& ix, std::vector<Event>* events) {
  const auto one_sided = [](const Event& e) {
    return IsBattle(e) && e.actor1.empty() != e.actor2.empty();
  };
  // Most articles have no such battle: the counts are not made for them.
  if (std::none_of(events->begin(), events->end(), one_sided)) return;
  std::unordered_map<std::string, int> counts;
  std::unordered_map<std::string, int> inter;
  for (const Mention& m : ix.linked->mentions) {
    if (m.kind != MentionKind::kActor || m.id.empty()) continue;
    ++counts[m.id];
    inter[m.id] = m.inter;
  }
  for (Event& e : *events) {
    if (!one_sided(e)) continue;
    const std::string& known = e.actor1.empty() ? e.actor2 : e.actor1;
    const Camp* camp = ix.lexicon->CampOf(known);
    if (camp == nullptr) continue;
    std::string best;
    int best_count = 1;
    const auto ally = [&](const std::string& id) {
      return std::find(e.assoc_actor_1.begin(), e.assoc_actor_1.end(), id) !=
                 e.assoc_actor_1.end() ||
             std::find(e.assoc_actor_2.begin(), e.assoc_actor_2.end(), id) != e.assoc_actor_2.end();
    };
    for (const auto& [id, n] : counts) {
      const Camp* other = ix.lexicon->CampOf(id);
      // One fighting alongside it (“جبهة النصرة” والفصائل المقاومة) is no opponent.
      if (other == nullptr || other->name == camp->name || ally(id)) continue;
      if (n > best_count || (n == best_count && !best.empty() && id < best)) {
        best = id;
        best_count = n;
      }
    }
    if (best.empty()) continue;
    if (e.actor1.empty()) {
      e.actor1 = best;
      e.inter1 = inter[best];
    } else {
      e.actor2 = best;
      e.inter2 = inter[best];
    }
  }
}

void HitInFightingTheArticleCompleted(const DocIndex& ix, std::vector<Event>* events) {
  for (std::size_t i = 0; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (!IsBombardment(e) || e.actor1.empty() || !e.actor2.empty()) continue;
    const std::size_t s = SentenceAt(ix, e.evidence.begin.value);
    HitInTheFighting(ix, static_cast<std::uint32_t>(s), ix.text->sentences[s].first_token,
                     TokenAtByte(ix, e.trigger.begin.value), *events, i, &e);
  }
}

}  // namespace rasd::extract
