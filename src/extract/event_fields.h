// Internal header. The fields of one event that its frame decides beside the
// sides and the place (docs/extraction.md, steps 3, 6, 8 and 9): the sub-event
// type, the date, the status and who claims it; and the small questions about
// an event's type that the later steps ask.
#ifndef RASD_EXTRACT_EVENT_FIELDS_H_
#define RASD_EXTRACT_EVENT_FIELDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "rasd/event.h"

#include "extract/doc_index.h"
#include "extract/frames.h"
#include "extract/ontology.h"
#include "extract/roles.h"
#include "text/analyzer.h"

namespace rasd::extract {

// An event dated more than this before publication is recalled history.
inline constexpr std::int64_t kBackgroundDays = 31;
// A report told again at a wider place may date it a day apart (أمس in a
// statement, فجر الجمعة in the observatory's words).
inline constexpr std::int64_t kRetellingDays = 1;

// The sub-event type of the frame: the most specific one its triggers name.
SubEventType ResolveFrame(const DocIndex& ix, const Frame& frame, const Roles& roles);

// True when [from, to) names a day other than `iso` (الهجوم الذي اوقع اربعة قتلى
// … في 5 حزيران/يونيو): "the attack" there is another one than the event told.
bool OtherDayIn(const DocIndex& ix, std::uint32_t from, std::uint32_t to, const std::string& iso);

// The date of the frame: the date expression nearest the trigger in the
// sentence, else the latest one of the two sentences before, else the
// publication date as "within a week" (news reports what happened lately).
void FillDate(const DocIndex& ix, const text::Sentence& sentence, std::uint32_t sentence_index,
              std::uint32_t trigger, Event* e);

// The status of the frame's event: denied, planned, background or current.
EventStatus DecideStatus(const DocIndex& ix, const text::Sentence& sentence, const Frame& frame,
                         const Event& e);

// Who says so: a reporting or denying verb and the source or actor it
// introduces (أعلنت X، بحسب X، X قالت), within the sentence.
std::vector<Claim> FindClaims(const DocIndex& ix, const text::Sentence& sentence);

// An air strike or a shelling.
bool IsBombardment(const Event& e);

// Sets an event's sub-type and the event type that holds it.
void Retype(SubEventType sub, Event* e);

// A town or ground taken, by the state or by another.
bool IsTaking(const Event& e);

// Events that happen once, so that "the" one told again is the one already
// reported: a suicide bombing, a kidnapping.
bool OneOff(const Event& e);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_EVENT_FIELDS_H_
