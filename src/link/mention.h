// Internal header. What linking finds in a document: actor, source and place
// mentions resolved to canonical records. Plain data, so that extraction and
// the store depend on this header only, not on how the matcher works.
#ifndef RASD_LINK_MENTION_H_
#define RASD_LINK_MENTION_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rasd/span.h"

namespace rasd::link {

enum class MentionKind : std::uint8_t {
  kActor,   // an armed group, state force, civilians ... (data/actors.yaml or new:)
  kSource,  // an outlet or monitor (data/sources.yaml): claims, never event actors
  kPlace,   // a place (data/places.tsv, or found by a cue word)
};

// How a place mention relates to the gazetteer place it names.
enum class PlaceRelation : std::uint8_t {
  kItself,       // حلب, مدينة حلب, بلدة X            -> geo_precision 1
  kNear,         // قرب X, 50 كم شمال شرق X, جنوب مدينة X -> geo_precision 2
  kCountryside,  // ريف حلب الجنوبي                      -> geo_precision 2
  kRegion,       // a governorate or larger region       -> geo_precision 3
};

struct Mention {
  MentionKind kind = MentionKind::kActor;
  std::uint32_t first_token = 0;  // [first_token, end_token) in AnalyzedText::tokens
  std::uint32_t end_token = 0;
  ByteSpan original;              // the name in the original text, clitics included
  ByteSpan name_span;             // the name without leading proclitics
  std::string id;                 // canonical id, "new:<name>", or "" (unknown place)
  std::string surface;            // the name as written, clitics removed
  double confidence = 1.0;        // 1 exact alias; lower for weak, fuzzy or pattern finds
  std::uint32_t alias_index = 0;  // for re-resolution at another date (Linker::ResolveAt)

  // Actors.
  int inter = 0;        // ACLED inter code, 0 when unknown
  std::string lineage;  // lineage id, or the actor id itself
  // The registry's kind "generic": a class of actors (فصائل المعارضة), not one group.
  bool generic = false;

  // Places.
  PlaceRelation relation = PlaceRelation::kItself;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string place_kind;  // governorate, district, city, town, village, ...
  std::string admin1;      // governorate, Arabic
  std::string admin2;
  std::string admin3;
  std::string pcode;
  std::string country = "Syria";  // a foreign place keeps its country, no coordinates
  bool dateline = false;          // "بيروت:" where the article was filed
};

// What the linker learns about one token, once per document: the lexicon
// bits and registry stems of its readings, and the memo of the exact-name
// lookup at it. Internal to src/link (linker.cc reads and writes it).
struct TokenFacts {
  static constexpr std::size_t kReadings = 6;  // text::kMaxReadings, checked in linker.cc
  std::uint32_t flags = 0;                     // StemFlag bits over the readings (linker_tables.h)
  std::uint8_t cue = 0;             // 0, or 1 + CueRole of the first reading that is a cue
  std::uint8_t stem_count = 0;      // readings without a pronoun suffix that are known stems
  std::uint8_t exact_state = 0;     // 0 not looked up yet, 1 no name starts here, 2 found
  std::uint8_t fuzzy_anchors = 0;   // bit k: token + k anchors a fuzzy name at its word k
  bool probe_ready = false;         // LinkScratch::probes holds this token's ProbeBits
  std::uint8_t shape_count = 0xFF;  // word shapes in LinkScratch::shapes; 0xFF: not computed
  bool exact_definite = false;
  std::uint8_t exact_proclitic = 0;
  std::uint32_t exact_end = 0;
  std::uint32_t exact_name = 0;
  static constexpr std::uint32_t kWordUnknown = 0;  // LinkerTables::word_ids start at 1
  std::uint32_t word = kWordUnknown;  // the id of the token as a later name word, once asked
  std::array<std::uint32_t, kReadings> stem{};    // indexes into LinkerTables::stems
  std::array<std::uint8_t, kReadings> reading{};  // which reading of the token
};

// The letter count and letter set (LetterMask, linker_tables.h) of one
// reading of a token, which bound its edit distance to a name word.
struct WordShape {
  std::uint64_t mask = 0;
  std::uint32_t letters = 0;
  std::uint8_t reading = 0;  // which reading of the token
};

// Buffers Linker::Link reuses from one document to the next: a worker keeps
// its LinkedText, so linking allocates rarely. Not part of the result.
struct LinkScratch {
  std::vector<TokenFacts> tokens;
  std::vector<WordShape>
      shapes;  // TokenFacts::kReadings per token, filled when fuzzy matching asks
  std::vector<std::size_t> pending_weak;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> named;  // (token, actor record)
  // Per mention, the knowledge-base actor record FillActor gave it, or
  // kNoActorRecord: ResolveWeak then needs no lookup of the id.
  static constexpr std::uint32_t kNoActorRecord = 0xFFFFFFFFu;
  std::vector<std::uint32_t> actor_records;
  std::vector<std::size_t> drop;
  std::vector<std::string> spare_strings;  // heap buffers of the last document's mentions
};

struct LinkedText {
  std::vector<Mention> mentions;  // sorted by first_token, non-overlapping per kind
  LinkScratch scratch;            // not part of the result
};

}  // namespace rasd::link

#endif  // RASD_LINK_MENTION_H_
