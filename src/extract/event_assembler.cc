// Event assembly, sentence by sentence. The rules are general facts of
// Arabic news writing (word order, the frames بين X و Y / من قبل X / مقتل N من X,
// coordinated place lists) and of ACLED coding (one event per place and day,
// the lowest fatality figure); none names a word of Arabic: the words are in
// data/extract/. docs/extraction.md explains each step.
#include "extract/event_assembler.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rasd::extract {
namespace {

using link::Mention;
using link::MentionKind;
using text::Token;

constexpr std::int32_t kNone = -1;
constexpr std::uint8_t kNoCue = 0xFF;

// How far (in tokens) a cue reaches to the name it governs, and the subject
// of a verb from the verb: Arabic news puts them next to each other.
constexpr std::uint32_t kCueReach = 2;
constexpr std::uint32_t kSubjectReach = 4;
constexpr std::uint32_t kFatalityReach = 4;
// How far a count of people (32 شخصا) may stand from its death word when
// the clause puts the killer between them (قتل انتحاري ... 32 شخصا).
constexpr std::uint32_t kFarCountReach = 10;
// How far from a trigger its weapon is named (قصفت قوات النظام بالطيران الحربي).
constexpr std::uint32_t kWeaponReach = 12;
// Tokens between two counts of one toll (25 جهاديا من تنظيم النصرة وسبعة).
constexpr std::uint32_t kJoinedCountReach = 6;
// "تعرضت X لـ": the place or group subjected to it may take several words.
constexpr std::uint32_t kExposedReach = 8;
// Triggers of one event type closer than this share a frame (قصف ... بالبراميل).
constexpr std::uint32_t kFrameJoinGap = 10;
// An event dated more than this before publication is recalled history.
constexpr std::int64_t kBackgroundDays = 31;
// A report without a place repeats one at most this far before it (about
// three sentences of Arabic news).
constexpr std::uint32_t kContinuationBytes = 600;
// The spec's id and ACLED inter code for civilians.
constexpr std::string_view kCiviliansId = "CIVILIANS";
constexpr int kCiviliansInter = 7;
// At most this many events from one coordinated place list.
constexpr std::size_t kMaxPlacesPerFrame = 8;

// Per-document lookups, built once.
struct DocIndex {
  const Lexicon* lexicon = nullptr;
  const Document* doc = nullptr;
  const text::AnalyzedText* text = nullptr;
  const link::LinkedText* linked = nullptr;
  std::optional<text::CivilDate> pub_date;
  std::vector<std::int32_t> mention_at;  // token -> index into linked->mentions
  std::vector<std::uint8_t> cue_at;      // token -> CueClass
  std::vector<std::int32_t> number_at;   // token -> index into text->numbers
  std::vector<std::uint8_t> count_at;    // token -> 1 or 2 for a singular or dual person noun

  const Mention& mention(std::int32_t i) const { return linked->mentions[i]; }
  bool Cue(std::uint32_t token, CueClass c) const {
    return token < cue_at.size() && cue_at[token] == static_cast<std::uint8_t>(c);
  }
  ByteSpan Original(std::uint32_t first, std::uint32_t end) const {
    return {text->tokens[first].original.begin, text->tokens[end - 1].original.end};
  }
};

struct TriggerHit {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  const Trigger* row = nullptr;
  // Refers back to an event already told (هذا الانفجار): it may complete a
  // frame of the same report but makes no event by itself.
  bool anaphoric = false;
};

struct Frame {
  std::vector<TriggerHit> hits;
  std::uint32_t window_begin = 0;
  std::uint32_t window_end = 0;
  const TriggerHit& head() const { return hits.front(); }
};

struct Roles {
  std::int32_t actor1 = kNone;
  std::int32_t actor2 = kNone;
  std::vector<std::int32_t> assoc;
};

// What the article said last: a sentence that omits the place or the other
// side usually continues the previous report.
struct Context {
  std::optional<Location> location;
  std::uint32_t location_sentence = 0;
  // The last town named by a sentence that reported no event.
  std::optional<Location> scene;
  std::uint32_t scene_sentence = 0;
  std::string actor1;
  std::string actor2;
  int inter1 = 0;
  int inter2 = 0;
  std::uint32_t actors_sentence = 0;
  std::vector<Claim> claims;
  std::string subject;  // actor1 of the last report
  int subject_inter = 0;
  std::uint32_t subject_sentence = 0;
  std::string bombardment;  // sub-type of the last air or ground bombardment
  std::uint32_t bombardment_sentence = 0;
};

std::string_view EventTypeKey(const Trigger& t) { return EventTypeOf(t.fixed); }

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

DocIndex BuildIndex(const Document& doc, const text::AnalyzedText& at,
                    const link::LinkedText& linked, std::optional<text::CivilDate> pub,
                    const Lexicon& lexicon) {
  DocIndex ix;
  ix.lexicon = &lexicon;
  ix.doc = &doc;
  ix.text = &at;
  ix.linked = &linked;
  ix.pub_date = pub;
  const std::size_t n = at.tokens.size();
  ix.mention_at.assign(n, kNone);
  for (std::size_t m = 0; m < linked.mentions.size(); ++m) {
    const Mention& mention = linked.mentions[m];
    for (std::uint32_t t = mention.first_token; t < mention.end_token && t < n; ++t) {
      if (ix.mention_at[t] == kNone) ix.mention_at[t] = static_cast<std::int32_t>(m);
    }
  }
  ix.cue_at.assign(n, kNoCue);
  std::vector<PhraseMatch> cues;
  lexicon.cues().FindAll(at.norm, at.tokens, 0, static_cast<std::uint32_t>(n), &cues);
  for (const PhraseMatch& c : cues) {
    for (std::uint32_t t = c.first_token; t < c.end_token; ++t) {
      ix.cue_at[t] = static_cast<std::uint8_t>(c.payload);
    }
  }
  ix.number_at.assign(n, kNone);
  for (std::size_t k = 0; k < at.numbers.size(); ++k) {
    const text::NumberMention& num = at.numbers[k];
    for (std::uint32_t t = num.first_token; t < num.end_token && t < n; ++t) {
      ix.number_at[t] = static_cast<std::int32_t>(k);
    }
  }
  ix.count_at.assign(n, 0);
  std::vector<PhraseMatch> counts;
  lexicon.count_nouns().FindAll(at.norm, at.tokens, 0, static_cast<std::uint32_t>(n), &counts);
  for (const PhraseMatch& c : counts)
    ix.count_at[c.first_token] = static_cast<std::uint8_t>(c.payload);
  // A year or a day of the month is not a count.
  for (const text::DateMention& d : at.dates) {
    for (std::uint32_t t = d.first_token; t < d.end_token && t < n; ++t) ix.number_at[t] = kNone;
  }
  return ix;
}

bool CueInRange(const DocIndex& ix, CueClass c, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t t = begin; t < end; ++t) {
    if (ix.Cue(t, c)) return true;
  }
  return false;
}

