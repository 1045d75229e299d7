// Internal header. ACLED-style CSV (RFC 4180): the 27 columns analysts load
// into their ACLED tooling, in ACLED's order, written from rasd::Event plus
// what the event alone does not carry (id, sources, notes). Shared by
// `rasd extract --format acled-csv` and `rasd query --format acled-csv`.
#ifndef RASD_EXPORT_ACLED_CSV_H_
#define RASD_EXPORT_ACLED_CSV_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "rasd/event.h"

namespace rasd {

// What an export row needs beyond the Event.
struct EventContext {
  std::string event_id;                        // e.g. "SYR17" or "snn-003:2"
  std::string source;                          // outlets that reported it, "; "-joined
  std::string notes;                           // the evidence sentence
  std::optional<std::int64_t> fatalities_max;  // highest reported figure (canonical events)
  int articles = 1;                            // how many articles reported it
  int distinct_sources = 1;
  // Actor id -> ACLED actor name; when empty (or it returns ""), the id is written.
  std::function<std::string(const std::string&)> actor_name;
};

// ACLED's disorder type for an event type and sub-type.
std::string_view AcledDisorderType(std::string_view event_type, std::string_view sub_event_type);

// ACLED's interaction code: the two inter codes, lower first (12, 17, 20 for one actor).
int AcledInteraction(int inter1, int inter2);

// The header line, CRLF-terminated.
void WriteAcledCsvHeader(std::string* out);

// One event as one CSV record, CRLF-terminated.
void AppendAcledCsvRow(const Event& event, const EventContext& context, std::string* out);

// Appends `field` quoted as RFC 4180 requires (only when needed).
void AppendCsvField(std::string_view field, std::string* out);

}  // namespace rasd

#endif  // RASD_EXPORT_ACLED_CSV_H_
