// Canonical-event queries, article search and aggregates. Filters become one
// WHERE clause over canonical_events, each backed by an index (schema.cc), so
// that a filtered query over a million events stays in milliseconds.
#include "store/query.h"

#include <algorithm>
#include <cmath>
#include <variant>

#include "common/json_writer.h"
#include "store/dedup.h"

namespace rasd::store {
namespace {

using Value = std::variant<std::string, std::int64_t, double>;

constexpr double kKmPerDegreeLat = 111.32;

struct Where {
  std::string sql;
  std::vector<Value> values;

  void Add(const std::string& condition) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += condition;
  }
  std::string Param(Value v) {
    values.push_back(std::move(v));
    std::string name = std::to_string(values.size());
    name.insert(name.begin(), '?');  // not "?" + ...: GCC 12 -Wrestrict false positive
    return name;
  }
  std::string List(const std::vector<std::string>& items) {
    std::string out = "(";
    for (const std::string& item : items) {
      if (out.size() > 1) out += ", ";
      out += Param(item);
    }
    return out + ")";
  }
};

void AddActorFilter(const EventFilter& f, Where* w) {
  if (f.actors.empty()) return;
  const std::string ids = w->List(f.actors);
  w->Add("(c.actor1 IN " + ids + " OR c.actor2 IN " + ids + " OR c.lineage1 IN " + ids +
         " OR c.lineage2 IN " + ids + ")");
}

void AddPlaceFilters(const EventFilter& f, Where* w) {
  if (!f.place.empty() || !f.place_ids.empty()) {
    std::string condition = "(";
    if (!f.place_ids.empty()) condition += "c.place_id IN " + w->List(f.place_ids) + " OR ";
    const std::string p = w->Param(f.place);
    condition += "c.pcode = " + p + " OR c.location_name = " + p + " OR c.admin2 = " + p +
                 " OR c.admin3 = " + p + ")";
    w->Add(condition);
  }
  if (f.near) {
    const double dlat = f.near->km / kKmPerDegreeLat;
    const double cos_lat = std::max(0.01, std::cos(f.near->lat * 3.14159265358979 / 180.0));
    const double dlon = dlat / cos_lat;
    w->Add("c.lat BETWEEN " + w->Param(f.near->lat - dlat) + " AND " +
           w->Param(f.near->lat + dlat) + " AND c.lon BETWEEN " + w->Param(f.near->lon - dlon) +
           " AND " + w->Param(f.near->lon + dlon));
  }
  if (!f.admin1.empty()) w->Add("c.admin1 = " + w->Param(f.admin1));
}

Status AddDateFilters(const EventFilter& f, Where* w) {
  if (!f.from.empty()) {
    const auto day = DayNumber(f.from);
    if (!day) return InvalidArgument("--from: not an ISO date (yyyy-mm-dd): " + f.from);
    w->Add("c.day >= " + w->Param(*day));
  }
  if (!f.to.empty()) {
    const auto day = DayNumber(f.to);
    if (!day) return InvalidArgument("--to: not an ISO date (yyyy-mm-dd): " + f.to);
    w->Add("c.day <= " + w->Param(*day));
  }
  return Status::Ok();
}

bool HasIndexedFilter(const EventFilter& f) {
  return !f.actors.empty() || !f.event_type.empty() || !f.sub_event_type.empty() ||
         !f.place.empty() || !f.place_ids.empty() || f.near || !f.admin1.empty() ||
         !f.from.empty() || !f.to.empty();
}

// --text matches an event when the evidence of one of its reports, or the
// article of one of them, matches. With another filter narrowing the events
// by index, each of those is checked against the (once materialised) sets of
// matching rows; alone, the matching rows are turned into events directly.
void AddTextFilter(const EventFilter& f, Where* w) {
  const std::string p = w->Param(f.text);
  const std::string evidence =
      "(SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH " + p + ")";
  const std::string articles = "(SELECT rowid FROM doc_fts WHERE doc_fts MATCH " + p + ")";
  if (HasIndexedFilter(f)) {
    w->Add("EXISTS (SELECT 1 FROM event_mentions m WHERE m.canonical = c.id AND (m.id IN " +
           evidence + " OR m.doc IN " + articles + "))");
  } else {
    w->Add("c.id IN (SELECT canonical FROM event_mentions WHERE id IN " + evidence +
           " UNION SELECT m.canonical FROM event_mentions m WHERE m.doc IN " + articles + ")");
  }
}

Result<Where> BuildWhere(const EventFilter& f) {
  Where w;
  AddActorFilter(f, &w);
  if (!f.event_type.empty()) w.Add("c.event_type = " + w.Param(f.event_type));
  if (!f.sub_event_type.empty()) w.Add("c.sub_event_type = " + w.Param(f.sub_event_type));
  AddPlaceFilters(f, &w);
  RASD_RETURN_IF_ERROR(AddDateFilters(f, &w));
  if (!f.source.empty()) {
    const std::string p = w.Param(f.source);
    w.Add(
        "c.id IN (SELECT m.canonical FROM event_mentions m JOIN documents d ON d.id = m.doc"
        " WHERE d.source = " +
        p +
        " UNION SELECT m.canonical FROM claims cl JOIN event_mentions m ON m.id = cl.mention"
        " WHERE cl.source = " +
        p + ")");
  }
  if (!f.status.empty()) w.Add("c.status = " + w.Param(f.status));
  if (f.min_fatalities) w.Add("c.fatalities >= " + w.Param(*f.min_fatalities));
  if (!f.text.empty()) AddTextFilter(f, &w);
  return w;
}

void BindAll(const std::vector<Value>& values, Statement* stmt) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    std::visit([&](const auto& v) { stmt->Bind(index, v); }, values[i]);
  }
}

