// Internal header. Reading the store: canonical events by combinable filters,
// articles by full-text search with highlighted snippets, and aggregates.
// Filters take resolved values (actor and place ids); resolving names and
// aliases through the knowledge base is the caller's business (src/cli).
#ifndef RASD_STORE_QUERY_H_
#define RASD_STORE_QUERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rasd/event.h"
#include "rasd/status.h"

#include "store/sqlite.h"

namespace rasd::store {

struct NearFilter {
  double lat = 0;
  double lon = 0;
  double km = 0;
};

struct EventFilter {
  std::vector<std::string> actors;  // actor ids or lineage ids; any of them, either side
  std::string event_type;
  std::string sub_event_type;
  std::vector<std::string> place_ids;  // gazetteer ids the --place name resolved to
  std::string place;                   // matched as written, or as a P-code
  std::optional<NearFilter> near;
  std::string admin1;
  std::string from;  // ISO dates, inclusive
  std::string to;
  std::string source;  // outlet of a reporting article, or a claim's source
  std::string status;
  std::optional<std::int64_t> min_fatalities;
  std::string text;       // FTS5 query over evidence and article text
  std::size_t limit = 0;  // 0: all
};

// One source's word on an event.
struct SourceClaim {
  std::string doc_id;
  std::string outlet;  // the reporting article's source
  std::string source;  // who the article quotes
  std::string stance;  // asserts | denies
  std::string cue;
};

struct CanonicalEvent {
  std::int64_t id = 0;
  Event event;  // the first report's record, with the conservative fatality figure
  std::optional<std::int64_t> fatalities_max;
  int mentions = 0;
  int articles = 0;
  int distinct_sources = 0;
  std::string first_report;  // earliest publication date
  std::string evidence;      // the first report's evidence text
  std::vector<std::string> doc_ids;
  std::vector<std::string> outlets;
  std::vector<SourceClaim> claims;
  std::string rasd_version;
  std::string data_version;
};

// Canonical events matching every given filter, by date then id.
Result<std::vector<CanonicalEvent>> QueryEvents(Database* db, const EventFilter& filter);

// Canonical events as JSON lines (one object per event, '\n'-terminated).
void AppendCanonicalJson(const CanonicalEvent& event, std::string* out);

struct SearchHit {
  std::string doc_id;
  std::string title;
  std::string pub_date;
  std::string source;
  std::string snippet;  // matched words between the given markers
  double rank = 0;
};

struct SearchOptions {
  std::string open_mark = "[";
  std::string close_mark = "]";
  int snippet_tokens = 16;
  std::size_t limit = 20;
};

// Articles matching an FTS5 query (words are read with the rasd tokenizer, so
// clitics do not matter), best first.
Result<std::vector<SearchHit>> SearchArticles(Database* db, const std::string& query,
                                              const SearchOptions& options);

struct StatRow {
  std::string key;   // week (ISO Monday), "actor1 | actor2", or admin1
  std::string type;  // event type (weekly table), else empty
  std::int64_t events = 0;
  std::int64_t fatalities = 0;
};

struct Stats {
  std::vector<StatRow> by_week_and_type;
  std::vector<StatRow> by_actor_pair;
  std::vector<StatRow> by_admin1;
};

Result<Stats> ComputeStats(Database* db);
void AppendStatsJson(const Stats& stats, std::string* out);

}  // namespace rasd::store

#endif  // RASD_STORE_QUERY_H_
