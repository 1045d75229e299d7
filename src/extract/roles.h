// Internal header. Who did what to whom (docs/extraction.md, step 4): the
// names of a frame's window that are its actor1, actor2 and associates, by the
// frames بين X و Y، من قبل X، على X، مقتل N من X and by word order; and the
// questions about a name that the later steps ask too.
#ifndef RASD_EXTRACT_ROLES_H_
#define RASD_EXTRACT_ROLES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/doc_index.h"
#include "extract/frames.h"
#include "extract/lexicon.h"

namespace rasd::extract {

// How far (in tokens) the subject of a verb stands from the verb: Arabic news
// puts them next to each other.
inline constexpr std::uint32_t kSubjectReach = 4;
// How far before the dead group's name its death word stands (مقتل 25 عنصرا
// من، قتل عناصر من): further on, a death word belongs to another clause.
inline constexpr std::uint32_t kVictimReach = 6;
// The registry's id for gunmen no text names.
inline constexpr std::string_view kUnidentifiedId = "UNIDENTIFIED_ARMED_GROUP";

// The mentions that take a frame's roles: its two sides and their associates.
struct Roles {
  std::int32_t actor1 = kNone;
  std::int32_t actor2 = kNone;
  std::vector<std::int32_t> assoc;
};

// True when two actors belong to one camp of camps.tsv.
bool SameCamp(const DocIndex& ix, const std::string& a, const std::string& b);

// Where in [from, to) a "had" opens history told to explain a name (…، حيث
// كانت جماعة الجولاني معروفة حتى قطعت علاقاتها مع تنظيم القاعدة), or `to`. A
// "had" right after "which, who" describes a name of the report instead
// (مدينة تدمر التي كان تنظيم الدولة يسيطر عليها: the side that lost it).
std::uint32_t HistoryOpensAt(const DocIndex& ix, std::uint32_t from, std::uint32_t to);

// The roles the names of the frame's window take.
Roles AssignActors(const DocIndex& ix, const Frame& frame);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_ROLES_H_
