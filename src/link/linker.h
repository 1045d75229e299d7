// Internal header. Entity linking: finds actor, source and place names in an
// analysed text and resolves them to the knowledge base, as of a date.
//
// Names are matched on the clitic readings of the tokens (so والنصرة، للنصرة،
// بجبهة النصرة all reach the alias النصرة) and only as whole stems (أثريا never
// matches inside الأثرياء); the longest name wins. The rules are those of the
// actors.yaml header and spec/events.md sections 3-4; docs/knowledge-base.md
// explains them with examples.
#ifndef RASD_LINK_LINKER_H_
#define RASD_LINK_LINKER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/event.h"
#include "rasd/status.h"

#include "link/mention.h"
#include "text/analyzer.h"

namespace rasd::link {

struct LinkerTables;  // the compiled knowledge base (linker_tables.h)

class Linker {
 public:
  // Loads data_dir (actors.yaml, sources.yaml, places.tsv, link/*) and
  // compiles the matcher. Fails with the first knowledge-base error.
  static Result<std::unique_ptr<Linker>> Create(const std::string& data_dir);
  ~Linker();
  Linker(const Linker&) = delete;
  Linker& operator=(const Linker&) = delete;

  // Finds every mention of `text`. Dated names resolve as of `date` (the
  // event or publication date); with no date, the undated reading wins.
  // Thread-safe: the Linker is immutable; per-document state lives in *out
  // (its scratch buffers are reused when a worker links many documents).
  // Without the original text, surfaces and new: ids are in normalised form.
  void Link(const text::AnalyzedText& text, std::optional<text::CivilDate> date,
            LinkedText* out) const;
  // The same, with `original`, the text `text` was analysed from: mention
  // surfaces and new: ids are then the names as written (clitics removed).
  void Link(const text::AnalyzedText& text, std::string_view original,
            std::optional<text::CivilDate> date, LinkedText* out) const;

  // The id `mention` would resolve to on `date` (e.g. an event dated in the
  // text, years after publication). Weak-alias context is not re-checked.
  std::string ResolveAt(const Mention& mention, text::CivilDate date) const;

  // The first day on which a renamed group the text names whole, by a name
  // that is only that group's, existed: a text that names هيئة تحرير الشام
  // was written after 2017-01-28, so its النصرة is HTS. None when it names
  // no such group. For texts without a publication date.
  std::optional<text::CivilDate> NamesCurrentSince(const LinkedText& linked) const;

  // The ACLED inter code the registry gives actor `id`, or 0 for an id it
  // does not hold (new: groups).
  int InterOf(const std::string& id) const;

  const std::string& data_version() const;

 private:
  explicit Linker(std::unique_ptr<LinkerTables> tables);
  std::unique_ptr<LinkerTables> tables_;
};

// The document-level lists of spec/events.md section 5 from the mentions of
// one text: one entry per distinct actor id (sources apart, is_source set) and
// per distinct place (place_id, or the name for places without one). Foreign
// places are left out: the lists name Syrian places. `original` is the text
// the spans point into.
struct DocumentMentions {
  std::vector<ActorMention> actors;
  std::vector<ActorMention> sources;
  std::vector<PlaceMention> places;
};
void CollectDocumentMentions(const LinkedText& linked, std::string_view original,
                             DocumentMentions* out);

}  // namespace rasd::link

#endif  // RASD_LINK_LINKER_H_
