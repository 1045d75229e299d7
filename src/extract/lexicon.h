// Internal header. The extraction lexicons, data/extract/triggers.tsv and
// data/extract/cues.tsv, loaded and validated (file:line diagnostics) and
// compiled into phrase matchers. Immutable once loaded.
#ifndef RASD_EXTRACT_LEXICON_H_
#define RASD_EXTRACT_LEXICON_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "rasd/status.h"

#include "extract/ontology.h"
#include "extract/phrase_matcher.h"

namespace rasd::extract {

// What a trigger row names: a sub-event type, or a class decided by cues.
enum class TriggerClass : std::uint8_t {
  kFixed,      // the row's sub_event_type
  kExplosion,  // Air/drone strike with an air cue, else Shelling
  kBlast,      // Suicide bomb with a suicide cue, else Remote explosive/IED
  kTerritory,  // Government regains territory when the taker is the state, else non-state
  kKilling,    // Attack on civilians, else Armed clash; only without another trigger
};

struct Trigger {
  TriggerClass cls = TriggerClass::kFixed;
  SubEventType fixed = SubEventType::kOther;  // for kFixed; a default for the others
  bool verb = false;
  bool strong = false;
  bool indefinite_only = false;  // a definite form refers back to a reported event
  bool agent_after = false;  // counts only with "at the hands of" after it (سقوط X بيد Y)
  bool state_as_noun = false;  // its noun after a present-tense verb is a state (يحتفظ بسيطرته)
  std::uint32_t line = 0;  // in triggers.tsv, for diagnostics and docs
};

enum class CueClass : std::uint8_t {
  kAir,
  kGround,
  kSuicide,
  kRemote,
  kIntervention,
  kDeath,
  kWounded,
  kReport,
  kDeny,
  kPlanned,
  kBackground,
  kNegation,
  kAgent,
  kTarget,
  kBetween,
  kWith,
  kMembers,
  kCivilian,
  kExposed,
  kPrevent,
  kUnharmed,
  kJoiner,
  kDescriptor,
  kDemonstrative,
  kOpinion,
  kAmong,
  kNear,
  kBase,
  kSince,
  kAffiliation,
  kCause,
  kResult,
  kHolder,
  kContrast,
  kAttempt,
  kRelative,
  kReaction,
  kSupport,
  kPluperfect,
  kAircraft,
  kThatHe,
  kThatShe,
  kHolding,
  kPolice,
  kPerpetrator,
  kTurn,
  kAnother,
  kBothSides,
  kComparison,
  kBehind,
  kElsewhere,
  kSideMarker,
  kOrdinal,
  kDuring,
  kMeeting,
  kOutcome,
  kTakingPart,
  kHeldBy,
  kGiving,
  kToControl,
  kCaptives,
  kDirection,
};
inline constexpr int kCueClassCount = 62;

// A side of the war (data/extract/camps.tsv).
struct Camp {
  std::string name;
  bool cohesive = false;  // members fight together, never each other
};

struct LexiconDiagnostic {
  std::string file;
  std::uint32_t line = 0;
  std::string message;
};

// A row of a table that codes an actor by a key and the event's date
// (unattributed_air.tsv, air_campaigns.tsv).
struct DatedActorRow {
  std::string key;
  std::string from;  // ISO date or "" for open
  std::string to;
  std::string actor;
  bool Covers(const std::string& date) const {  // ISO dates compare as strings
    return (from.empty() || date >= from) && (to.empty() || date <= to);
  }
};

class Lexicon {
 public:
  // Loads data_dir/extract/{triggers,cues}.tsv. Problems in rows are listed in
  // *diagnostics (and the row skipped); a missing file is an error Status.
  static Result<Lexicon> Load(const std::string& data_dir,
                              std::vector<LexiconDiagnostic>* diagnostics);

  const PhraseMatcher& triggers() const { return triggers_; }
  const PhraseMatcher& cues() const { return cues_; }
  // Person nouns that count 1 or 2 (payload: the count) after a death word.
  const PhraseMatcher& count_nouns() const { return count_nouns_; }
  const Trigger& trigger(std::uint32_t id) const { return trigger_rows_[id]; }
  // What an air force's own name makes when it is listed with a ground
  // weapon as taking part (يشارك فيها سلاحي الجو والمدفعية): a weak air
  // strike. Kept here, not in triggers.tsv, because its words are a name the
  // linker found, not forms.
  static const Trigger& ArmListedWithAWeapon() {
    static constexpr Trigger kArmStrike{TriggerClass::kFixed, SubEventType::kAirDroneStrike};
    return kArmStrike;
  }
  static CueClass cue_class(std::uint32_t payload) { return static_cast<CueClass>(payload); }

  // The air force of a state actor (data/extract/air_arms.tsv), or "".
  const std::string& AirArmOf(const std::string& actor) const;
  // The state actor whose air force `arm` is, or "".
  const std::string& StateOfAirArm(const std::string& arm) const;
  // The side an unattributed air strike in Syria on `target` (an actor id) on
  // ISO date `date` is coded to (data/extract/unattributed_air.tsv), or "".
  const std::string& UnattributedAirActor(const std::string& target, const std::string& date) const;
  // The state forces that police and security men named only by what they
  // are stand for at an event in `country` (data/extract/police_forces.tsv), or "".
  const std::string& PoliceForceOf(const std::string& country) const;
  // The enemy of the air campaign `striker` waged on ISO date `date`
  // (data/extract/air_campaigns.tsv), or "".
  const std::string& AirCampaignTarget(const std::string& striker, const std::string& date) const;
  // The camp of an actor, or nullptr for actors outside any camp (civilians, UN, new: groups).
  const Camp* CampOf(const std::string& actor) const;

  // Every actor id the lexicons name, where: `rasd kb check` verifies them
  // against the registry.
  struct ActorReference {
    std::string file;
    std::uint32_t line = 0;
    std::string id;
  };
  const std::vector<ActorReference>& actor_references() const { return actor_references_; }

 private:
  PhraseMatcher triggers_;
  PhraseMatcher cues_;
  PhraseMatcher count_nouns_;
  std::vector<Trigger> trigger_rows_;
  std::unordered_map<std::string, std::string> air_arms_;
  std::unordered_map<std::string, Camp> camps_;
  std::unordered_map<std::string, std::string> police_forces_;  // country -> actor
  std::vector<DatedActorRow> unattributed_air_;                 // key: a camp, or CIVILIANS
  std::vector<DatedActorRow> air_campaigns_;  // key: the striker; actor: its enemy
  std::vector<ActorReference> actor_references_;
};

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_LEXICON_H_
