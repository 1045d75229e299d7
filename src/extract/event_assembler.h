// Internal header. Event assembly: from the analysed and linked text of one
// document, the events an ACLED coder would record. docs/extraction.md walks
// through it with a seed sentence; in short, per sentence:
//   1. find triggers (data/extract/triggers.tsv) outside actor and place names;
//   2. group neighbouring triggers of one event type into a frame, whose window
//      runs from the previous frame to the next;
//   3. decide the sub-type from the cues in the window (data/extract/cues.tsv);
//   4. fill actors by frames (بين X و Y، من قبل X، على X، مقتل N من X, word order),
//      places (one event per coordinated place), date, fatalities, status, claims;
//   5. fall back on the previous event of the article for what the sentence omits.
#ifndef RASD_EXTRACT_EVENT_ASSEMBLER_H_
#define RASD_EXTRACT_EVENT_ASSEMBLER_H_

#include <optional>
#include <vector>

#include "rasd/document.h"
#include "rasd/event.h"

#include "extract/lexicon.h"
#include "link/mention.h"
#include "text/analyzer.h"

namespace rasd::extract {

class EventAssembler {
 public:
  explicit EventAssembler(const Lexicon* lexicon) : lexicon_(lexicon) {}

  void Assemble(const Document& doc, const text::AnalyzedText& analyzed,
                const link::LinkedText& linked, std::optional<text::CivilDate> pub_date,
                std::vector<Event>* out) const;

 private:
  const Lexicon* lexicon_;
};

}  // namespace rasd::extract

#endif  // RASD_EXTRACT_EVENT_ASSEMBLER_H_
