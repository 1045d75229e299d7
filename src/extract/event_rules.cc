// The rules that rewrite or judge one event from its frame alone
// (event_rules.h). They are general facts of ACLED coding and of Arabic news
// writing; the words they rest on are in data/extract/.
#include "extract/event_rules.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/doc_index.h"
#include "extract/event_fields.h"
#include "extract/lexicon.h"
#include "extract/ontology.h"

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;

// Leaves the event without its second side.
void ClearActor2(Event* e) {
  e->actor2.clear();
  e->inter2 = 0;
  e->actor2_span = {};
}

// Drops the event's first side: the second, if any, takes its place.
void DropActor1(Event* e) {
  e->actor1 = std::move(e->actor2);
  e->inter1 = e->inter2;
  e->actor1_span = e->actor2_span;
  ClearActor2(e);
}

// Words between a trigger and "in its turn" (كما نفذت بدورها غارات).
constexpr std::uint32_t kTurnReach = 3;
// Sentences back that a definite "the meeting" looks for the meeting told.
constexpr std::uint32_t kMeetingReach = 2;
// Words from a meeting word to its "between" (اجتماع حدث يوم الخميس بين).
constexpr std::uint32_t kBetweenReach = 6;
// Words between a state force and the bomb it set off (نجحت في تفجير).
constexpr std::uint32_t kStateSubjectGap = 3;
// How far before a taking a "tried to" word makes it an attempt (حاولت قبل
// يومين التقدم).
constexpr std::uint32_t kAttemptReach = 4;
// ACLED's inter code for protesters.
constexpr int kProtestersInter = 6;
// ACLED's inter code of a state's forces in their own country.
constexpr int kStateForcesInter = 1;

// True when the frame's taking word follows a word of trying (اشتباكات …
// شنت هجوما على المبنى محاولة اقتحامه): the taking word, not the frame's
// first trigger, is the one tried.
bool AttemptedTaking(const DocIndex& ix, const Frame& frame, const Event& e) {
  if (!IsTaking(e)) return false;
  return std::any_of(frame.hits.begin(), frame.hits.end(), [&](const TriggerHit& h) {
    if (h.row->cls != TriggerClass::kTerritory) return false;
    // Within the taking's clause: وبعد محاولات عدة، سيطرت … is a taking.
    for (std::uint32_t k = 1; k <= kAttemptReach && h.first >= frame.window_begin + k; ++k) {
      if (ix.Cue(h.first - k, CueClass::kAttempt)) return true;
      if (ix.text->tokens[h.first - k].kind == text::TokenKind::kPunct) return false;
    }
    return false;
  });
}

// The two parties of a meeting told in [begin, end): "between" within
// kBetweenReach words after a meeting word, no comma between them, and the
// first two different names after it before the clause ends.
std::optional<std::pair<std::int32_t, std::int32_t>> MeetingParties(const DocIndex& ix,
                                                                    std::uint32_t begin,
                                                                    std::uint32_t end) {
  for (std::uint32_t m = begin; m < end; ++m) {
    const std::optional<std::uint32_t> meeting = FirstCueIn(ix, CueClass::kMeeting, m, end);
    if (!meeting) return std::nullopt;
    m = *meeting;
    const std::uint32_t reach = CommaFrom(ix, m + 1, std::min(end, m + kBetweenReach + 1));
    const std::optional<std::uint32_t> between = FirstCueIn(ix, CueClass::kBetween, m + 1, reach);
    if (!between) continue;
    std::int32_t first = kNone;
    for (const std::int32_t a :
         MentionsIn(ix, MentionKind::kActor, *between, CommaFrom(ix, *between, end))) {
      const std::string& id = ix.mention(a).id;
      if (id.empty()) continue;
      if (first == kNone) {
        first = a;
      } else if (id != ix.mention(first).id) {
        return std::make_pair(first, a);
      }
    }
  }
  return std::nullopt;
}

// True when the frame names policemen or a post who are not its speaker
// (not وقال ضابط شرطة إن: a police word right after a verb of saying).
bool PoliceHit(const DocIndex& ix, const Frame& frame) {
  for (std::uint32_t t = frame.window_begin; t < frame.window_end; ++t) {
    if (!ix.Cue(t, CueClass::kPolice)) continue;
    const std::uint32_t from = t > frame.window_begin + 2 ? t - 2 : frame.window_begin;
    if (!CueInRange(ix, CueClass::kReport, from, t)) return true;
  }
  return false;
}

}  // namespace