// U+0644 (lam) as it appears in normalised text.
constexpr std::string_view kLam = "\xD9\x84";

// True when the matched reading of a token carries the preposition ل: a verbal
// noun after ل states a purpose (لصد الهجوم، لمواجهة), not an event, unless the
// clause says something was subjected to it (تعرضت البلدة لقصف).
bool PurposeClause(const DocIndex& ix, const PhraseMatch& m, std::uint32_t sentence_begin) {
  const Token& tok = ix.text->tokens[m.first_token];
  if (tok.reading_count == 0) return false;
  const text::CliticReading& r = tok.readings[m.first_reading];
  const std::string_view proclitics =
      std::string_view(ix.text->norm.text).substr(tok.norm.begin.value, r.proclitic_bytes);
  if (proclitics.find(kLam) == std::string_view::npos) return false;
  for (std::uint32_t k = 1; k <= kExposedReach && m.first_token >= sentence_begin + k; ++k) {
    if (ix.Cue(m.first_token - k, CueClass::kExposed)) return false;
  }
  return true;
}

// True when a prevent cue (لصد، لوقف، بهدف) governs the trigger: the clause is
// about stopping or aiming at the action, not reporting it.
bool PreventedBefore(const DocIndex& ix, std::uint32_t token, std::uint32_t begin) {
  for (std::uint32_t k = 1; k <= 2 && token >= begin + k; ++k) {
    if (ix.Cue(token - k, CueClass::kPrevent)) return true;
  }
  return false;
}

// True when the first token matched in its definite reading (ال, or لل).
bool Definite(const DocIndex& ix, const PhraseMatch& m) {
  const Token& tok = ix.text->tokens[m.first_token];
  return tok.reading_count > 0 && tok.readings[m.first_reading].definite();
}

// True when the word before a noun trigger makes it a description of a place
// or a state, not a report (مناطق سيطرة النظام، مكان الاحتجاز).
bool DescribedBefore(const DocIndex& ix, const PhraseMatch& m, std::uint32_t begin) {
  return m.first_token > begin && ix.Cue(m.first_token - 1, CueClass::kDescriptor);
}

// True when a demonstrative stands before a definite noun trigger (هذا
// الانفجار، هذه المعركة): the event was already told. Before an indefinite
// one it is a pronoun (تلى ذلك اشتباكات reports clashes).
bool PointsBack(const DocIndex& ix, const PhraseMatch& m, std::uint32_t begin) {
  return m.first_token > begin && ix.Cue(m.first_token - 1, CueClass::kDemonstrative) &&
         Definite(ix, m);
}

// Triggers of the sentence that are not part of a name (تحرير in هيئة تحرير الشام),
// not negated (لم تقصف) and not a purpose (لصد تقدم).
std::vector<TriggerHit> FindTriggers(const DocIndex& ix, const Lexicon& lexicon,
                                     std::uint32_t begin, std::uint32_t end) {
  std::vector<PhraseMatch> matches;
  lexicon.triggers().FindAll(ix.text->norm, ix.text->tokens, begin, end, &matches);
  std::vector<TriggerHit> hits;
  for (const PhraseMatch& m : matches) {
    bool inside_name = false;
    for (std::uint32_t t = m.first_token; t < m.end_token; ++t) {
      inside_name = inside_name || ix.mention_at[t] != kNone;
    }
    if (inside_name) continue;
    if (m.first_token > begin && ix.Cue(m.first_token - 1, CueClass::kNegation)) continue;
    const Trigger& row = lexicon.trigger(m.payload);
    if (!row.verb && PurposeClause(ix, m, begin)) continue;
    if (row.indefinite_only && Definite(ix, m)) continue;
    if (PreventedBefore(ix, m.first_token, begin)) continue;
    if (!row.verb && DescribedBefore(ix, m, begin)) continue;
    hits.push_back({m.first_token, m.end_token, &lexicon.trigger(m.payload),
                    !row.verb && PointsBack(ix, m, begin)});
  }
  return hits;
}

bool HasMentionIn(const DocIndex& ix, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t t = begin; t < end; ++t) {
    if (ix.mention_at[t] != kNone && ix.mention(ix.mention_at[t]).kind != MentionKind::kSource) {
      return true;
    }
  }
  return false;
}

// Two triggers describe one event when they are close, of one event type,
// not two different fixed sub-types (قذائف ... غارات are two attacks), and no
// place stands between them (تفجير ... في الراموسة ونسف ... في الساحل).
bool Joinable(const DocIndex& ix, const TriggerHit& prev, const TriggerHit& next) {
  if (EventTypeKey(*prev.row) != EventTypeKey(*next.row)) return false;
  if (next.first - prev.end >= kFrameJoinGap) return false;
  const bool both_fixed =
      prev.row->cls == TriggerClass::kFixed && next.row->cls == TriggerClass::kFixed;
  if (both_fixed && prev.row->fixed != next.row->fixed) return false;
  for (std::uint32_t t = prev.end; t < next.first; ++t) {
    if (ix.mention_at[t] != kNone && ix.mention(ix.mention_at[t]).kind == MentionKind::kPlace) {
      return false;
    }
  }
  return true;
}

