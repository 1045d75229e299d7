// Names of the event record's enumerations, as spec/events.md spells them.
#include "rasd/event.h"

namespace rasd {

std::string_view EventStatusName(EventStatus s) {
  switch (s) {
    case EventStatus::kCurrent:
      return "current";
    case EventStatus::kBackground:
      return "background";
    case EventStatus::kPlanned:
      return "planned";
    case EventStatus::kDenied:
      return "denied";
  }
  return "current";
}

std::string_view ClaimStanceName(ClaimStance s) {
  return s == ClaimStance::kDenies ? "denies" : "asserts";
}

}  // namespace rasd