void SubjectInItsTurn(const DocIndex& ix, std::uint32_t s, const Frame& frame, Event* e) {
  const TriggerHit& head = frame.head();
  const std::uint32_t from =
      head.first > frame.window_begin + kTurnReach ? head.first - kTurnReach : frame.window_begin;
  const std::uint32_t to = std::min(frame.window_end, head.end + kTurnReach);
  const std::optional<std::uint32_t> found = FirstCueIn(ix, CueClass::kTurn, from, to);
  if (!found) return;
  const std::uint32_t turn = *found;
  // A subject the words name by the verb stays (وقصفت قوات النظام بدورها،
  // ورد النظام بدوره بقصف).
  // Between the trigger and the cue, or in the two words before a cue that
  // comes first.
  const std::uint32_t named_from =
      turn > head.first ? head.end : std::max(frame.window_begin, turn > 2 ? turn - 2 : 0);
  if (!MentionsIn(ix, MentionKind::kActor, named_from, turn).empty()) return;
  const text::Sentence& sentence = ix.text->sentences[s];
  std::vector<std::int32_t> named =
      MentionsIn(ix, MentionKind::kActor, sentence.first_token, head.first);
  if (named.empty() && s > 0) {
    const text::Sentence& before = ix.text->sentences[s - 1];
    named = MentionsIn(ix, MentionKind::kActor, before.first_token, before.end_token);
  }
  if (named.empty() || ix.mention(named.front()).id == e->actor2) return;
  SetActor(ix, named.front(), &e->actor1, &e->inter1, &e->actor1_span);
}

void CiviliansAsTarget(const DocIndex& ix, const Frame& frame, Event* e) {
  // Civilians suffer violence; they do not carry it out (ACLED codes them
  // as actor2 only): a count of dead people before the trigger (وامرأة
  // وطفلها في قصف جوي) is no attacker.
  if (e->actor1 == kCiviliansId && Violent(*e) && e->event_type != "Battles") {
    std::swap(e->actor1, e->actor2);
    std::swap(e->inter1, e->inter2);
    std::swap(e->actor1_span, e->actor2_span);
    return;
  }
  if (!e->actor2.empty() || e->actor1 == kCiviliansId) return;
  if (e->event_type != "Explosions/Remote violence" &&
      e->event_type != "Violence against civilians") {
    return;
  }
  if (!CueInRange(ix, CueClass::kCivilian, frame.window_begin, frame.window_end)) return;
  if (CueInRange(ix, CueClass::kMembers, frame.window_begin, frame.window_end)) return;
  e->actor2 = kCiviliansId;
  e->inter2 = kCiviliansInter;
}

void PartiesOfTheMeeting(const DocIndex& ix, std::uint32_t s, const Frame& frame, Event* e) {
  if (e->sub_event_type != SubEventTypeName(SubEventType::kAgreement) || !e->actor1.empty() ||
      !e->actor2.empty() || !MeetingEndedIn(ix, frame.head().first, frame.window_begin)) {
    return;
  }
  for (std::uint32_t back = 1; back <= kMeetingReach && back <= s; ++back) {
    const text::Sentence& earlier = ix.text->sentences[s - back];
    const std::optional<std::pair<std::int32_t, std::int32_t>> parties =
        MeetingParties(ix, earlier.first_token, earlier.end_token);
    if (!parties) continue;
    SetActor(ix, parties->first, &e->actor1, &e->inter1, &e->actor1_span);
    SetActor(ix, parties->second, &e->actor2, &e->inter2, &e->actor2_span);
    return;
  }
}

bool ChangeOfTheNameBefore(const DocIndex& ix, const Frame& frame, Event* e) {
  if (e->sub_event_type != SubEventTypeName(SubEventType::kChangeToGroupActivity)) return false;
  std::uint32_t t = frame.head().first;
  if (t < 2 || !ix.Cue(t - 1, CueClass::kRelative)) return false;
  t -= 1;
  while (t > 0 && IsPunct(ix, t - 1, "\"")) --t;
  const std::int32_t name = t > 0 ? ix.mention_at[t - 1] : kNone;
  if (name == kNone || ix.mention(name).kind != MentionKind::kActor ||
      ix.mention(name).id.empty()) {
    return false;
  }
  SetActor(ix, name, &e->actor1, &e->inter1, &e->actor1_span);
  if (e->actor2 == e->actor1) ClearActor2(e);
  return true;
}

