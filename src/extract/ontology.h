// Internal header. The ACLED ontology of spec/events.md section 1: 6 event
// types, 25 sub-event types, spelled exactly as the spec and ACLED spell them.
#ifndef RASD_EXTRACT_ONTOLOGY_H_
#define RASD_EXTRACT_ONTOLOGY_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace rasd::extract {

enum class SubEventType : std::uint8_t {
  kArmedClash,
  kGovernmentRegainsTerritory,
  kNonStateActorOvertakesTerritory,
  kChemicalWeapon,
  kAirDroneStrike,
  kSuicideBomb,
  kShellingArtilleryMissileAttack,
  kRemoteExplosiveLandmineIed,
  kGrenade,
  kSexualViolence,
  kAttack,
  kAbductionForcedDisappearance,
  kPeacefulProtest,
  kProtestWithIntervention,
  kExcessiveForceAgainstProtesters,
  kViolentDemonstration,
  kMobViolence,
  kAgreement,
  kArrests,
  kChangeToGroupActivity,
  kDisruptedWeaponsUse,
  kHeadquartersOrBaseEstablished,
  kLootingPropertyDestruction,
  kNonViolentTransferOfTerritory,
  kOther,
};

inline constexpr int kSubEventTypeCount = 25;

std::string_view SubEventTypeName(SubEventType t);
std::string_view EventTypeOf(SubEventType t);
std::optional<SubEventType> ParseSubEventType(std::string_view name);

// ACLED's disorder_type for a sub-event type.
std::string_view DisorderTypeOf(SubEventType t);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_ONTOLOGY_H_
