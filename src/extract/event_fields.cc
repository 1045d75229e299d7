// Per-event fields (event_fields.h): the sub-event type a frame's triggers and
// cues resolve to, the date nearest its trigger, its status (denied, planned,
// background) and its claims. The rules are general facts of Arabic news
// writing and of ACLED coding; the words they rest on are in data/extract/.
#include "extract/event_fields.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "extract/doc_index.h"
#include "extract/frames.h"
#include "extract/lexicon.h"
#include "extract/roles.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;

// How far from a trigger its weapon is named (قصفت قوات النظام بالطيران الحربي).
constexpr std::uint32_t kWeaponReach = 12;
// How many words before a date its "since" may stand (منذ 25 من شهر يونيو:
// the date reader may take only شهر يونيو).
constexpr std::uint32_t kSinceReach = 3;
// The sentences of an article's lead, and how long before publication the day
// it gives may lie for the body's reports to share it.
constexpr std::uint32_t kLeadSentences = 2;
constexpr std::int64_t kLeadDays = 3;

int Specificity(SubEventType t) {
  switch (t) {
    case SubEventType::kSuicideBomb:
      return 5;
    case SubEventType::kChemicalWeapon:
      return 4;
    case SubEventType::kAirDroneStrike:
      return 3;
    case SubEventType::kGovernmentRegainsTerritory:
    case SubEventType::kNonStateActorOvertakesTerritory:
    case SubEventType::kRemoteExplosiveLandmineIed:
    case SubEventType::kAbductionForcedDisappearance:
    case SubEventType::kProtestWithIntervention:
      return 2;
    case SubEventType::kShellingArtilleryMissileAttack:
      return 1;
    default:
      return 0;
  }
}

bool IsState(const Mention& m) { return m.inter == 1; }

SubEventType ResolveHit(const DocIndex& ix, const Frame& frame, const TriggerHit& hit,
                        const Roles& roles) {
  // The weapon is named next to the trigger (قصف الطيران الحربي، قصف مدفعي،
  // بالبراميل): cues further away in a long clause describe other attacks.
  std::uint32_t b =
      std::max(frame.window_begin, hit.first > kWeaponReach ? hit.first - kWeaponReach : 0);
  // Nor before the comma that opens the trigger's clause (قصف الطيران الحربي على
  // مناطق الاشتباك، فيما قصفت قوات النظام الحولة: no aircraft in the second).
  for (std::uint32_t t = hit.first; t > b; --t) {
    if (IsPunct(ix, t - 1, ",")) {
      b = t;
      break;
    }
  }
  const std::uint32_t e = std::min(frame.window_end, hit.end + kWeaponReach);
  switch (hit.row->cls) {
    case TriggerClass::kFixed:
      // Violence on civilians by aircraft is an air strike (ACLED codes the
      // remote weapon: مجزرة نفذتها طائرات النظام المروحية).
      if (hit.row->fixed == SubEventType::kAttack && AirCueIn(ix, b, e)) {
        return SubEventType::kAirDroneStrike;
      }
      return hit.row->fixed;
    case TriggerClass::kExplosion:
      if (AirCueIn(ix, b, e)) return SubEventType::kAirDroneStrike;
      return SubEventType::kShellingArtilleryMissileAttack;
    case TriggerClass::kBlast:
      if (CueInRange(ix, CueClass::kSuicide, b, e)) return SubEventType::kSuicideBomb;
      return SubEventType::kRemoteExplosiveLandmineIed;
    case TriggerClass::kTerritory:
      if (roles.actor1 != kNone && IsState(ix.mention(roles.actor1))) {
        return SubEventType::kGovernmentRegainsTerritory;
      }
      return SubEventType::kNonStateActorOvertakesTerritory;
    case TriggerClass::kKilling:
      if (CueInRange(ix, CueClass::kCivilian, b, e)) return SubEventType::kAttack;
      return SubEventType::kArmedClash;
  }
  return hit.row->fixed;
}