void GroupJoined(const DocIndex& ix, const Frame& frame, Event* e) {
  if (e->sub_event_type != SubEventTypeName(SubEventType::kChangeToGroupActivity) ||
      e->actor1.empty() || !e->actor2.empty()) {
    return;
  }
  const std::uint32_t after = frame.hits.back().end;
  const std::uint32_t clause_end = CommaFrom(ix, after, frame.window_end);
  for (const std::int32_t a : MentionsIn(ix, MentionKind::kActor, after, clause_end)) {
    const Mention& group = ix.mention(a);
    if (group.id.empty() || group.id == e->actor1) continue;
    std::uint32_t t = group.first_token;
    while (t > after && IsPunct(ix, t - 1, "\"")) --t;
    if (t > after && IsWord(ix, t - 1, kTo)) {
      SetActor(ix, a, &e->actor2, &e->inter2, &e->actor2_span);
    }
    return;
  }
}

void UnarmedFightNoBattle(const Lexicon& lexicon, Event* e) {
  if (e->event_type != "Battles") return;
  constexpr int kFirstUnarmedInter = 5;  // rioters, protesters, civilians, other
  const auto unarmed = [&](const std::string& id, int inter) {
    return id == kCiviliansId || (!id.empty() && !id.starts_with("new:") &&
                                  lexicon.CampOf(id) == nullptr && inter >= kFirstUnarmedInter);
  };
  if (unarmed(e->actor2, e->inter2)) ClearActor2(e);
  if (unarmed(e->actor1, e->inter1)) DropActor1(e);
}

void RetypeTerritory(Event* e) {
  if (!IsTaking(*e) || e->actor1.empty()) return;
  e->sub_event_type = std::string(
      SubEventTypeName(e->inter1 == 1 ? SubEventType::kGovernmentRegainsTerritory
                                      : SubEventType::kNonStateActorOvertakesTerritory));
}

void RetypeBombByTheState(const DocIndex& ix, const Frame& frame, const Roles& roles, Event* e) {
  // Bombs set off among civilians (فجرت عبوات ناسفة في منازل المدنيين) are an attack.
  if (e->sub_event_type != SubEventTypeName(SubEventType::kRemoteExplosiveLandmineIed) ||
      e->inter1 != 1 || roles.actor1 == kNone || e->actor2 == kCiviliansId ||
      CueInRange(ix, CueClass::kCivilian, frame.window_begin, frame.window_end)) {
    return;
  }
  const std::uint32_t subject_end = ix.mention(roles.actor1).end_token;
  const std::uint32_t head = frame.head().first;
  if (subject_end > head || head - subject_end > kStateSubjectGap) return;
  for (std::uint32_t t = subject_end; t < head; ++t) {
    if (ix.text->tokens[t].kind == text::TokenKind::kPunct) return;
  }
  Retype(SubEventType::kDisruptedWeaponsUse, e);
}

void RetypeAttemptedTaking(const DocIndex& ix, const Frame& frame, Event* e) {
  if (!AttemptedTaking(ix, frame, *e)) return;
  Retype(SubEventType::kArmedClash, e);
}

void RetypeAttackOnForces(Event* e) {
  if (e->sub_event_type != SubEventTypeName(SubEventType::kAttack) || e->actor2.empty() ||
      e->actor1.empty() || e->actor2 == kCiviliansId) {
    return;
  }
  if (e->inter2 == kProtestersInter || e->inter2 == kCiviliansInter) return;
  Retype(SubEventType::kArmedClash, e);
}

void AttackIsOnCivilians(Event* e) {
  if (e->sub_event_type != SubEventTypeName(SubEventType::kAttack) || !e->actor2.empty() ||
      e->actor1 == kCiviliansId) {
    return;
  }
  e->actor2 = std::string(kCiviliansId);
  e->inter2 = kCiviliansInter;
}

void CodeToAirArm(const DocIndex& ix, const Lexicon& lexicon, const Frame& frame, Event* e) {
  // Artillery is no air force's (يشارك فيها سلاحي الجو والمدفعية): the
  // shelling is the state's forces'.
  if (e->sub_event_type == SubEventTypeName(SubEventType::kShellingArtilleryMissileAttack)) {
    const std::string& state = lexicon.StateOfAirArm(e->actor1);
    if (!state.empty() && state != e->actor2) e->actor1 = state;
    return;
  }
  if (e->sub_event_type != SubEventTypeName(SubEventType::kAirDroneStrike)) return;
  const std::string& arm = lexicon.AirArmOf(e->actor1);
  if (arm.empty() || !CueInRange(ix, CueClass::kAircraft, frame.window_begin, frame.window_end)) {
    return;
  }
  e->actor1 = arm;
}

void DetaineesAreNoSide(Event* e) {
  if (e->sub_event_type != SubEventTypeName(SubEventType::kArrests)) return;
  if (e->actor1 == kCiviliansId) DropActor1(e);
  if (e->actor2 == kCiviliansId) ClearActor2(e);
}

