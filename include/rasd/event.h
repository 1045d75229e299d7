// The event record of spec/events.md section 2, and the document-level
// actor and place mentions of section 5, as rasd produces them. Spans are
// byte offsets into Document::text; the JSON output converts them to code points.
#ifndef RASD_EVENT_H_
#define RASD_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rasd/span.h"

namespace rasd {

enum class EventStatus : std::uint8_t { kCurrent, kBackground, kPlanned, kDenied };
enum class ClaimStance : std::uint8_t { kAsserts, kDenies };

struct Location {
  std::string name;      // as written, clitics removed
  std::string place_id;  // gazetteer id, or empty
  std::optional<double> lat;
  std::optional<double> lon;
  int geo_precision = 1;  // 1 the place itself, 2 near it / part of a region, 3 larger region
  std::string admin1;     // governorate (Arabic), when known
  std::string admin2;
  std::string admin3;
  std::string pcode;
  std::string country = "Syria";
  ByteSpan span;  // where the text names it
};

struct Claim {
  std::string source;  // actor id, outlet id, or a short Arabic name
  ClaimStance stance = ClaimStance::kAsserts;
  std::string cue;  // the reporting verb as written
  ByteSpan span;    // the source's name
};

struct Event {
  std::string event_type;
  std::string sub_event_type;
  std::string actor1;  // canonical id, "new:<name>", or empty
  std::string actor2;
  std::vector<std::string> assoc_actor_1;
  std::vector<std::string> assoc_actor_2;
  int inter1 = 0;  // ACLED inter codes (0 = no actor)
  int inter2 = 0;
  std::optional<Location> location;
  std::string date;        // ISO, or empty
  int time_precision = 0;  // 1 day, 2 week, 3 month; 0 with no date
  std::optional<std::int64_t> fatalities;
  std::string fatalities_text;
  // The figure is the convention for a word (عشرات = 10), not a number: a
  // precise figure for the same event replaces it even when higher.
  bool fatalities_vague = false;
  EventStatus status = EventStatus::kCurrent;
  std::vector<Claim> claims;
  double confidence = 0.0;

  // Evidence: the sentence or clause that states the event, and each argument.
  ByteSpan evidence;
  ByteSpan trigger;
  std::optional<ByteSpan> actor1_span;
  std::optional<ByteSpan> actor2_span;
  std::optional<ByteSpan> date_span;
  std::optional<ByteSpan> fatalities_span;
};

struct ActorMention {
  std::string id;    // canonical id or "new:<name>"
  std::string text;  // as first written in the article
  std::vector<ByteSpan> spans;
  double confidence = 1.0;  // lower for fuzzy matches and weak aliases
  bool is_source = false;   // an outlet or monitor: a claim source, not an event actor
};

struct PlaceMention {
  std::string name;      // as written, clitics removed
  std::string place_id;  // gazetteer id, or empty for places found by a cue word
  std::optional<double> lat;
  std::optional<double> lon;
  std::string admin1;
  std::string pcode;
  std::vector<ByteSpan> spans;
  double confidence = 1.0;
  bool dateline_only = false;  // named only where the article was filed
};

std::string_view EventStatusName(EventStatus s);
std::string_view ClaimStanceName(ClaimStance s);

}  // namespace rasd

#endif  // RASD_EVENT_H_
