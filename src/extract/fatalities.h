// Internal header. The fatality figure of a clause by the conservative
// rules of spec/events.md section 2: counts beside death words, joined counts
// summed, never a wounded count, 0 for deaths without a count.
#ifndef RASD_EXTRACT_FATALITIES_H_
#define RASD_EXTRACT_FATALITIES_H_

#include <cstdint>
#include <optional>

#include "rasd/span.h"

#include "extract/doc_index.h"

namespace rasd::extract {

struct FatalityFigure {
  std::optional<std::int64_t> value;
  ByteSpan span;
  bool vague = false;  // the figure stands for a word (عشرات، العشرات), not a number
};

// The fatality figure of the window: the first count beside a death word,
// with the counts joined to it; 0 when the text reports deaths without a
// count (سقوط قتلى) or says no one was hurt (دون أنباء عن إصابات). Where
// reports of one event differ, MergeRepeats keeps the lowest.
FatalityFigure Fatalities(const DocIndex& ix, std::uint32_t begin, std::uint32_t end);

// The toll of a clause that leaves out the death verb of the clause before
// it (وقُتل طفلان في غارة على معرة النعمان، وامرأة وطفلها في قصف على جوزف
// = 2): a count of people opening [begin, end) with و, with the counts joined
// to it. The caller checks that a death word came before.
FatalityFigure GappedToll(const DocIndex& ix, std::uint32_t begin, std::uint32_t end);

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_FATALITIES_H_