// The day the article's lead gives its news (أمس in its first sentences),
// which the body's reports share when they name no day of their own; none
// when the lead names no day within a week of publication.
const text::DateMention* LeadDate(const DocIndex& ix, std::uint32_t sentence_index) {
  const auto& sentences = ix.text->sentences;
  if (!ix.pub_date || sentences.empty() || sentence_index < kLeadSentences) return nullptr;
  const std::uint32_t lead_end = sentences[kLeadSentences - 1].end_token;
  for (const text::DateMention& d : ix.text->dates) {
    if (d.first_token >= lead_end) break;
    if (d.precision != text::DatePrecision::kDay) continue;
    const std::int64_t before = ix.pub_date->ToDays() - d.date.ToDays();
    if (before >= 0 && before <= kLeadDays) return &d;
  }
  return nullptr;
}

}  // namespace

SubEventType ResolveFrame(const DocIndex& ix, const Frame& frame, const Roles& roles) {
  SubEventType best = ResolveHit(ix, frame, frame.head(), roles);
  for (const TriggerHit& h : frame.hits) {
    const SubEventType t = ResolveHit(ix, frame, h, roles);
    if (Specificity(t) > Specificity(best)) best = t;
  }
  if (best == SubEventType::kPeacefulProtest &&
      CueInRange(ix, CueClass::kIntervention, frame.window_begin, frame.window_end)) {
    best = SubEventType::kProtestWithIntervention;
  }
  return best;
}

bool OtherDayIn(const DocIndex& ix, std::uint32_t from, std::uint32_t to, const std::string& iso) {
  const auto told = text::CivilDate::FromIso(iso);
  if (!told) return false;
  const auto dates = DatesIn(ix, from, to);
  // A day apart is the same event told again (أمس … مساء الخميس).
  return std::any_of(dates.begin(), dates.end(), [&](const text::DateMention& d) {
    const std::int64_t apart = d.date.ToDays() - told->ToDays();
    return d.precision == text::DatePrecision::kDay &&
           (apart > kRetellingDays || -apart > kRetellingDays);
  });
}

void FillDate(const DocIndex& ix, const text::Sentence& sentence, std::uint32_t sentence_index,
              std::uint32_t trigger, Event* e) {
  const text::DateMention* best = nullptr;
  std::uint32_t best_distance = UINT32_MAX;
  const std::uint32_t floor =
      sentence_index >= 2 ? ix.text->sentences[sentence_index - 2].first_token : 0;
  for (const text::DateMention& d : DatesIn(ix, floor, sentence.end_token)) {
    const bool same = d.first_token >= sentence.first_token;
    // A year told before is the background of the story, not the date of
    // the reports that follow it.
    if (!same && d.precision == text::DatePrecision::kYear) continue;
    // "Since June 25" starts what goes on (تشهد منذ 25 حزيران اشتباكات): the
    // report is of today, not of that day.
    const std::uint32_t lead = d.first_token > kSinceReach ? d.first_token - kSinceReach : 0;
    if (CueInRange(ix, CueClass::kSince, lead, d.first_token)) continue;
    // A year or a month after the trigger and a "had" (أحبط هجوما من قبل
    // جبهة النصرة، حيث كانت … حتى قطعت علاقاتها مع القاعدة في عام 2016) dates
    // what had happened before, told to explain a name; a day or a week (يوم
    // الأحد) still dates the report.
    const bool coarse =
        d.precision == text::DatePrecision::kMonth || d.precision == text::DatePrecision::kYear;
    if (same && d.first_token > trigger && coarse &&
        HistoryOpensAt(ix, trigger, d.first_token) < d.first_token) {
      continue;
    }
    const std::uint32_t distance =
        same ? (d.first_token > trigger ? d.first_token - trigger : trigger - d.first_token)
             : UINT32_MAX - 1 - (d.first_token - floor);
    if (distance <= best_distance) {
      best_distance = distance;
      best = &d;
    }
  }
  if (best == nullptr) best = LeadDate(ix, sentence_index);
  if (best != nullptr && best->precision != text::DatePrecision::kYear) {
    e->date = best->date.ToIso();
    e->time_precision = static_cast<int>(best->precision);
    e->date_span = ix.Original(best->first_token, best->end_token);
  } else if (ix.pub_date) {
    e->date = ix.pub_date->ToIso();
    e->time_precision = 2;
  }
  if (best != nullptr && best->precision == text::DatePrecision::kYear && ix.pub_date &&
      best->date.year < ix.pub_date->year) {
    e->date = best->date.ToIso();
    e->time_precision = 3;
  }
}

