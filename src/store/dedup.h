// Internal header. Deduplication rules: when do two event mentions, from two
// articles, report the same event? Pure functions over MentionFeatures, so the
// rules can be tested and measured apart from the database; the store applies
// them incrementally (EventStore). docs/deduplication.md gives the reasoning
// and the measurements behind every weight and threshold here.
#ifndef RASD_STORE_DEDUP_H_
#define RASD_STORE_DEDUP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/geo.h"
#include "store/fts_tokenizer.h"

namespace rasd::store {

// Weight of evidence wording (Jaccard of stems, 0..1) in MatchScore; the
// score without it plus this is an upper bound, used to skip candidates early.
inline constexpr double kTextWeight = 4.0;

struct DedupOptions {
  int day_window = 2;            // reports of one event differ by at most this many days
  double max_km = 25.0;          // farther apart is never the same event
  double merge_threshold = 4.0;  // MatchScore at or above this merges
};

// What deduplication compares; for a canonical event, the features of its
// first mention, with the evidence stems of all its mentions.
struct MentionFeatures {
  std::string event_type;
  std::string sub_event_type;
  std::optional<std::int64_t> day;  // days since 1970-01-01 (event date, else publication date)
  std::string place_id;
  std::string place_name;  // normalised; matters when the gazetteer does not know the place
  std::optional<double> lat;
  std::optional<double> lon;
  int geo_precision = 0;  // 0 = no location
  std::string admin1;
  std::vector<std::string> lineages;  // of actor1 and actor2, sorted, without empties
  std::vector<std::string> stems;     // evidence stems, sorted and unique
};

// Days since 1970-01-01 of an ISO yyyy-mm-dd date; nullopt when not one.
std::optional<std::int64_t> DayNumber(std::string_view iso);
// The ISO date of a day number.
std::string IsoDate(std::int64_t day);

// Great-circle distance in kilometres (common/geo.h, shared with extraction).
using rasd::DistanceKm;

// Sorted unique stems of an evidence text (the FTS tokenizer's query terms),
// without one- and two-letter words, which are mostly particles.
std::vector<std::string> EvidenceStems(std::string_view evidence);
// The same from the evidence's AnalyzeForFts, when the caller has it anyway.
std::vector<std::string> EvidenceStems(const FtsAnalysis& analysis);

// |a ∩ b| / |a ∪ b| of two sorted unique lists; 0 when both are empty.
double Jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Sorted unique union of two sorted unique lists.
std::vector<std::string> UnionOf(const std::vector<std::string>& a,
                                 const std::vector<std::string>& b);

// How strongly `a` and `b` look like one event; nullopt when a rule rules it
// out (another event type, too far apart in time or space, two different
// named towns, two different names that the gazetteer does not know).
std::optional<double> MatchScore(const MentionFeatures& a, const MentionFeatures& b,
                                 const DedupOptions& options);
// MatchScore without the wording term: MatchScore minus kTextWeight * Jaccard(stems).
std::optional<double> MatchScoreWithoutText(const MentionFeatures& a, const MentionFeatures& b,
                                            const DedupOptions& options);

// Space-joined and split forms of a sorted list, as stored in the database.
std::string JoinWords(const std::vector<std::string>& words);
std::vector<std::string> SplitWords(std::string_view joined);

}  // namespace rasd::store

#endif  // RASD_STORE_DEDUP_H_
