// Fuzz entry: arbitrary text -> the whole engine (text core, linking, event
// assembly). Checks that extraction never crashes and that every span an
// event or a mention carries as evidence lies inside the document text, as
// the spec's evidence rule needs.
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "rasd/engine.h"

#include "engine_input.h"

namespace {

void CheckInside(const rasd::ByteSpan& span, std::size_t size) {
  if (span.begin.value > span.end.value || span.end.value > size) std::abort();
}

void CheckInside(const std::optional<rasd::ByteSpan>& span, std::size_t size) {
  if (span) CheckInside(*span, size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::optional<rasd::Document> doc = rasd::fuzz::DocumentOf(data, size);
  if (!doc) return 0;
  rasd::Workspace workspace;
  const rasd::DocumentResult result = rasd::fuzz::TheEngine().Process(*doc, &workspace);
  for (const rasd::Event& e : result.events) {
    CheckInside(e.evidence, size);
    CheckInside(e.trigger, size);
    CheckInside(e.actor1_span, size);
    CheckInside(e.actor2_span, size);
    CheckInside(e.date_span, size);
    CheckInside(e.fatalities_span, size);
    if (e.location) CheckInside(e.location->span, size);
    for (const rasd::Claim& c : e.claims) CheckInside(c.span, size);
    if (e.fatalities && *e.fatalities < 0) std::abort();
  }
  for (const rasd::ActorMention& a : result.actors) {
    for (const rasd::ByteSpan& s : a.spans) CheckInside(s, size);
  }
  for (const rasd::PlaceMention& p : result.places) {
    for (const rasd::ByteSpan& s : p.spans) CheckInside(s, size);
  }
  return 0;
}