// Groups triggers into frames and gives each frame its window of the sentence.
std::vector<Frame> BuildFrames(const DocIndex& ix, std::vector<TriggerHit> hits,
                               std::uint32_t begin, std::uint32_t end, bool follows_bombardment) {
  const bool has_strong = std::any_of(hits.begin(), hits.end(), [](const TriggerHit& h) {
    return h.row->strong && h.row->cls != TriggerClass::kKilling;
  });
  const bool has_non_killing = std::any_of(hits.begin(), hits.end(), [](const TriggerHit& h) {
    return h.row->cls != TriggerClass::kKilling;
  });
  std::vector<Frame> frames;
  for (const TriggerHit& h : hits) {
    // A killing is the outcome of the other triggers when there are any.
    if (h.row->cls == TriggerClass::kKilling && has_non_killing) continue;
    if (!frames.empty()) {
      Frame& last = frames.back();
      const TriggerHit& prev = last.hits.back();
      if (Joinable(ix, prev, h)) {
        last.hits.push_back(h);
        continue;
      }
    }
    // A weak trigger needs company: no strong trigger of its type around it.
    if (!h.row->strong && has_strong) continue;
    frames.push_back({{h}, 0, 0});
  }
  // A frame only of words that point back (هذا الانفجار) adds no event; its
  // words stay in the windows of the frames around it.
  std::erase_if(frames, [](const Frame& fr) {
    return std::all_of(fr.hits.begin(), fr.hits.end(),
                       [](const TriggerHit& h) { return h.anaphoric; });
  });
  for (std::size_t f = 0; f < frames.size(); ++f) {
    frames[f].window_begin = f == 0 ? begin : frames[f - 1].hits.back().end;
    frames[f].window_end = f + 1 == frames.size() ? end : frames[f + 1].head().first;
  }
  // A weak frame with no actor or place in its window is talk, not an event;
  // a weak bombardment word (استهدف، الضربات) needs a weapon: an air or ground
  // cue, or a bombardment just reported that it goes on describing.
  std::erase_if(frames, [&](const Frame& fr) {
    const bool strong = std::any_of(fr.hits.begin(), fr.hits.end(),
                                    [](const TriggerHit& h) { return h.row->strong; });
    const bool has_argument = HasMentionIn(ix, fr.window_begin, fr.window_end);
    // A definite event noun with nothing named around it (الاشتباكات، المعركة)
    // refers back to an event the article already reported.
    const TriggerHit& head = fr.head();
    const Token& first = ix.text->tokens[head.first];
    const bool definite_noun =
        !head.row->verb && first.reading_count > 0 &&
        std::any_of(first.readings.begin(), first.readings.begin() + first.reading_count,
                    [](const text::CliticReading& r) { return r.definite(); });
    if (!has_argument && (definite_noun || !strong)) return true;
    if (strong) return false;
    const bool bombardment = std::all_of(fr.hits.begin(), fr.hits.end(), [](const TriggerHit& h) {
      return h.row->cls == TriggerClass::kExplosion;
    });
    return bombardment && !follows_bombardment &&
           !CueInRange(ix, CueClass::kAir, fr.window_begin, fr.window_end) &&
           !CueInRange(ix, CueClass::kGround, fr.window_begin, fr.window_end);
  });
  return frames;
}

// The cue class standing within kCueReach tokens before `token`, if any of `wanted`.
bool CueBefore(const DocIndex& ix, std::uint32_t token, std::uint32_t floor, CueClass c) {
  for (std::uint32_t k = 1; k <= kCueReach && token >= floor + k; ++k) {
    if (ix.Cue(token - k, c)) return true;
    if (ix.mention_at[token - k] != kNone) return false;
  }
  return false;
}

std::vector<std::int32_t> MentionsIn(const DocIndex& ix, MentionKind kind, std::uint32_t begin,
                                     std::uint32_t end) {
  std::vector<std::int32_t> out;
  for (std::size_t m = 0; m < ix.linked->mentions.size(); ++m) {
    const Mention& mention = ix.linked->mentions[m];
    if (mention.kind == kind && mention.first_token >= begin && mention.first_token < end) {
      out.push_back(static_cast<std::int32_t>(m));
    }
  }
  return out;
}

// The subject by word order: after a verb (VSO) or as the genitive agent of a
// verbal noun (قصف قوات النظام), else the nearest name before the trigger (SVO).
std::int32_t SubjectOf(const DocIndex& ix, const Frame& frame,
                       const std::vector<std::int32_t>& free_actors) {
  const TriggerHit& head = frame.head();
  for (const std::int32_t a : free_actors) {
    const std::uint32_t first = ix.mention(a).first_token;
    if (first >= head.end && first < head.end + kSubjectReach) return a;
  }
  std::int32_t before = kNone;
  for (const std::int32_t a : free_actors) {
    if (ix.mention(a).end_token <= head.first) before = a;
  }
  return before;
}

// A frame whose event has a second party by nature (an attack, a clash, an
// arrest, a deal); a group's own change or new base has none unless a cue names it.
bool OpposedFrame(const Frame& frame) {
  const SubEventType t = frame.head().row->fixed;
  return t != SubEventType::kChangeToGroupActivity &&
         t != SubEventType::kHeadquartersOrBaseEstablished && t != SubEventType::kOther;
}

Roles AssignActors(const DocIndex& ix, const Frame& frame) {
  Roles roles;
  const std::vector<std::int32_t> actors =
      MentionsIn(ix, MentionKind::kActor, frame.window_begin, frame.window_end);
  std::int32_t agent = kNone, between_first = kNone, between_second = kNone, target = kNone,
               victim = kNone;
  std::vector<std::int32_t> free_actors;
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const std::int32_t a = actors[k];
    const std::uint32_t first = ix.mention(a).first_token;
    if (CueBefore(ix, first, frame.window_begin, CueClass::kWith)) {
      roles.assoc.push_back(a);
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kAgent)) {
      if (agent == kNone) agent = a;
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kBetween)) {
      between_first = a;
      if (k + 1 < actors.size()) between_second = actors[k + 1];
    } else if (a == between_second) {
      continue;
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kTarget)) {
      if (target == kNone) target = a;
    } else if (CueBefore(ix, first, frame.window_begin, CueClass::kMembers) &&
               CueInRange(ix, CueClass::kDeath, frame.window_begin, first)) {
      if (victim == kNone) victim = a;
    } else {
      free_actors.push_back(a);
    }
  }
  const TriggerHit& head = frame.head();
  bool exposed = false;
  for (std::uint32_t k = 1; k <= kExposedReach && head.first >= frame.window_begin + k; ++k) {
    exposed = exposed || ix.Cue(head.first - k, CueClass::kExposed);
  }
  if (exposed && agent == kNone) {
    // تعرضت X لقصف من Y: X is the target, the name after the trigger the attacker.
    for (const std::int32_t a : free_actors) {
      if (ix.mention(a).first_token >= head.end) {
        agent = a;
        break;
      }
    }
    for (const std::int32_t a : free_actors) {
      if (ix.mention(a).end_token <= head.first && target == kNone) target = a;
    }
    std::erase_if(free_actors, [&](std::int32_t a) { return a == agent || a == target; });
  }
  if (agent != kNone) {
    roles.actor1 = agent;
  } else if (between_first != kNone) {
    roles.actor1 = between_first;
  } else {
    roles.actor1 = SubjectOf(ix, frame, free_actors);
  }
  for (const std::int32_t candidate : {between_second, target, victim}) {
    if (candidate != kNone && candidate != roles.actor1) {
      roles.actor2 = candidate;
      break;
    }
  }
  if (roles.actor2 == kNone && OpposedFrame(frame)) {
    for (const std::int32_t a : free_actors) {
      if (a != roles.actor1 &&
          ix.mention(a).id != ix.mention(roles.actor1 == kNone ? a : roles.actor1).id) {
        roles.actor2 = a;
        break;
      }
    }
  }
  if (roles.actor1 != kNone && roles.actor2 != kNone &&
      ix.mention(roles.actor1).id == ix.mention(roles.actor2).id) {
    roles.actor2 = kNone;
  }
  // Two actors of one cohesive camp fight together: the second is an associate.
  if (roles.actor1 != kNone && roles.actor2 != kNone) {
    const Camp* c1 = ix.lexicon->CampOf(ix.mention(roles.actor1).id);
    const Camp* c2 = ix.lexicon->CampOf(ix.mention(roles.actor2).id);
    if (c1 != nullptr && c2 != nullptr && c1->cohesive && c1->name == c2->name) {
      roles.assoc.push_back(roles.actor2);
      roles.actor2 = kNone;
    }
  }
  return roles;
}

