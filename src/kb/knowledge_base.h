// Internal header. The knowledge base as loaded from data/: the actor registry
// (actors.yaml), the outlets and monitors (sources.yaml) and the gazetteer
// (places.tsv), as plain immutable records. Names are kept exactly as written
// in the files; folding them for matching is the linker's business, so that the
// registry and the text are normalised by one function (text::NormalizeForMatch).
#ifndef RASD_KB_KNOWLEDGE_BASE_H_
#define RASD_KB_KNOWLEDGE_BASE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/status.h"

namespace rasd::kb {

// A calendar day as yyyymmdd, so that ranges compare as integers. The
// registry's ranges are half-open: [from, to).
using DayKey = std::int32_t;
inline constexpr DayKey kOpenStart = 0;         // from: null
inline constexpr DayKey kOpenEnd = 99'999'999;  // to: null

inline constexpr DayKey MakeDayKey(int year, int month, int day) {
  return year * 10000 + month * 100 + day;
}

// Parses "YYYY-MM-DD" (a real calendar day); nullopt otherwise.
std::optional<DayKey> ParseIsoDay(std::string_view iso);

struct DayRange {
  DayKey from = kOpenStart;
  DayKey to = kOpenEnd;
  bool Contains(DayKey day) const { return from <= day && day < to; }
  bool Overlaps(const DayRange& other) const { return from < other.to && other.from < to; }
  bool Unbounded() const { return from == kOpenStart && to == kOpenEnd; }
};

struct Alias {
  std::string name;
  DayRange range;
  bool weak = false;  // resolves only after the article has named the actor (actors.yaml header)
  int line = 0;
};

struct Affiliation {
  std::string id;
  std::string relation;  // member_of, backed_by, pledged_to, allied_with ...
  DayRange range;
  int line = 0;
};

struct Actor {
  std::string id;
  std::string name_en;
  std::string name_ar;
  // The actor's name in ACLED data ("Military Forces of Syria (2000-)"); empty
  // when actors.yaml says null (no attested ACLED name).
  std::string acled_name;
  int inter = 0;
  std::string kind;
  std::string country;
  std::string lineage;  // empty when the actor was never renamed
  DayRange active;
  std::string parent;
  std::vector<Affiliation> affiliations;
  std::vector<Alias> aliases;  // name_ar first, then the listed aliases
  std::vector<std::string> leaders;
  std::string notes;
  int line = 0;  // where "- id:" stands in actors.yaml
};

struct Source {
  std::string id;
  std::string name_ar;
  std::string name_en;
  std::string kind;
  std::vector<std::string> aliases;  // name_ar first
  std::string notes;
  int line = 0;
};

struct Place {
  std::string id;
  std::string name_ar;
  std::string name_en;
  std::string kind;  // governorate, district, subdistrict, city, town, village, ...
  std::string admin1;
  std::string admin2;
  std::string admin3;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string pcode;
  std::string geonames_id;
  std::vector<std::string> aliases;
  std::string source;
  std::vector<std::string> same_as;
  std::string notes;
  int line = 0;
};

enum class Severity : std::uint8_t { kError, kWarning };

struct Diagnostic {
  std::string file;  // the file name as given (data_dir/actors.yaml)
  int line = 0;      // 1-based; 0 when the whole file is meant
  Severity severity = Severity::kError;
  std::string message;
};

struct KnowledgeBase {
  std::vector<Actor> actors;
  std::vector<Source> sources;
  std::vector<Place> places;
  // FNV-1a 64 of every input file (the three registries and data/link/*),
  // in a fixed order, as 16 hex digits: stored with every event.
  std::string data_version;
};

// Reads the three files of data_dir into *kb, appending every problem of
// form (syntax, missing or mistyped fields, bad dates) to *diagnostics.
// Records with errors are kept when they have an id (so references to them
// resolve); the diagnostics say what is wrong with them.
// Fails only when a file cannot be read at all.
Status ReadKnowledgeBase(const std::string& data_dir, KnowledgeBase* kb,
                         std::vector<Diagnostic>* diagnostics);

// ReadKnowledgeBase that fails on the first error diagnostic (warnings pass):
// what the linker and the engine use.
Result<KnowledgeBase> LoadKnowledgeBase(const std::string& data_dir);

// The files data_version covers, in hashing order.
std::vector<std::string> DataFiles(const std::string& data_dir);

}  // namespace rasd::kb

#endif  // RASD_KB_KNOWLEDGE_BASE_H_
