// Names and parents of the 25 sub-event types, in one table.
#include "extract/ontology.h"

#include <array>

namespace rasd::extract {
namespace {

struct Entry {
  std::string_view sub_event_type;
  std::string_view event_type;
};

constexpr std::string_view kBattles = "Battles";
constexpr std::string_view kExplosions = "Explosions/Remote violence";
constexpr std::string_view kCivilians = "Violence against civilians";
constexpr std::string_view kProtests = "Protests";
constexpr std::string_view kRiots = "Riots";
constexpr std::string_view kStrategic = "Strategic developments";

// In the order of SubEventType.
constexpr std::array<Entry, kSubEventTypeCount> kTable = {{
    {"Armed clash", kBattles},
    {"Government regains territory", kBattles},
    {"Non-state actor overtakes territory", kBattles},
    {"Chemical weapon", kExplosions},
    {"Air/drone strike", kExplosions},
    {"Suicide bomb", kExplosions},
    {"Shelling/artillery/missile attack", kExplosions},
    {"Remote explosive/landmine/IED", kExplosions},
    {"Grenade", kExplosions},
    {"Sexual violence", kCivilians},
    {"Attack", kCivilians},
    {"Abduction/forced disappearance", kCivilians},
    {"Peaceful protest", kProtests},
    {"Protest with intervention", kProtests},
    {"Excessive force against protesters", kProtests},
    {"Violent demonstration", kRiots},
    {"Mob violence", kRiots},
    {"Agreement", kStrategic},
    {"Arrests", kStrategic},
    {"Change to group/activity", kStrategic},
    {"Disrupted weapons use", kStrategic},
    {"Headquarters or base established", kStrategic},
    {"Looting/property destruction", kStrategic},
    {"Non-violent transfer of territory", kStrategic},
    {"Other", kStrategic},
}};

}  // namespace

std::string_view SubEventTypeName(SubEventType t) {
  return kTable[static_cast<std::size_t>(t)].sub_event_type;
}

std::string_view EventTypeOf(SubEventType t) {
  return kTable[static_cast<std::size_t>(t)].event_type;
}

std::optional<SubEventType> ParseSubEventType(std::string_view name) {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (kTable[i].sub_event_type == name) return static_cast<SubEventType>(i);
  }
  return std::nullopt;
}

std::string_view DisorderTypeOf(SubEventType t) {
  const std::string_view type = EventTypeOf(t);
  if (type == kStrategic) return "Strategic developments";
  if (type == kProtests || type == kRiots) return "Demonstrations";
  return "Political violence";
}

}  // namespace rasd::extract