void ProtestersAreTheSide(Event* e) {
  if (e->event_type != EventTypeOf(SubEventType::kPeacefulProtest)) return;
  if (e->actor2 == kProtestersId) {
    std::swap(e->actor1, e->actor2);
    std::swap(e->inter1, e->inter2);
    std::swap(e->actor1_span, e->actor2_span);
  }
  if (e->actor1 != kProtestersId) {
    // فرقت قوات النظام مظاهرة: the force that broke it up is the other side.
    if (e->actor2.empty()) {
      e->actor2 = std::move(e->actor1);
      e->inter2 = e->inter1;
      e->actor2_span = e->actor1_span;
    }
    e->actor1 = std::string(kProtestersId);
    e->inter1 = kProtestersInter;
    e->actor1_span = {};
  }
  if (e->sub_event_type != SubEventTypeName(SubEventType::kPeacefulProtest)) return;
  ClearActor2(e);
}

void PoliceAbroad(const DocIndex& ix, const Lexicon& lexicon, const Frame& frame, Event* e) {
  if (!e->location) return;
  const std::string& force = lexicon.PoliceForceOf(e->location->country);
  // Arrests that name no one making them (اعتقل ستة أشخاص للاشتباه
  // بعلاقتهم بالحادث) there are the state's: only its forces arrest.
  if (e->sub_event_type == SubEventTypeName(SubEventType::kArrests)) {
    if (e->actor1.empty() && !force.empty() && e->actor2 != force) {
      e->actor1 = force;
      e->inter1 = kStateForcesInter;
    }
    return;
  }
  // With no attacker named the police hit is left unnamed too: the other
  // side would be guessed from the article (FillOpponents), not read.
  if (!e->actor2.empty() || e->actor1.empty() || !Violent(*e)) return;
  if (force.empty() || force == e->actor1) return;
  if (!PoliceHit(ix, frame)) return;
  e->actor2 = force;
  e->inter2 = kStateForcesInter;
}

bool Codable(const DocIndex& ix, const Event& e, const Frame& frame, bool scene_only) {
  const bool strong = std::any_of(frame.hits.begin(), frame.hits.end(),
                                  [](const TriggerHit& h) { return h.row->strong; }) ||
                      // A weak bombardment word with its weapon named (دفع طائرات
                      // التحالف إلى استهداف مقرات لها) is as much an event.
                      (OnlyBombardment(frame) && NamesAWeapon(ix, frame));
  const bool side = !e.actor1.empty() || !e.actor2.empty();
  const bool place = e.location.has_value() && !scene_only;
  if (strong) return side || place;
  // Someone killed there makes the word an event without a named side
  // (قتل شرطي ... في هجوم وقع في أحد أحياء دياربكر).
  const bool dead = e.fatalities.value_or(0) > 0;
  // A killing with killer and killed named, both armed (أعضاء «الفرقة 30»
  // قتلوا مقاتلين من «النصرة»), is an event wherever it happened.
  const bool killing = std::any_of(frame.hits.begin(), frame.hits.end(), [](const TriggerHit& h) {
    return h.row->cls == TriggerClass::kKilling;
  });
  const bool armed_sides = !e.actor1.empty() && !e.actor2.empty() && e.actor1 != kCiviliansId &&
                           e.actor2 != kCiviliansId;
  if (killing && armed_sides && e.fatalities.has_value()) return true;
  // Fighting between two named armed sides (دارت معارك بين قوات النظام
  // ومقاتلي المعارضة) is an event wherever it was.
  const bool fighting = std::any_of(frame.hits.begin(), frame.hits.end(), [](const TriggerHit& h) {
    return h.row->cls == TriggerClass::kFixed && h.row->fixed == SubEventType::kArmedClash;
  });
  if (fighting && armed_sides &&
      CueInRange(ix, CueClass::kBetween, frame.window_begin, frame.window_end)) {
    return true;
  }
  // So is a deal a meeting ended in, between the meeting's two parties
  // (الاجتماع انتهى بالاتفاق على …): where the meeting was is seldom told.
  if (!e.actor1.empty() && !e.actor2.empty() &&
      OutcomeOfTheMeeting(ix, *frame.head().row, frame.head().first, frame.window_begin)) {
    return true;
  }
  return (side || dead) && place;
}

void SetActor(const DocIndex& ix, std::int32_t m, std::string* id, int* inter,
              std::optional<ByteSpan>* span) {
  if (m == kNone) return;
  *id = ix.mention(m).id;
  *inter = ix.mention(m).inter;
  *span = ix.mention(m).original;
}

bool Violent(const Event& e) {
  return e.event_type != "Strategic developments" && e.event_type != "Protests";
}

}  // namespace rasd::extract