std::vector<std::string> SplitIds(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    const std::size_t bar = joined.find('|');
    out.emplace_back(joined.substr(0, bar));
    if (bar == std::string_view::npos) break;
    joined.remove_prefix(bar + 1);
  }
  return out;
}

std::optional<EventStatus> ParseStatus(std::string_view s) {
  for (const EventStatus st : {EventStatus::kCurrent, EventStatus::kBackground,
                               EventStatus::kPlanned, EventStatus::kDenied}) {
    if (EventStatusName(st) == s) return st;
  }
  return std::nullopt;
}

constexpr char kSelectEvents[] =
    "SELECT c.id, c.event_type, c.sub_event_type, c.date, c.time_precision, c.location_name,"
    " c.place_id, c.lat, c.lon, c.geo_precision, c.admin1, c.admin2, c.admin3, c.pcode,"
    " c.country, c.actor1, c.actor2, c.inter1, c.inter2, c.status, c.fatalities,"
    " c.fatalities_max, c.n_mentions, c.n_articles, c.n_sources, c.first_report,"
    " m.assoc_actor_1, m.assoc_actor_2, m.fatalities_text, m.evidence_text, m.rasd_version,"
    " m.data_version, m.confidence,"
    // Every report and every claim, in one row: one statement instead of two
    // per event. Fields are separated by U+001F, records by U+001E.
    " (SELECT group_concat(doc_id || char(31) || source, char(30)) FROM"
    "   (SELECT d.doc_id, d.source FROM event_mentions r JOIN documents d ON d.id = r.doc"
    "    WHERE r.canonical = c.id ORDER BY r.id)),"
    " (SELECT group_concat(doc_id || char(31) || outlet || char(31) || source || char(31) ||"
    "   stance || char(31) || cue, char(30)) FROM"
    "   (SELECT d.doc_id, d.source AS outlet, cl.source, cl.stance, cl.cue FROM event_mentions r"
    "    JOIN claims cl ON cl.mention = r.id JOIN documents d ON d.id = r.doc"
    "    WHERE r.canonical = c.id ORDER BY cl.id))"
    " FROM canonical_events c JOIN event_mentions m ON m.id = c.first_mention";

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  for (;;) {
    const std::size_t at = s.find(separator);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

CanonicalEvent ReadEvent(const Statement& s) {
  CanonicalEvent c;
  c.id = s.Int(0);
  Event& e = c.event;
  e.event_type = s.String(1);
  e.sub_event_type = s.String(2);
  e.date = s.String(3);
  e.time_precision = static_cast<int>(s.Int(4));
  if (!s.IsNull(5)) {
    Location loc;
    loc.name = s.String(5);
    loc.place_id = s.String(6);
    loc.lat = s.OptDouble(7);
    loc.lon = s.OptDouble(8);
    loc.geo_precision = static_cast<int>(s.Int(9));
    loc.admin1 = s.String(10);
    loc.admin2 = s.String(11);
    loc.admin3 = s.String(12);
    loc.pcode = s.String(13);
    if (!s.IsNull(14)) loc.country = s.String(14);
    e.location = std::move(loc);
  }
  e.actor1 = s.String(15);
  e.actor2 = s.String(16);
  e.inter1 = static_cast<int>(s.Int(17));
  e.inter2 = static_cast<int>(s.Int(18));
  e.status = ParseStatus(s.Text(19)).value_or(EventStatus::kCurrent);
  e.fatalities = s.OptInt(20);
  c.fatalities_max = s.OptInt(21);
  c.mentions = static_cast<int>(s.Int(22));
  c.articles = static_cast<int>(s.Int(23));
  c.distinct_sources = static_cast<int>(s.Int(24));
  c.first_report = s.String(25);
  e.assoc_actor_1 = SplitIds(s.Text(26));
  e.assoc_actor_2 = SplitIds(s.Text(27));
  e.fatalities_text = s.String(28);
  c.evidence = s.String(29);
  c.rasd_version = s.String(30);
  c.data_version = s.String(31);
  e.confidence = s.Double(32);
  for (const auto& report : Split(s.Text(33), '\x1e')) {
    const auto fields = Split(report, '\x1f');
    if (fields.size() != 2) continue;
    c.doc_ids.emplace_back(fields[0]);
    if (!fields[1].empty() &&
        std::find(c.outlets.begin(), c.outlets.end(), fields[1]) == c.outlets.end()) {
      c.outlets.emplace_back(fields[1]);
    }
  }
  for (const auto& claim : Split(s.Text(34), '\x1e')) {
    const auto f = Split(claim, '\x1f');
    if (f.size() != 5) continue;
    c.claims.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                        std::string(f[4])});
  }
  return c;
}