bool IsState(const Mention& m) { return m.inter == 1; }

SubEventType ResolveHit(const DocIndex& ix, const Frame& frame, const TriggerHit& hit,
                        const Roles& roles) {
  // The weapon is named next to the trigger (قصف الطيران الحربي، قصف مدفعي،
  // بالبراميل): cues further away in a long clause describe other attacks.
  const std::uint32_t b =
      std::max(frame.window_begin, hit.first > kWeaponReach ? hit.first - kWeaponReach : 0);
  const std::uint32_t e = std::min(frame.window_end, hit.end + kWeaponReach);
  switch (hit.row->cls) {
    case TriggerClass::kFixed:
      return hit.row->fixed;
    case TriggerClass::kExplosion:
      if (CueInRange(ix, CueClass::kAir, b, e)) return SubEventType::kAirDroneStrike;
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

Location ToLocation(const Mention& m) {
  Location loc;
  loc.name = m.surface;
  loc.place_id = m.id;
  loc.lat = m.lat;
  loc.lon = m.lon;
  switch (m.relation) {
    case link::PlaceRelation::kItself:
      loc.geo_precision = 1;
      break;
    case link::PlaceRelation::kNear:
    case link::PlaceRelation::kCountryside:
      loc.geo_precision = 2;
      break;
    case link::PlaceRelation::kRegion:
      loc.geo_precision = 3;
      break;
  }
  if (m.place_kind == "governorate" || m.place_kind == "region") {
    loc.geo_precision = std::max(loc.geo_precision, 3);
  } else if (m.place_kind == "district" || m.place_kind == "subdistrict") {
    loc.geo_precision = std::max(loc.geo_precision, 2);
  }
  loc.admin1 = m.admin1;
  loc.admin2 = m.admin2;
  loc.admin3 = m.admin3;
  loc.pcode = m.pcode;
  loc.country = m.country;
  loc.span = m.name_span;
  return loc;
}

bool IsArea(const Mention& m) {
  return m.place_kind == "governorate" || m.place_kind == "district" ||
         m.place_kind == "subdistrict" || m.place_kind == "region" || m.place_kind == "country" ||
         m.relation == link::PlaceRelation::kRegion;
}

// U+0648 (waw) as it appears in normalised text.
constexpr std::string_view kWaw = "\xD9\x88";

// True when token t opens with the conjunction و (and has a reading that cuts it).
bool StartsWithConjunction(const DocIndex& ix, std::uint32_t t) {
  const Token& tok = ix.text->tokens[t];
  if (tok.reading_count < 2) return false;
  return ix.text->norm.View(tok.norm).substr(0, kWaw.size()) == kWaw;
}

// U+0628 (ba), the preposition ب, as it appears in normalised text.
constexpr std::string_view kBa = "\xD8\xA8";
// U+0641 U+064A, the preposition في, as it appears in normalised text.
constexpr std::string_view kIn = "\xD9\x81\xD9\x8A";

// True when token t carries the preposition ب (بمدينة، وبريف).
bool LocativeProclitic(const DocIndex& ix, std::uint32_t t) {
  const Token& tok = ix.text->tokens[t];
  if (tok.reading_count < 2) return false;
  std::string_view word = ix.text->norm.View(tok.norm);
  if (StartsWithConjunction(ix, t)) word.remove_prefix(kWaw.size());
  return word.substr(0, kBa.size()) == kBa;
}

// True when the text says something happened at place m: a preposition or a
// place word before it (في اسطنبول، في مدينة سروج، بمدينة سروج) or a relation
// to it (قرب، ريف), rather than the place standing for its government.
bool Located(const DocIndex& ix, const Mention& m) {
  if (m.relation != link::PlaceRelation::kItself) return true;
  if (LocativeProclitic(ix, m.first_token)) return true;
  for (std::uint32_t k = 1; k <= 2 && m.first_token >= k; ++k) {
    const std::uint32_t t = m.first_token - k;
    if (ix.text->norm.View(ix.text->tokens[t].norm) == kIn) return true;
    if (k == 1 && LocativeProclitic(ix, t)) return true;
  }
  return false;
}

// Places of the window, without areas that merely contain another listed place
// (قرية X بريف حلب: the event is at X).
std::vector<std::int32_t> EventPlaces(const DocIndex& ix, const Frame& frame, bool violent) {
  std::vector<std::int32_t> places;
  for (const std::int32_t p :
       MentionsIn(ix, MentionKind::kPlace, frame.window_begin, frame.window_end)) {
    if (!ix.mention(p).dateline) places.push_back(p);
  }
  std::vector<std::int32_t> kept;
  for (const std::int32_t p : places) {
    const Mention& mp = ix.mention(p);
    const bool contains_other =
        IsArea(mp) && std::any_of(places.begin(), places.end(), [&](std::int32_t q) {
          const Mention& mq = ix.mention(q);
          return q != p && !IsArea(mq) &&
                 (mq.admin1 == mp.admin1 || mq.country != mp.country || mp.place_kind == "country");
        });
    if (!contains_other) kept.push_back(p);
  }
  // Beside a Syrian place, a foreign one is where the news was made or whom it
  // concerns (واشنطن، أنقرة stand for governments), not where it happened;
  // alone, it is where violence happened only when the text places it there
  // (في اسطنبول، بمدينة سروج، قرب الحدود); a deal or a statement may be placed
  // at the government that makes it.
  const bool any_syrian = std::any_of(
      kept.begin(), kept.end(), [&](std::int32_t p) { return ix.mention(p).country == "Syria"; });
  std::erase_if(kept, [&](std::int32_t p) {
    return ix.mention(p).country != "Syria" &&
           (any_syrian || (violent && !Located(ix, ix.mention(p))));
  });
  // A gazetteer place beats a Syrian name found only by its cue word (معمل الغاز
  // في الراموسة); foreign places have no coordinates and stay.
  const auto cue_only = [&](std::int32_t p) {
    return !ix.mention(p).lat.has_value() && ix.mention(p).country == "Syria";
  };
  const bool any_known = std::any_of(kept.begin(), kept.end(),
                                     [&](std::int32_t p) { return ix.mention(p).lat.has_value(); });
  if (any_known && !std::all_of(kept.begin(), kept.end(), cue_only)) std::erase_if(kept, cue_only);
  return kept;
}

bool IsPunct(const DocIndex& ix, std::uint32_t t, std::string_view mark) {
  const Token& tok = ix.text->tokens[t];
  return tok.kind == text::TokenKind::kPunct && ix.text->norm.View(tok.norm) == mark;
}

// True when places a and b (a before b) are items of one list: at most two
// words lie between them, none of them a name, and the list goes on with a
// comma or the conjunction و, on b itself (والحسكة), on the word after a, or
// on a place word before b (وبلدتي النعيمة، درعا البلد وحي طريق السد).
bool Coordinated(const DocIndex& ix, const Mention& a, const Mention& b) {
  if (b.first_token < a.end_token || b.first_token - a.end_token > 2) return false;
  bool joined = StartsWithConjunction(ix, b.first_token);
  for (std::uint32_t t = a.end_token; t < b.first_token; ++t) {
    if (ix.mention_at[t] != kNone) return false;
    const bool comma = IsPunct(ix, t, ",");
    // A closing bracket ends an aside that named the last item again: (كوباني).
    const bool bracket = IsPunct(ix, t, ")") && t == a.end_token;
    if (ix.text->tokens[t].kind == text::TokenKind::kPunct && !comma && !bracket) return false;
    joined = joined || comma ||
             ((t == a.end_token || t + 1 == b.first_token) && StartsWithConjunction(ix, t));
  }
  return joined;
}

// True when b only restates where list item a is: another name for it in
// brackets (عين العرب (كوباني)), the area that holds it (X ومحيطها بريف حلب;
// الحسكة والرقة في سوريا، وقرب الحديثة) or the town an unnamed item is in
// (وحي باب توما والعباسيين في دمشق). The list goes on after b without an event for it.
bool Restates(const DocIndex& ix, const Mention& a, const Mention& b) {
  if (b.first_token < a.end_token || b.first_token - a.end_token > 2) return false;
  if (b.first_token == a.end_token + 1 && IsPunct(ix, a.end_token, "(")) return true;
  if (StartsWithConjunction(ix, b.first_token)) return false;
  const Token& before = ix.text->tokens[b.first_token - 1];
  if (b.first_token > a.end_token && ix.text->norm.View(before.norm) == kIn) return true;
  const bool holds_a =
      IsArea(b) && (b.place_kind == "country" ? b.country == a.country : b.admin1 == a.admin1);
  return holds_a && !IsPunct(ix, b.first_token - 1, ",");
}

// The places that each get an event: a coordinated list becomes one event per
// place (ACLED: one event per location); otherwise the place nearest the trigger.
// The list runs over every place of the window, foreign ones too: the filters
// of EventPlaces choose where the report is, the list says where else it was.
std::vector<std::int32_t> ChoosePlaces(const DocIndex& ix, const Frame& frame, bool violent) {
  const std::vector<std::int32_t> places = EventPlaces(ix, frame, violent);
  if (places.empty()) return {};
  const std::uint32_t head = frame.head().first;
  std::size_t start = 0;
  while (start < places.size() && ix.mention(places[start]).first_token < head) ++start;
  if (start == places.size()) {
    // All before the trigger: the nearest that names a place itself, not a
    // direction from one (قرية الرهجان شرق حماة ... معارك: الرهجان).
    std::int32_t nearest = places.back();
    for (auto it = places.rbegin(); it != places.rend(); ++it) {
      if (ix.mention(*it).relation == link::PlaceRelation::kItself) {
        nearest = *it;
        break;
      }
    }
    return std::vector<std::int32_t>(1, nearest);
  }
  std::vector<std::int32_t> chosen = {places[start]};
  const std::vector<std::int32_t> all =
      MentionsIn(ix, MentionKind::kPlace, frame.window_begin, frame.window_end);
  std::size_t k = std::find(all.begin(), all.end(), places[start]) - all.begin();
  const Mention* last = &ix.mention(places[start]);
  for (++k; k < all.size() && chosen.size() < kMaxPlacesPerFrame; ++k) {
    const Mention& next = ix.mention(all[k]);
    if (Restates(ix, *last, next)) {
      last = &next;
      continue;
    }
    if (!Coordinated(ix, *last, next)) break;
    chosen.push_back(all[k]);
    last = &next;
  }
  return chosen;
}

struct FatalityFigure {
  std::optional<std::int64_t> value;
  ByteSpan span;
  bool vague = false;  // the figure stands for a word (عشرات، العشرات), not a number
};

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
// wounded word (ومئة جريح) is not a death count and ends the toll.
std::int64_t CountsJoinedAfter(const DocIndex& ix, std::uint32_t from, std::uint32_t end,
                               std::uint32_t* toll_end) {
  std::int64_t sum = 0;
  std::uint32_t t = from;
  while (true) {
    std::uint32_t next = t;
    bool joiner = false;
    while (next < end && next < t + kJoinedCountReach && ix.number_at[next] == kNone &&
           !(ix.count_at[next] != 0 && StartsWithConjunction(ix, next))) {
      if (ix.Cue(next, CueClass::kWounded) || ix.Cue(next, CueClass::kDeath)) return sum;
      joiner = joiner || ix.Cue(next, CueClass::kJoiner);
      ++next;
    }
    if (next >= end || next >= t + kJoinedCountReach) return sum;
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

// The fatality figure of the window: the first count beside a death word,
// with the counts joined to it; 0 when the text reports deaths without a
// count (سقوط قتلى) or says no one was hurt (دون أنباء عن إصابات). Where
// reports of one event differ, MergeRepeats keeps the lowest.
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
      fig.value = 0;
      fig.span = ix.Original(d, d + 1);
    }
  }
  return fig;
}

// The date of the frame: the date expression nearest the trigger in the
// sentence, else the latest one of the two sentences before, else the
// publication date as "within a week" (news reports what happened lately).
void FillDate(const DocIndex& ix, const text::Sentence& sentence, std::uint32_t sentence_index,
              std::uint32_t trigger, Event* e) {
  const text::DateMention* best = nullptr;
  std::uint32_t best_distance = UINT32_MAX;
  const std::uint32_t floor =
      sentence_index >= 2 ? ix.text->sentences[sentence_index - 2].first_token : 0;
  for (const text::DateMention& d : ix.text->dates) {
    if (d.first_token >= sentence.end_token) break;
    if (d.first_token < floor) continue;
    const bool same = d.first_token >= sentence.first_token;
    const std::uint32_t distance =
        same ? (d.first_token > trigger ? d.first_token - trigger : trigger - d.first_token)
             : UINT32_MAX - 1 - (d.first_token - floor);
    if (distance <= best_distance) {
      best_distance = distance;
      best = &d;
    }
  }
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
  if (CueInRange(ix, CueClass::kPlanned, frame.window_begin, frame.head().end)) {
    return EventStatus::kPlanned;
  }
  if (CueInRange(ix, CueClass::kBackground, frame.window_begin, frame.window_end)) {
    return EventStatus::kBackground;
  }
  if (ix.pub_date && !e.date.empty()) {
    if (auto d = text::CivilDate::FromIso(e.date)) {
      if (ix.pub_date->ToDays() - d->ToDays() > kBackgroundDays) return EventStatus::kBackground;
    }
  }
  return EventStatus::kCurrent;
}

// Who says so: a reporting or denying verb and the source or actor it
// introduces (أعلنت X، بحسب X، X قالت), within the sentence.
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

void SetActor(const DocIndex& ix, std::int32_t m, std::string* id, int* inter,
              std::optional<ByteSpan>* span) {
  if (m == kNone) return;
  *id = ix.mention(m).id;
  *inter = ix.mention(m).inter;
  *span = ix.mention(m).original;
}

class AssemblyRun {
 public:
  AssemblyRun(const Lexicon& lexicon, const DocIndex& ix, std::vector<Event>* out)
      : lexicon_(lexicon), ix_(ix), out_(out) {}

  void Sentence(std::uint32_t s) {
    const text::Sentence& sentence = ix_.text->sentences[s];
    const std::uint32_t begin = std::max(sentence.first_token, sentence.dateline_end_token);
    const std::uint32_t end = sentence.end_token;
    if (begin >= end) return;
    if (sentence.paragraph_start) context_.claims.clear();
    if (IsHeadline(s)) return;
    const std::vector<Claim> claims = FindClaims(ix_, sentence);
    if (!claims.empty()) context_.claims = claims;
    const bool follows_bombardment =
        !context_.bombardment.empty() && s <= context_.bombardment_sentence + 2;
    const std::vector<Frame> frames =
        BuildFrames(ix_, TriggersOf(s), begin, end, follows_bombardment);
    for (const Frame& frame : frames) Emit(s, sentence, frame);
    if (frames.empty()) RememberPlace(s, begin, end);
  }

 private:
  void Emit(std::uint32_t s, const text::Sentence& sentence, const Frame& frame) {
    const Roles roles = AssignActors(ix_, frame);
    SubEventType sub = ResolveFrame(ix_, frame, roles);
    if (!context_.bombardment.empty() && s <= context_.bombardment_sentence + 2 &&
        IsUncuedBombardment(frame)) {
      sub = *ParseSubEventType(context_.bombardment);
    }
    Event base;
    base.sub_event_type = std::string(SubEventTypeName(sub));
    base.event_type = std::string(EventTypeOf(sub));
    SetActor(ix_, roles.actor1, &base.actor1, &base.inter1, &base.actor1_span);
    SetActor(ix_, roles.actor2, &base.actor2, &base.inter2, &base.actor2_span);
    for (const std::int32_t a : roles.assoc) {
      const std::string& id = ix_.mention(a).id;
      if (id != base.actor1 && id != base.actor2 &&
          std::find(base.assoc_actor_1.begin(), base.assoc_actor_1.end(), id) ==
              base.assoc_actor_1.end()) {
        base.assoc_actor_1.push_back(id);
      }
    }
    InheritSubject(s, frame, &base);
    ContinueDyad(s, &base);
    CiviliansAsTarget(frame, &base);
    RetypeTerritory(&base);
    base.trigger = ix_.Original(frame.head().first, frame.hits.back().end);
    FillDate(ix_, sentence, s, frame.head().first, &base);
    base.status = DecideStatus(ix_, sentence, frame, base);
    base.claims = context_.claims;
    base.confidence = frame.head().row->strong ? 0.8 : 0.6;

    std::vector<std::int32_t> places =
        ChoosePlaces(ix_, frame, base.event_type != "Strategic developments");
    // ACLED splits violence by place; a statement or a deal is one event.
    if (base.event_type == "Strategic developments" && places.size() > 1) {
      places.erase(places.begin() + 1, places.end());
    }
    std::uint32_t previous_end = frame.window_begin;
    for (std::size_t k = 0; k < std::max<std::size_t>(1, places.size()); ++k) {
      Event e = base;
      bool scene_only = false;
      std::uint32_t ev_begin =
          k == 0 ? std::min(frame.head().first, EvidenceStart(frame, roles)) : previous_end;
      std::uint32_t ev_end = frame.hits.back().end;
      if (!places.empty()) {
        const Mention& p = ix_.mention(places[k]);
        e.location = ToLocation(p);
        ev_end = std::max(ev_end, p.end_token);
        if (k > 0) ev_end = p.end_token;
        previous_end = p.end_token;
      } else {
        scene_only = FallbackLocation(s, &e);
      }
      ev_begin = std::max(ev_begin, frame.window_begin);
      ev_end = std::min(std::max(ev_end, ev_begin + 1), frame.window_end);
      // One place: the evidence is the clause, the frame's whole window.
      if (places.size() <= 1) {
        ev_begin = frame.window_begin;
        ev_end = frame.window_end;
      } else if (k == 0) {
        ev_begin = frame.window_begin;
      } else if (k + 1 == places.size()) {
        ev_end = frame.window_end;
      }
      e.evidence = ix_.Original(ev_begin, ev_end);
      const FatalityFigure fig = k == 0 ? FrameFatalities(s, frame) : FatalityFigure{};
      // Deaths belong to violence; a deal or a protest reported beside them does not own them.
      const bool violent = e.event_type != "Strategic developments" && e.event_type != "Protests";
      if (fig.value && violent) {
        e.fatalities = fig.value;
        e.fatalities_span = fig.span;
        e.fatalities_vague = fig.vague;
        e.fatalities_text =
            std::string(ix_.doc->text.substr(fig.span.begin.value, fig.span.size()));
      }
      if (e.location) {
        context_.location = e.location;
        context_.location_sentence = s;
      }
      if (!Codable(e, frame, scene_only)) continue;
      out_->push_back(std::move(e));
    }
    if (sub == SubEventType::kAirDroneStrike ||
        sub == SubEventType::kShellingArtilleryMissileAttack) {
      context_.bombardment = base.sub_event_type;
      context_.bombardment_sentence = s;
    }
    if (!base.actor1.empty()) {
      context_.subject = base.actor1;
      context_.subject_inter = base.inter1;
      context_.subject_sentence = s;
    }
    if (!base.actor1.empty() && !base.actor2.empty()) {
      context_.actor1 = base.actor1;
      context_.actor2 = base.actor2;
      context_.inter1 = base.inter1;
      context_.inter2 = base.inter2;
      context_.actors_sentence = s;
    }
  }

  // An event an ACLED coder could record: with a place, or at least a named
  // side for a word that is an event by itself (غارات، اشتباكات); a weak
  // word (هجوم، استهدف) needs a side and a place. A place carried from a
  // sentence that reported nothing does not count.
  static bool Codable(const Event& e, const Frame& frame, bool scene_only) {
    const bool strong = std::any_of(frame.hits.begin(), frame.hits.end(),
                                    [](const TriggerHit& h) { return h.row->strong; });
    const bool side = !e.actor1.empty() || !e.actor2.empty();
    const bool place = e.location.has_value() && !scene_only;
    if (strong) return side || place;
    return side && place;
  }

  // The triggers of sentence s (after its dateline), found once per sentence.
  const std::vector<TriggerHit>& TriggersOf(std::uint32_t s) {
    if (triggers_.empty()) triggers_.resize(ix_.text->sentences.size());
    if (!triggers_[s]) {
      const text::Sentence& sentence = ix_.text->sentences[s];
      const std::uint32_t begin = std::max(sentence.first_token, sentence.dateline_end_token);
      triggers_[s] = FindTriggers(ix_, lexicon_, begin, std::max(begin, sentence.end_token));
    }
    return *triggers_[s];
  }

  // The toll in the frame's window, else in the next sentence when that one
  // only reports the outcome (وأسفر القصف عن مقتل 7 مدنيين) and has no event of its own.
  FatalityFigure FrameFatalities(std::uint32_t s, const Frame& frame) {
    FatalityFigure fig = Fatalities(ix_, frame.window_begin, frame.window_end);
    if (fig.value && *fig.value > 0) return fig;
    if (s + 1 >= ix_.text->sentences.size()) return fig;
    const text::Sentence& next = ix_.text->sentences[s + 1];
    const std::vector<TriggerHit>& hits = TriggersOf(s + 1);
    const bool only_killing = std::all_of(hits.begin(), hits.end(), [](const TriggerHit& h) {
      return h.row->cls == TriggerClass::kKilling;
    });
    if (!only_killing) return fig;
    const FatalityFigure later = Fatalities(ix_, next.first_token, next.end_token);
    return later.value && *later.value > 0 ? later : fig;
  }

  // The article's headline: its first sentence, alone on its line and without
  // a full stop. A headline repeats what the body reports in full.
  bool IsHeadline(std::uint32_t s) const {
    if (s != 0 || ix_.text->sentences.size() < 2) return false;
    const text::Sentence& first = ix_.text->sentences[0];
    const text::Sentence& next = ix_.text->sentences[1];
    if (!next.paragraph_start || first.end_token == first.first_token) return false;
    const Token& last = ix_.text->tokens[first.end_token - 1];
    return !(last.kind == text::TokenKind::kPunct && ix_.text->norm.View(last.norm) == ".");
  }

  // A bombardment word with no weapon named in its window (الضربات، استهدفت).
  bool IsUncuedBombardment(const Frame& frame) const {
    const bool all_bombardment =
        std::all_of(frame.hits.begin(), frame.hits.end(),
                    [](const TriggerHit& h) { return h.row->cls == TriggerClass::kExplosion; });
    return all_bombardment &&
           !CueInRange(ix_, CueClass::kAir, frame.window_begin, frame.window_end) &&
           !CueInRange(ix_, CueClass::kGround, frame.window_begin, frame.window_end);
  }

  std::uint32_t EvidenceStart(const Frame& frame, const Roles& roles) const {
    std::uint32_t start = frame.head().first;
    if (roles.actor1 != kNone) start = std::min(start, ix_.mention(roles.actor1).first_token);
    return std::max(start, frame.window_begin);
  }

  // Who took ground decides the sub-type; the taker may have been inherited
  // from the previous report after the frame was typed.
  static void RetypeTerritory(Event* e) {
    const bool territory =
        e->sub_event_type == SubEventTypeName(SubEventType::kGovernmentRegainsTerritory) ||
        e->sub_event_type == SubEventTypeName(SubEventType::kNonStateActorOvertakesTerritory);
    if (!territory || e->actor1.empty()) return;
    e->sub_event_type = std::string(
        SubEventTypeName(e->inter1 == 1 ? SubEventType::kGovernmentRegainsTerritory
                                        : SubEventType::kNonStateActorOvertakesTerritory));
  }

  // A bombing or an attack whose victims are people with no side named (32
  // شخصا، مدنيين، أطفال) targets civilians (spec: civilians are CIVILIANS).
  void CiviliansAsTarget(const Frame& frame, Event* e) const {
    if (!e->actor2.empty() || e->actor1 == kCiviliansId) return;
    if (e->event_type != "Explosions/Remote violence" &&
        e->event_type != "Violence against civilians") {
      return;
    }
    if (!CueInRange(ix_, CueClass::kCivilian, frame.window_begin, frame.window_end)) return;
    if (CueInRange(ix_, CueClass::kMembers, frame.window_begin, frame.window_end)) return;
    e->actor2 = kCiviliansId;
    e->inter2 = kCiviliansInter;
  }

  // A verb with no subject named (وشنت غارات، كما نفذت بدورها) continues the
  // subject of the previous report: Arabic drops a subject pronoun it can infer.
  void InheritSubject(std::uint32_t s, const Frame& frame, Event* e) const {
    if (!e->actor1.empty() || !frame.head().row->verb || context_.subject.empty()) return;
    if (s > context_.subject_sentence + 1 || context_.subject == e->actor2) return;
    e->actor1 = context_.subject;
    e->inter1 = context_.subject_inter;
  }

  // One side named: the other is the side this one fought in the previous
  // report of the article (news follows one dyad at a time).
  void ContinueDyad(std::uint32_t s, Event* e) const {
    if (context_.actor1.empty() || s > context_.actors_sentence + 2) return;
    if (!e->actor1.empty() && e->actor2.empty()) {
      if (e->actor1 == context_.actor1) {
        e->actor2 = context_.actor2;
        e->inter2 = context_.inter2;
      } else if (e->actor1 == context_.actor2) {
        e->actor2 = context_.actor1;
        e->inter2 = context_.inter1;
      }
    }
  }

  // A sentence with no event that names a town still sets the scene for the
  // reports after it (معركة الزبداني ... كما أن القصف الصاروخي ...).
  void RememberPlace(std::uint32_t s, std::uint32_t begin, std::uint32_t end) {
    const std::vector<std::int32_t> places = MentionsIn(ix_, MentionKind::kPlace, begin, end);
    for (auto it = places.rbegin(); it != places.rend(); ++it) {
      const Mention& m = ix_.mention(*it);
      if (m.dateline || !m.lat || IsArea(m) || m.country != "Syria") continue;
      context_.scene = ToLocation(m);
      context_.scene_sentence = s;
      return;
    }
  }

  // The place of the report before (within two sentences), or a town a
  // sentence named since. Returns true when only such a town places it: it
  // places the report but does not make a bare word an event.
  bool FallbackLocation(std::uint32_t s, Event* e) const {
    const bool reported = context_.location && s <= context_.location_sentence + 2;
    const bool scene = context_.scene && s <= context_.scene_sentence + 2 &&
                       (!reported || context_.scene_sentence > context_.location_sentence);
    if (scene) {
      e->location = context_.scene;
    } else if (reported) {
      e->location = context_.location;
    }
    return scene && !reported;
  }

  const Lexicon& lexicon_;
  const DocIndex& ix_;
  std::vector<Event>* out_;
  Context context_;
  std::vector<std::optional<std::vector<TriggerHit>>> triggers_;  // by sentence, when found
};

bool SameActors(const Event& a, const Event& b) {
  const auto covers = [](const Event& x, const Event& y) {
    return (y.actor1.empty() || y.actor1 == x.actor1 || y.actor1 == x.actor2) &&
           (y.actor2.empty() || y.actor2 == x.actor1 || y.actor2 == x.actor2);
  };
  return covers(a, b) || covers(b, a);
}

std::string LocationKey(const Event& e) {
  if (!e.location) return "";
  return e.location->place_id.empty() ? e.location->name : e.location->place_id;
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

// One event per type, place, day and dyad (ACLED's unit): a report repeated
// in the headline, the lead and the body is one event. The first mention
// stays, completed by what the later ones add; the lowest figure wins.
void MergeRepeats(std::vector<Event>* events) {
  std::vector<Event> kept;
  for (Event& e : *events) {
    auto same = std::find_if(kept.begin(), kept.end(), [&](const Event& k) {
      if (k.sub_event_type != e.sub_event_type || k.status != e.status) return false;
      return k.date == e.date && SamePlace(k, e) && SameActors(k, e);
    });
    if (same == kept.end()) {
      kept.push_back(std::move(e));
      continue;
    }
    if (same->actor1.empty() && !e.actor1.empty() && e.actor1 != same->actor2) {
      same->actor1 = e.actor1;
      same->inter1 = e.inter1;
    }
    if (same->actor2.empty() && !e.actor2.empty() && e.actor2 != same->actor1) {
      same->actor2 = e.actor2;
      same->inter2 = e.inter2;
    }
    if (BetterFigure(e, *same)) {
      same->fatalities = e.fatalities;
      same->fatalities_text = e.fatalities_text;
      same->fatalities_span = e.fatalities_span;
      same->fatalities_vague = e.fatalities_vague;
    }
    for (const Claim& c : e.claims) {
      const bool known = std::any_of(same->claims.begin(), same->claims.end(),
                                     [&](const Claim& k) { return k.source == c.source; });
      if (!known) same->claims.push_back(c);
    }
  }
  *events = std::move(kept);
}

// A battle has two sides by nature; a bombardment of a place often names no
// target (قصفت قوات النظام مناطق في داريا), and ACLED then codes none.
bool IsViolence(const Event& e) { return e.event_type == "Battles"; }

// A violent event that names one side only: the other side is the article's
// most-named actor of an opposing camp, when the article names one at least twice.
void FillOpponents(const DocIndex& ix, std::vector<Event>* events) {
  std::unordered_map<std::string, int> counts;
  std::unordered_map<std::string, int> inter;
  for (const Mention& m : ix.linked->mentions) {
    if (m.kind != MentionKind::kActor || m.id.empty()) continue;
    ++counts[m.id];
    inter[m.id] = m.inter;
  }
  for (Event& e : *events) {
    if (!IsViolence(e) || e.actor1.empty() == e.actor2.empty()) continue;
    const std::string& known = e.actor1.empty() ? e.actor2 : e.actor1;
    const Camp* camp = ix.lexicon->CampOf(known);
    if (camp == nullptr) continue;
    std::string best;
    int best_count = 1;
    for (const auto& [id, n] : counts) {
      const Camp* other = ix.lexicon->CampOf(id);
      if (other == nullptr || other->name == camp->name) continue;
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

}  // namespace

void EventAssembler::Assemble(const Document& doc, const text::AnalyzedText& analyzed,
                              const link::LinkedText& linked,
                              std::optional<text::CivilDate> pub_date,
                              std::vector<Event>* out) const {
  out->clear();
  const DocIndex ix = BuildIndex(doc, analyzed, linked, pub_date, *lexicon_);
  AssemblyRun run(*lexicon_, ix, out);
  for (std::uint32_t s = 0; s < analyzed.sentences.size(); ++s) run.Sentence(s);
  FillOpponents(ix, out);
  MergeRepeats(out);
}

}  // namespace rasd::extract
