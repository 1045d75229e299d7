// Reads the gazetteer places.tsv: a fixed header of 15 tab-separated columns
// (data/SOURCES.md), one place a line. Hand-written rather than a CSV library
// because the format has no quoting and every error must name its line.
#include <array>
#include <charconv>
#include <string>

#include "kb/readers.h"

namespace rasd::kb {
namespace {

constexpr std::size_t kColumns = 15;
constexpr std::array<std::string_view, kColumns> kHeader = {
    "id",  "name_ar", "name_en",     "kind",       "admin1_ar", "admin2_ar", "admin3_ar", "lat",
    "lon", "pcode",   "geonames_id", "aliases_ar", "source",    "same_as",   "notes"};

std::vector<std::string_view> SplitOn(std::string_view line, char sep) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = line.find(sep, start);
    fields.push_back(
        line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return fields;
    start = at + 1;
  }
}

std::vector<std::string> NonEmptyParts(std::string_view field, char sep) {
  std::vector<std::string> out;
  for (std::string_view part : SplitOn(field, sep)) {
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

std::optional<double> ParseCoordinate(std::string_view s) {
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

class PlaceLineReader {
 public:
  PlaceLineReader(const std::string& file, int line, std::vector<Diagnostic>* diagnostics)
      : file_(file), line_(line), diagnostics_(diagnostics) {}

  void Read(const std::vector<std::string_view>& f, Place* p) {
    p->line = line_;
    p->id = Required(f[0], "id");
    p->name_ar = Required(f[1], "name_ar");
    p->name_en = std::string(f[2]);
    p->kind = Required(f[3], "kind");
    p->admin1 = std::string(f[4]);
    p->admin2 = std::string(f[5]);
    p->admin3 = std::string(f[6]);
    ReadCoordinates(f[7], f[8], p);
    p->pcode = std::string(f[9]);
    p->geonames_id = std::string(f[10]);
    p->aliases = NonEmptyParts(f[11], '|');
    p->source = std::string(f[12]);
    p->same_as = NonEmptyParts(f[13], ';');
    p->notes = std::string(f[14]);
  }

 private:
  void Error(const std::string& message) {
    diagnostics_->push_back({file_, line_, Severity::kError, message});
  }

  std::string Required(std::string_view value, const char* column) {
    if (value.empty()) Error(std::string("column '") + column + "' is empty");
    return std::string(value);
  }

  // Both or neither: a place found only by name may lack coordinates.
  void ReadCoordinates(std::string_view lat, std::string_view lon, Place* p) {
    if (lat.empty() && lon.empty()) return;
    p->lat = ParseCoordinate(lat);
    p->lon = ParseCoordinate(lon);
    if (!p->lat || !p->lon) Error("lat/lon must both be decimal numbers");
  }

  const std::string& file_;
  int line_;
  std::vector<Diagnostic>* diagnostics_;
};

std::string_view StripCarriageReturn(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

void ReadPlaces(const std::string& file, std::string_view bytes, std::vector<Place>* out,
                std::vector<Diagnostic>* diagnostics) {
  int line_number = 0;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = StripCarriageReturn(bytes.substr(start, end - start));
    start = end + 1;
    ++line_number;
    const std::vector<std::string_view> fields = SplitOn(line, '\t');
    if (line_number == 1) {
      if (fields.size() != kColumns || !std::equal(fields.begin(), fields.end(), kHeader.begin())) {
        diagnostics->push_back({file, 1, Severity::kError,
                                "header must be the 15 columns of data/SOURCES.md (id, name_ar, "
                                "..., notes), tab-separated"});
        return;
      }
      continue;
    }
    if (line.empty()) continue;
    if (fields.size() != kColumns) {
      diagnostics->push_back(
          {file, line_number, Severity::kError,
           "expected 15 tab-separated columns, found " + std::to_string(fields.size())});
      continue;
    }
    Place place;
    // Kept despite errors (as actors are), so that same_as references resolve.
    PlaceLineReader(file, line_number, diagnostics).Read(fields, &place);
    if (!place.id.empty()) out->push_back(std::move(place));
  }
  if (line_number == 0) diagnostics->push_back({file, 0, Severity::kError, "the file is empty"});
}

}  // namespace rasd::kb