EventStatus DecideStatus(const DocIndex& ix, const text::Sentence& sentence, const Frame& frame,
                         const Event& e) {
  const std::uint32_t head = frame.head().first;
  if (CueInRange(ix, CueClass::kDeny, sentence.first_token, head)) return EventStatus::kDenied;
  if (frame.agreed_on || CueInRange(ix, CueClass::kPlanned, frame.window_begin, frame.head().end)) {
    return EventStatus::kPlanned;
  }
  // What a "had" after the trigger tells is history explaining a name, not
  // this event's (… من قبل جبهة النصرة، حيث كانت … حتى قطعت علاقاتها مع
  // القاعدة في عام 2016).
  const std::uint32_t told_end = HistoryOpensAt(ix, frame.head().end, frame.window_end);
  if (CueInRange(ix, CueClass::kBackground, frame.window_begin, told_end)) {
    return EventStatus::kBackground;
  }
  if (ix.pub_date && !e.date.empty()) {
    if (auto d = text::CivilDate::FromIso(e.date)) {
      if (ix.pub_date->ToDays() - d->ToDays() > kBackgroundDays) return EventStatus::kBackground;
    }
  }
  return EventStatus::kCurrent;
}

std::vector<Claim> FindClaims(const DocIndex& ix, const text::Sentence& sentence) {
  std::vector<Claim> claims;
  for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    const bool report = ix.Cue(t, CueClass::kReport);
    const bool deny = ix.Cue(t, CueClass::kDeny);
    if (!report && !deny) continue;
    std::int32_t who = kNone;
    for (std::uint32_t k = t + 1; k < sentence.end_token && k <= t + kSubjectReach; ++k) {
      if (ix.mention_at[k] != kNone && ix.mention(ix.mention_at[k]).kind != MentionKind::kPlace) {
        who = ix.mention_at[k];
        break;
      }
    }
    if (who == kNone && t > sentence.first_token && ix.mention_at[t - 1] != kNone &&
        ix.mention(ix.mention_at[t - 1]).kind != MentionKind::kPlace) {
      who = ix.mention_at[t - 1];
    }
    if (who == kNone) continue;
    const Mention& m = ix.mention(who);
    const std::string source = m.id.empty() ? m.surface : m.id;
    const bool seen = std::any_of(claims.begin(), claims.end(),
                                  [&](const Claim& c) { return c.source == source; });
    if (seen) continue;
    const ByteSpan cue_span = ix.text->tokens[t].original;
    claims.push_back({source, deny ? ClaimStance::kDenies : ClaimStance::kAsserts,
                      std::string(ix.doc->text.substr(cue_span.begin.value, cue_span.size())),
                      m.original});
  }
  return claims;
}

bool IsBombardment(const Event& e) {
  return e.sub_event_type == SubEventTypeName(SubEventType::kShellingArtilleryMissileAttack) ||
         e.sub_event_type == SubEventTypeName(SubEventType::kAirDroneStrike);
}

void Retype(SubEventType sub, Event* e) {
  e->sub_event_type = std::string(SubEventTypeName(sub));
  e->event_type = std::string(EventTypeOf(sub));
}

bool IsTaking(const Event& e) {
  return e.sub_event_type == SubEventTypeName(SubEventType::kGovernmentRegainsTerritory) ||
         e.sub_event_type == SubEventTypeName(SubEventType::kNonStateActorOvertakesTerritory);
}

bool OneOff(const Event& e) {
  return e.sub_event_type == SubEventTypeName(SubEventType::kSuicideBomb) ||
         e.sub_event_type == SubEventTypeName(SubEventType::kAbductionForcedDisappearance);
}

}  // namespace rasd::extract