bool WithinNear(const CanonicalEvent& c, const NearFilter& near) {
  const auto& loc = c.event.location;
  return loc && loc->lat && loc->lon &&
         DistanceKm(near.lat, near.lon, *loc->lat, *loc->lon) <= near.km;
}

void WriteStatRows(std::string_view name, const std::vector<StatRow>& rows, bool with_type,
                   JsonWriter* w) {
  w->Key(name);
  w->BeginArray();
  for (const StatRow& r : rows) {
    w->BeginObject();
    w->Field("key", r.key);
    if (with_type) w->Field("event_type", r.type);
    w->Field("events", r.events);
    w->Field("fatalities", r.fatalities);
    w->EndObject();
  }
  w->EndArray();
}

Result<std::vector<StatRow>> StatQuery(Database* db, const char* sql, bool with_type) {
  Result<Statement> stmt = db->Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  std::vector<StatRow> rows;
  Status status;
  while (stmt->Step(&status)) {
    StatRow r;
    int col = 0;
    r.key = stmt->String(col++);
    if (with_type) r.type = stmt->String(col++);
    r.events = stmt->Int(col++);
    r.fatalities = stmt->Int(col++);
    rows.push_back(std::move(r));
  }
  if (!status.ok()) return status;
  return rows;
}

}  // namespace

Result<std::vector<CanonicalEvent>> QueryEvents(Database* db, const EventFilter& filter) {
  Result<Where> where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  std::string sql = kSelectEvents + where->sql + " ORDER BY c.day, c.id";
  // --near is refined exactly after the bounding box, so the limit applies then.
  if (filter.limit > 0 && !filter.near) sql += " LIMIT " + std::to_string(filter.limit);
  Result<Statement> stmt = db->Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  BindAll(where->values, &stmt.value());
  std::vector<CanonicalEvent> events;
  Status status;
  while (stmt->Step(&status)) {
    CanonicalEvent c = ReadEvent(*stmt);
    if (filter.near && !WithinNear(c, *filter.near)) continue;
    events.push_back(std::move(c));
    if (filter.limit > 0 && events.size() >= filter.limit) break;
  }
  if (!status.ok()) {
    if (!filter.text.empty()) return InvalidArgument("--text: not a valid search: " + filter.text);
    return status;
  }
  return events;
}

