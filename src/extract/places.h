// Internal header. Where an event happened: the place of its clause, one
// event per place of a coordinated list (spec section 1: one place, one day),
// and the record a place mention becomes.
#ifndef RASD_EXTRACT_PLACES_H_
#define RASD_EXTRACT_PLACES_H_

#include <cstdint>
#include <vector>

#include "rasd/event.h"

#include "extract/doc_index.h"
#include "link/mention.h"

namespace rasd::extract {

// The event location a place mention gives, with its precision.
Location ToLocation(const link::Mention& m);

// True for a governorate, district, region or country, or a region of a town
// (ريف حلب): a place that holds others.
bool IsArea(const link::Mention& m);

// True for a Syrian place found only by its cue word (بلدة X): no coordinates.
bool IsCueOnly(const link::Mention& m);

// Gives a place found only by its cue word the coordinates of the known place
// that holds it or lies nearest in the clause [begin, end) (بلدة اللطامنة في
// ريف حماة), else the nearest before it, at precision 2, or 3 for a governorate: ACLED's way of
// coding a village its gazetteer lacks. The name stays as written, the place_id empty. Returns
// false when no known place stands in [begin, end).
bool PlaceInArea(const DocIndex& ix, std::int32_t site, std::uint32_t begin, std::uint32_t end,
                 Location* loc);

// The places that each get an event: a coordinated list becomes one event per
// place (ACLED: one event per location); otherwise the place nearest the trigger.
// The list runs over every place of the window, foreign ones too: the filters
// of EventPlaces choose where the report is, the list says where else it was.
// The clause is [begin, end) and its trigger starts at head; a violent event
// is not placed at a foreign capital that only stands for its government.
std::vector<std::int32_t> ChoosePlaces(const DocIndex& ix, std::uint32_t begin, std::uint32_t end,
                                       std::uint32_t head, bool violent);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_PLACES_H_
