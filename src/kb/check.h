// Internal header. `rasd kb check`: validates the knowledge base of a data
// folder beyond what loading needs (ids, cross-references, dates, coordinates,
// alias collisions) and reports every problem with its file and line.
#ifndef RASD_KB_CHECK_H_
#define RASD_KB_CHECK_H_

#include <string>
#include <vector>

#include "rasd/status.h"

#include "kb/knowledge_base.h"

namespace rasd::kb {

// Syria's bounding box: a gazetteer point outside it is a swapped or mistyped coordinate.
inline constexpr double kSyriaMinLat = 32.3;
inline constexpr double kSyriaMaxLat = 37.4;
inline constexpr double kSyriaMinLon = 35.6;
inline constexpr double kSyriaMaxLon = 42.4;

struct CheckReport {
  std::vector<Diagnostic> diagnostics;  // in file order: actors, sources, places, then cross-checks
  int error_count = 0;
  int warning_count = 0;
  std::string data_version;
  std::size_t actor_count = 0;
  std::size_t source_count = 0;
  std::size_t place_count = 0;
};

// Fails only when a file cannot be read; problems in the data are diagnostics.
Result<CheckReport> Check(const std::string& data_dir);

// "data/actors.yaml:12: error: duplicate id HTS (first at line 3)"
std::string FormatDiagnostic(const Diagnostic& diagnostic);

}  // namespace rasd::kb

#endif  // RASD_KB_CHECK_H_