void AppendCanonicalJson(const CanonicalEvent& c, std::string* out) {
  const Event& e = c.event;
  JsonWriter w(out);
  w.BeginObject();
  w.Field("event_id", static_cast<std::int64_t>(c.id));
  w.Field("event_type", e.event_type);
  w.Field("sub_event_type", e.sub_event_type);
  w.FieldOrNull("date", e.date);
  w.Field("time_precision", e.time_precision);
  w.FieldOrNull("actor1", e.actor1);
  w.FieldOrNull("actor2", e.actor2);
  for (const auto& [key, ids] : {std::pair{"assoc_actor_1", &e.assoc_actor_1},
                                 std::pair{"assoc_actor_2", &e.assoc_actor_2}}) {
    w.Key(key);
    w.BeginArray();
    for (const std::string& id : *ids) w.String(id);
    w.EndArray();
  }
  w.Key("location");
  if (e.location) {
    const Location& loc = *e.location;
    w.BeginObject();
    w.Field("name", loc.name);
    w.FieldOrNull("place_id", loc.place_id);
    w.Key("lat");
    loc.lat ? w.Double(*loc.lat) : w.Null();
    w.Key("lon");
    loc.lon ? w.Double(*loc.lon) : w.Null();
    w.Field("geo_precision", loc.geo_precision);
    w.FieldOrNull("admin1", loc.admin1);
    w.FieldOrNull("pcode", loc.pcode);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("fatalities");
  e.fatalities ? w.Int(*e.fatalities) : w.Null();
  w.Key("fatalities_range");
  if (e.fatalities) {
    w.BeginArray();
    w.Int(*e.fatalities);
    w.Int(c.fatalities_max.value_or(*e.fatalities));
    w.EndArray();
  } else {
    w.Null();
  }
  w.FieldOrNull("fatalities_text", e.fatalities_text);
  w.Field("status", EventStatusName(e.status));
  w.Field("articles", c.articles);
  w.Field("distinct_sources", c.distinct_sources);
  w.Field("mentions", c.mentions);
  w.FieldOrNull("first_report", c.first_report);
  w.Key("doc_ids");
  w.BeginArray();
  for (const std::string& id : c.doc_ids) w.String(id);
  w.EndArray();
  w.Key("sources");
  w.BeginArray();
  for (const std::string& s : c.outlets) w.String(s);
  w.EndArray();
  w.Key("claims");
  w.BeginArray();
  for (const SourceClaim& cl : c.claims) {
    w.BeginObject();
    w.Field("doc_id", cl.doc_id);
    w.Field("outlet", cl.outlet);
    w.Field("source", cl.source);
    w.Field("stance", cl.stance);
    w.Field("cue", cl.cue);
    w.EndObject();
  }
  w.EndArray();
  w.Field("evidence", c.evidence);
  w.Field("rasd_version", c.rasd_version);
  w.Field("data_version", c.data_version);
  w.EndObject();
  out->push_back('\n');
}

Result<std::vector<SearchHit>> SearchArticles(Database* db, const std::string& query,
                                              const SearchOptions& options) {
  Result<Statement> stmt = db->Prepare(
      "SELECT d.doc_id, d.title, d.pub_date, d.source,"
      " snippet(doc_fts, 1, ?2, ?3, '\xE2\x80\xA6', ?4), bm25(doc_fts)"
      " FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid"
      " WHERE doc_fts MATCH ?1 ORDER BY bm25(doc_fts), d.id LIMIT ?5");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, query);
  stmt->Bind(2, options.open_mark);
  stmt->Bind(3, options.close_mark);
  stmt->Bind(4, options.snippet_tokens);
  stmt->Bind(5, static_cast<std::int64_t>(options.limit));
  std::vector<SearchHit> hits;
  Status status;
  while (stmt->Step(&status)) {
    hits.push_back({stmt->String(0), stmt->String(1), stmt->String(2), stmt->String(3),
                    stmt->String(4), stmt->Double(5)});
  }
  if (!status.ok()) {
    return InvalidArgument("not a valid search (FTS5 query syntax): " + query + ": " +
                           status.message());
  }
  return hits;
}

Result<Stats> ComputeStats(Database* db) {
  Stats stats;
  Result<std::vector<StatRow>> weekly =
      StatQuery(db,
                "SELECT date(date, 'weekday 0', '-6 days') AS week, event_type, count(*),"
                " coalesce(sum(fatalities), 0) FROM canonical_events WHERE date IS NOT NULL"
                " GROUP BY week, event_type ORDER BY week, event_type",
                true);
  if (!weekly.ok()) return weekly.status();
  stats.by_week_and_type = std::move(weekly.value());
  // ACLED actor pairs carry no direction: the pair is written in sorted order.
  Result<std::vector<StatRow>> pairs =
      StatQuery(db,
                "SELECT min(coalesce(actor1, ''), coalesce(actor2, '')) || ' | ' ||"
                " max(coalesce(actor1, ''), coalesce(actor2, '')) AS pair, count(*),"
                " coalesce(sum(fatalities), 0) AS f FROM canonical_events GROUP BY pair"
                " ORDER BY count(*) DESC, pair",
                false);
  if (!pairs.ok()) return pairs.status();
  stats.by_actor_pair = std::move(pairs.value());
  Result<std::vector<StatRow>> admin1 =
      StatQuery(db,
                "SELECT coalesce(admin1, '') AS a, count(*), coalesce(sum(fatalities), 0)"
                " FROM canonical_events GROUP BY a ORDER BY count(*) DESC, a",
                false);
  if (!admin1.ok()) return admin1.status();
  stats.by_admin1 = std::move(admin1.value());
  return stats;
}

void AppendStatsJson(const Stats& stats, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  WriteStatRows("by_week_and_type", stats.by_week_and_type, true, &w);
  WriteStatRows("by_actor_pair", stats.by_actor_pair, false, &w);
  WriteStatRows("by_admin1", stats.by_admin1, false, &w);
  w.EndObject();
  out->push_back('\n');
}

}  // namespace rasd::store
