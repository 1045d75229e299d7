// The deduplication rules: veto rules first (type, time, distance, two named
// towns), then a score that adds evidence of sameness (same place, same day,
// shared actors, same sub-type, similar wording).
#include "store/dedup.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "common/utf8.h"
#include "store/fts_tokenizer.h"

namespace rasd::store {
namespace {

constexpr std::size_t kMinStemCodePoints = 3;

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

double LocationScore(const MentionFeatures& a, const MentionFeatures& b, bool* veto) {
  if (a.geo_precision == 0 || b.geo_precision == 0) return 0.0;
  const bool same_place = !a.place_id.empty() && a.place_id == b.place_id;
  if (same_place) return 2.0;
  // Places outside the gazetteer are known by name only (their coordinates are
  // often a district centroid shared by many villages): the name decides.
  if (a.place_id.empty() && b.place_id.empty() && !a.place_name.empty() && !b.place_name.empty()) {
    if (a.place_name == b.place_name) return 2.0;
    *veto = true;
    return 0.0;
  }
  // Two different towns, each named as the place itself: two events.
  if (a.geo_precision == 1 && b.geo_precision == 1 && !a.place_id.empty() && !b.place_id.empty()) {
    *veto = true;
    return 0.0;
  }
  if (a.lat && a.lon && b.lat && b.lon) {
    const double km = DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon);
    if (km <= 5.0) return 1.5;
    if (km <= 12.0) return 0.5;
    return 0.0;  // within max_km (checked by the caller)
  }
  if (!a.admin1.empty() && a.admin1 == b.admin1) return 0.5;
  return 0.0;
}

bool TooFar(const MentionFeatures& a, const MentionFeatures& b, double max_km) {
  if (!(a.lat && a.lon && b.lat && b.lon)) return false;
  return DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon) > max_km;
}

// The value of a run of ASCII digits already checked by AllDigits.
int DigitsValue(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

std::optional<std::int64_t> DayNumber(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const std::string_view y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return std::nullopt;
  const int year = DigitsValue(y), month = DigitsValue(m), day = DigitsValue(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::string IsoDate(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y) + (m <= 2 ? 1 : 0),
                m, d);
  return buf;
}

std::vector<std::string> EvidenceStems(std::string_view evidence) {
  FtsAnalysis analysis;
  AnalyzeForFts(evidence, &analysis);
  return EvidenceStems(analysis);
}

std::vector<std::string> EvidenceStems(const FtsAnalysis& analysis) {
  // The tokenizer's query terms: one bare stem per indexable token.
  std::vector<std::string> stems;
  for (const text::Token& token : analysis.tokens) {
    if (!IsIndexable(token)) continue;
    const std::string_view stem = BareStem(analysis.norm, token);
    if (utf8::CountCodePoints(stem) < kMinStemCodePoints) continue;
    stems.emplace_back(stem);
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  return stems;
}

double Jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 0.0;
  std::size_t common = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::vector<std::string> UnionOf(const std::vector<std::string>& a,
                                 const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::optional<double> MatchScoreWithoutText(const MentionFeatures& a, const MentionFeatures& b,
                                            const DedupOptions& options) {
  if (a.event_type != b.event_type || !a.day || !b.day) return std::nullopt;
  const std::int64_t days = std::llabs(*a.day - *b.day);
  if (days > options.day_window) return std::nullopt;
  if (TooFar(a, b, options.max_km)) return std::nullopt;
  bool veto = false;
  double score = LocationScore(a, b, &veto);
  if (veto) return std::nullopt;
  score += days == 0 ? 1.0 : days == 1 ? 0.5 : 0.0;
  if (!a.lineages.empty() && !b.lineages.empty())
    score += 2.0 * Jaccard(a.lineages, b.lineages) - 0.5;
  score += a.sub_event_type == b.sub_event_type ? 1.0 : -1.0;
  return score;
}

std::optional<double> MatchScore(const MentionFeatures& a, const MentionFeatures& b,
                                 const DedupOptions& options) {
  std::optional<double> score = MatchScoreWithoutText(a, b, options);
  if (score) *score += kTextWeight * Jaccard(a.stems, b.stems);
  return score;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    const std::size_t space = joined.find(' ');
    if (space != 0) out.emplace_back(joined.substr(0, space));
    if (space == std::string_view::npos) break;
    joined.remove_prefix(space + 1);
  }
  return out;
}

}  // namespace rasd::store
