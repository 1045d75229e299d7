// Store benchmarks on a synthetic store of one million canonical events made
// from the shapes of the dev corpus gold (types, actors, places, fatalities,
// evidence wording), spread over 2011-2024. The store is generated once into
// $TMPDIR/rasd_store_bench_v2.db (a prepared-statement bulk insert in one
// transaction) and reused by later runs. Figures go to docs/performance.md.
//
//   build/release/bench/store_bench --benchmark_min_time=0.5
#include <cstdio>
#include <filesystem>
#include <random>

#include <benchmark/benchmark.h>

#include "../tests/store/gold_fixture.h"
#include "store/event_store.h"
#include "store/query.h"

namespace rasd::store {
namespace {

constexpr std::int64_t kEvents = 1'000'000;
constexpr std::int64_t kDocuments = 20'000;  // the 60 dev articles, each many times
constexpr int kDays = 5000;                  // from 2011-03-15
const char kBenchFile[] = "rasd_store_bench_v2.db";

// "prefix" + n; not operator+, which trips GCC 12's -Wrestrict false positive.
std::string Numbered(const char* prefix, long long n) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%lld", prefix, n);
  return buf;
}

struct Shape {
  Event event;
  std::string evidence;
};

std::vector<Shape> GoldShapes(const std::vector<testing::GoldArticle>& articles) {
  std::vector<Shape> shapes;
  for (const auto& a : articles) {
    for (const Event& e : a.result.events) {
      shapes.push_back({e, a.doc.text.substr(e.evidence.begin.value, e.evidence.size())});
    }
  }
  return shapes;
}

Status Generate(const std::string& path) {
  const auto articles = testing::LoadGoldArticles();
  const auto shapes = GoldShapes(articles);
  auto store = EventStore::Open(path, {});
  if (!store.ok()) return store.status();
  Database* db = (*store)->db();
  RASD_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = OFF"));
  Transaction txn(db);
  RASD_RETURN_IF_ERROR(txn.Begin());
  auto doc = db->Prepare(
      "INSERT INTO documents(id, doc_id, title, text, pub_date, source, url, origin, content_hash,"
      " rasd_version, data_version, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', '', ?7,"
      " 'bench', 'bench', '2026-01-01T00:00:00Z')");
  auto mention = db->Prepare(
      "INSERT INTO event_mentions(id, doc, ordinal, event_type, sub_event_type, actor1, actor2,"
      " location_name, place_id, lat, lon, geo_precision, admin1, date, time_precision,"
      " fatalities, status, confidence, evidence_start, evidence_end, trigger_start, trigger_end,"
      " evidence_text, rasd_version, data_version, day, canonical, lineage1, lineage2)"
      " VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1, ?14, 'current',"
      " 1.0, 0, 0, 0, 0, ?15, 'bench', 'bench', ?16, ?1, ?5, ?6)");
  auto canonical = db->Prepare(
      "INSERT INTO canonical_events(id, event_type, sub_event_type, day, date, time_precision,"
      " location_name, place_id, lat, lon, geo_precision, admin1, actor1, actor2, lineage1,"
      " lineage2, status, fatalities, fatalities_max, n_mentions, n_articles, n_sources,"
      " first_report, first_mention) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, ?10, ?11,"
      " ?12, ?13, ?12, ?13, 'current', ?14, ?14, 1, 1, 1, ?5, ?1)");
  for (auto* s : {&doc, &mention, &canonical}) {
    if (!s->ok()) return s->status();
  }
  const std::int64_t base = DayNumber("2011-03-15").value();
  for (std::int64_t i = 0; i < kDocuments; ++i) {
    const auto& a = articles[static_cast<std::size_t>(i) % articles.size()];
    doc->Bind(1, i + 1);
    doc->Bind(2, Numbered("bench-", i));
    doc->Bind(3, a.doc.title);
    doc->Bind(4, a.doc.text);
    doc->Bind(5, IsoDate(base + (i * 7919) % kDays));
    doc->Bind(6, a.doc.source);
    doc->Bind(7, Numbered("h", i));
    RASD_RETURN_IF_ERROR(doc->Run());
  }
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> jitter(-0.05, 0.05);
  for (std::int64_t i = 0; i < kEvents; ++i) {
    const Shape& s = shapes[static_cast<std::size_t>(i) % shapes.size()];
    const Event& e = s.event;
    const std::int64_t day = base + (i * 104729) % kDays;
    const std::string date = IsoDate(day);
    std::optional<double> lat, lon;
    std::string name, place_id;
    if (e.location && e.location->lat) {
      lat = *e.location->lat + jitter(rng);
      lon = *e.location->lon + jitter(rng);
      name = e.location->name;
      place_id = e.location->place_id;
    }
    const std::string admin1 = lat ? (*lat > 35.5 ? "حلب" : "ريف دمشق") : "";
    canonical->Bind(1, i + 1);
    canonical->Bind(2, e.event_type);
    canonical->Bind(3, e.sub_event_type);
    canonical->Bind(4, day);
    canonical->Bind(5, date);
    canonical->BindTextOrNull(6, name);
    canonical->BindTextOrNull(7, place_id);
    canonical->Bind(8, lat);
    canonical->Bind(9, lon);
    canonical->Bind(10, e.location ? e.location->geo_precision : 0);
    canonical->BindTextOrNull(11, admin1);
    canonical->BindTextOrNull(12, e.actor1);
    canonical->BindTextOrNull(13, e.actor2);
    canonical->Bind(14, e.fatalities);
    RASD_RETURN_IF_ERROR(canonical->Run());
    mention->Bind(1, i + 1);
    mention->Bind(2, i % kDocuments + 1);
    mention->Bind(3, e.event_type);
    mention->Bind(4, e.sub_event_type);
    mention->BindTextOrNull(5, e.actor1);
    mention->BindTextOrNull(6, e.actor2);
    mention->BindTextOrNull(7, name);
    mention->BindTextOrNull(8, place_id);
    mention->Bind(9, lat);
    mention->Bind(10, lon);
    mention->Bind(11, e.location ? e.location->geo_precision : 0);
    mention->BindTextOrNull(12, admin1);
    mention->Bind(13, date);
    mention->Bind(14, e.fatalities);
    mention->Bind(15, s.evidence);
    mention->Bind(16, day);
    RASD_RETURN_IF_ERROR(mention->Run());
  }
  RASD_RETURN_IF_ERROR(txn.Commit());
  return db->Exec("ANALYZE");
}

EventStore* BenchStore() {
  static EventStore* store = [] {
    const auto path = (std::filesystem::temp_directory_path() / kBenchFile).string();
    const auto done = path + ".complete";
    if (!std::filesystem::exists(done)) {
      std::filesystem::remove(path);
      std::fprintf(stderr, "generating %lld events into %s (once)...\n",
                   static_cast<long long>(kEvents), path.c_str());
      const Status s = Generate(path);
      if (!s.ok()) {
        std::fprintf(stderr, "%s\n", s.ToString().c_str());
        std::abort();
      }
      std::FILE* f = std::fopen(done.c_str(), "w");
      if (f != nullptr) std::fclose(f);
    }
    StoreOptions options;
    options.create = false;
    return EventStore::Open(path, options).value().release();
  }();
  return store;
}

void RunQuery(benchmark::State& state, const EventFilter& filter) {
  EventStore* store = BenchStore();
  std::size_t found = 0;
  for (auto _ : state) {
    auto events = QueryEvents(store->db(), filter);
    if (!events.ok()) state.SkipWithError(events.status().ToString().c_str());
    found = events.ok() ? events->size() : 0;
    benchmark::DoNotOptimize(found);
  }
  state.counters["events"] = static_cast<double>(found);
}

void BM_QueryActorTypeMonth(benchmark::State& state) {
  EventFilter f;
  f.actors = {"ISLAMIC_STATE"};
  f.event_type = "Battles";
  f.from = "2015-07-01";
  f.to = "2015-09-30";
  RunQuery(state, f);
}
BENCHMARK(BM_QueryActorTypeMonth)->Unit(benchmark::kMillisecond);

void BM_QueryNearAleppoYear(benchmark::State& state) {
  EventFilter f;
  f.near = NearFilter{36.2, 37.15, 25.0};
  f.from = "2016-01-01";
  f.to = "2016-03-31";
  RunQuery(state, f);
}
BENCHMARK(BM_QueryNearAleppoYear)->Unit(benchmark::kMillisecond);

void BM_QueryAdmin1SubTypeFatalities(benchmark::State& state) {
  EventFilter f;
  f.admin1 = "ريف دمشق";
  f.sub_event_type = "Air/drone strike";
  f.min_fatalities = 10;
  f.from = "2013-01-01";
  f.to = "2013-12-31";
  RunQuery(state, f);
}
BENCHMARK(BM_QueryAdmin1SubTypeFatalities)->Unit(benchmark::kMillisecond);

void BM_QueryTextAndMonth(benchmark::State& state) {
  EventFilter f;
  f.text = "البراميل";
  f.from = "2014-05-01";
  f.to = "2014-05-31";
  RunQuery(state, f);
}
BENCHMARK(BM_QueryTextAndMonth)->Unit(benchmark::kMillisecond);

void BM_SearchArticles(benchmark::State& state) {
  EventStore* store = BenchStore();
  SearchOptions options;
  std::size_t found = 0;
  for (auto _ : state) {
    auto hits = SearchArticles(store->db(), "النصرة", options);
    found = hits.ok() ? hits->size() : 0;
    benchmark::DoNotOptimize(found);
  }
  state.counters["hits"] = static_cast<double>(found);
}
BENCHMARK(BM_SearchArticles)->Unit(benchmark::kMillisecond);

void ShiftDates(std::int64_t days, Document* doc, DocumentResult* result) {
  if (auto d = DayNumber(doc->pub_date)) doc->pub_date = IsoDate(*d + days);
  for (Event& e : result->events) {
    if (auto d = DayNumber(e.date)) e.date = IsoDate(*d + days);
  }
}

// Store writes alone: the 60 dev articles with their gold events (5 a piece
// on average), new doc_ids every round, state.range(0) a transaction: 512 as
// `rasd ingest` (kBatchDocuments in src/cli/store_commands.cc), 256 as before.
void BM_IngestStoreWrites(benchmark::State& state) {
  const auto batch = static_cast<int>(state.range(0));
  const auto articles = testing::LoadGoldArticles();
  const auto dir = std::filesystem::temp_directory_path() / "rasd_store_bench_ingest";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = EventStore::Open((dir / "ingest.db").string(), {});
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  std::int64_t round = 0;
  std::vector<Document> docs;
  std::vector<DocumentResult> results;
  for (auto _ : state) {
    state.PauseTiming();
    docs.clear();
    results.clear();
    for (int k = 0; k < batch; ++k) {
      const auto& a = articles[static_cast<std::size_t>(k) % articles.size()];
      docs.push_back(a.doc);
      docs.back().doc_id = Numbered(Numbered("r", round).append("-").c_str(), k);
      results.push_back(a.result);
      // Each round reports new events (ten days later), as a live feed does;
      // within a round, the copies of an article are reports of one event.
      ShiftDates(round * 10, &docs.back(), &results.back());
    }
    ++round;
    state.ResumeTiming();
    auto summary = (*store)->PutBatch(docs, results, {"bench", "bench"});
    if (!summary.ok()) state.SkipWithError(summary.status().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * batch);
  store->reset();
  std::filesystem::remove_all(dir);
}
// items_per_second is per CPU second of the writing thread: articles per second per core.
BENCHMARK(BM_IngestStoreWrites)->Arg(256)->Arg(512)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rasd::store
