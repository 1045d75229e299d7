// The store commands end to end, on the real binary and the 60 dev articles:
// `rasd ingest` then `rasd query` in every output format (each parsed back:
// JSON lines, GeoJSON, ACLED CSV columns), --actor by alias, --place by
// name, `rasd search` with highlights, `rasd stats --json`, and the clear
// errors (bad --near, read-only database) that leave the file as it was.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/event_store.h"
#include "test_util.h"

namespace rasd::store {
namespace {

using testing::QueryInt;
using testing::TempDir;

struct Output {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `rasd --data <repo>/data ARGS...` with stdout and stderr captured.
Output Rasd(const TempDir& dir, const std::vector<std::string>& args) {
  const std::string out_path = dir.File("stdout");
  const std::string err_path = dir.File("stderr");
  const pid_t pid = fork();
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    const std::string data = std::string(RASD_SOURCE_DIR) + "/data";
    std::vector<const char*> argv = {RASD_BINARY, "--data", data.c_str()};
    for (const std::string& a : args) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    execv(RASD_BINARY, const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out_path), ReadFile(err_path)};
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CSV records end in CRLF
    lines.push_back(line);
  }
  return lines;
}

// Fields of one CSV record (RFC 4180 quoting; records here have no newlines).
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

class StoreCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    db_ = new std::string(dir_->File("rasd.db"));
    const Output ingest =
        Rasd(*dir_, {"ingest", std::string(RASD_SOURCE_DIR) + "/eval/corpus/dev.jsonl", "--db",
                     *db_, "--threads", "2"});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    ASSERT_NE(ingest.err.find("60 new"), std::string::npos) << ingest.err;
    auto store = EventStore::Open(*db_, {});
    ASSERT_TRUE(store.ok());
    events_ = QueryInt((*store)->db(), "SELECT count(*) FROM canonical_events");
    located_ =
        QueryInt((*store)->db(), "SELECT count(*) FROM canonical_events WHERE lat IS NOT NULL");
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  Output Query(std::vector<std::string> args) {
    args.insert(args.begin(), {"query", "--db", *db_});
    return Rasd(*dir_, args);
  }
  // Event ids of a JSONL query answer.
  std::set<std::int64_t> Ids(const Output& o) {
    EXPECT_EQ(o.exit_code, 0) << o.err;
    std::set<std::int64_t> ids;
    simdjson::dom::parser parser;
    for (const std::string& line : Lines(o.out)) {
      simdjson::dom::element e;
      EXPECT_EQ(parser.parse(line).get(e), simdjson::SUCCESS) << line;
      std::int64_t id = 0;
      EXPECT_EQ(e["event_id"].get(id), simdjson::SUCCESS) << line;
      ids.insert(id);
    }
    return ids;
  }

  static TempDir* dir_;
  static std::string* db_;
  static std::int64_t events_;
  static std::int64_t located_;
};

TempDir* StoreCliTest::dir_ = nullptr;
std::string* StoreCliTest::db_ = nullptr;
std::int64_t StoreCliTest::events_ = 0;
std::int64_t StoreCliTest::located_ = 0;

TEST_F(StoreCliTest, JsonLinesHoldEveryCanonicalEvent) {
  ASSERT_GT(events_, 60);
  EXPECT_EQ(static_cast<std::int64_t>(Ids(Query({"--format", "jsonl"})).size()), events_);
  // Not a terminal: JSONL is the default.
  EXPECT_EQ(static_cast<std::int64_t>(Ids(Query({})).size()), events_);
}

TEST_F(StoreCliTest, GeoJsonIsAFeatureCollectionOfPoints) {
  const Output o = Query({"--format", "geojson"});
  ASSERT_EQ(o.exit_code, 0) << o.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(o.out).get(doc), simdjson::SUCCESS);
  std::string_view type;
  ASSERT_EQ(doc["type"].get(type), simdjson::SUCCESS);
  EXPECT_EQ(type, "FeatureCollection");
  simdjson::dom::array features;
  ASSERT_EQ(doc["features"].get(features), simdjson::SUCCESS);
  EXPECT_EQ(static_cast<std::int64_t>(features.size()),
            located_);  // events without a point stay out
  for (simdjson::dom::element f : features) {
    std::string_view ftype, gtype, event_type;
    ASSERT_EQ(f["type"].get(ftype), simdjson::SUCCESS);
    EXPECT_EQ(ftype, "Feature");
    ASSERT_EQ(f["geometry"]["type"].get(gtype), simdjson::SUCCESS);
    EXPECT_EQ(gtype, "Point");
    simdjson::dom::array xy;
    ASSERT_EQ(f["geometry"]["coordinates"].get(xy), simdjson::SUCCESS);
    ASSERT_EQ(xy.size(), 2u);
    double lon = 0, lat = 0;
    ASSERT_EQ(xy.at(0).get(lon), simdjson::SUCCESS);
    ASSERT_EQ(xy.at(1).get(lat), simdjson::SUCCESS);
    // Longitude first (RFC 7946): the dev articles are about Syria and around it.
    EXPECT_GT(lon, 25.0);
    EXPECT_LT(lon, 60.0);
    EXPECT_GT(lat, 25.0);
    EXPECT_LT(lat, 45.0);
    EXPECT_EQ(f["properties"]["event_type"].get(event_type), simdjson::SUCCESS);
  }
}

TEST_F(StoreCliTest, AcledCsvHasTheAcledColumnsOnEveryRow) {
  const Output o = Query({"--format", "acled-csv"});
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::vector<std::string> lines = Lines(o.out);
  ASSERT_EQ(static_cast<std::int64_t>(lines.size()), events_ + 1);
  const std::vector<std::string> header = CsvFields(lines[0]);
  for (const char* column :
       {"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
        "latitude", "longitude", "source", "notes", "fatalities"}) {
    EXPECT_NE(std::find(header.begin(), header.end(), column), header.end()) << column;
  }
  const auto type_column = std::find(header.begin(), header.end(), "event_type") - header.begin();
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> row = CsvFields(lines[i]);
    ASSERT_EQ(row.size(), header.size()) << lines[i];
    EXPECT_FALSE(row[static_cast<std::size_t>(type_column)].empty()) << lines[i];
  }
}

TEST_F(StoreCliTest, ActorByAliasIsActorById) {
  const std::set<std::int64_t> by_id = Ids(Query({"--actor", "ISLAMIC_STATE"}));
  EXPECT_FALSE(by_id.empty());
  EXPECT_EQ(Ids(Query({"--actor", "داعش"})), by_id);
  EXPECT_EQ(Ids(Query({"--actor", "تنظيم الدولة"})), by_id);
  EXPECT_TRUE(Ids(Query({"--actor", "NO_SUCH_ACTOR"})).empty());
}

TEST_F(StoreCliTest, PlaceByNameAndNearAPoint) {
  auto store = EventStore::Open(*db_, {});
  ASSERT_TRUE(store.ok());
  auto row = (*store)->db()->Prepare(
      "SELECT id, location_name, lat, lon FROM canonical_events WHERE place_id IS NOT NULL AND"
      " lat IS NOT NULL ORDER BY id LIMIT 1");
  ASSERT_TRUE(row.ok());
  Status st;
  ASSERT_TRUE(row->Step(&st));
  const std::int64_t id = row->Int(0);
  const std::string name = row->String(1);
  const double lat = row->Double(2);
  const double lon = row->Double(3);
  row->Reset();
  // By its name as written (the gazetteer may know several places so named).
  EXPECT_EQ(Ids(Query({"--place", name})).count(id), 1u) << name;
  EXPECT_TRUE(Ids(Query({"--place", "NO_SUCH_PLACE"})).empty());
  // Within a kilometre of its own point; not within 1 km of a point 1 degree away.
  const std::string at = std::to_string(lat) + "," + std::to_string(lon);
  EXPECT_EQ(Ids(Query({"--near", at + ",1"})).count(id), 1u) << at;
  const std::string away = std::to_string(lat + 1.0) + "," + std::to_string(lon) + ",1";
  EXPECT_EQ(Ids(Query({"--near", away})).count(id), 0u) << away;
}

TEST_F(StoreCliTest, SearchHighlightsAndStatsAddUp) {
  const Output s = Rasd(*dir_, {"search", "--db", *db_, "النصرة", "--format", "jsonl"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const std::vector<std::string> hits = Lines(s.out);
  ASSERT_FALSE(hits.empty());
  simdjson::dom::parser parser;
  for (const std::string& line : hits) {
    simdjson::dom::element e;
    ASSERT_EQ(parser.parse(line).get(e), simdjson::SUCCESS) << line;
    std::string_view snippet;
    ASSERT_EQ(e["snippet"].get(snippet), simdjson::SUCCESS);
    EXPECT_NE(snippet.find('['), std::string_view::npos) << snippet;  // marks off a terminal
  }
  const Output stats = Rasd(*dir_, {"stats", "--db", *db_, "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(stats.out).get(doc), simdjson::SUCCESS) << stats.out;
  EXPECT_EQ(doc.type(), simdjson::dom::element_type::OBJECT);
  EXPECT_NE(stats.out.find("\"events\""), std::string::npos);
}

TEST_F(StoreCliTest, ClearErrorsLeaveTheFileAsItWas) {
  const Output near = Query({"--near", "36.2,37.15"});
  EXPECT_NE(near.exit_code, 0);
  EXPECT_NE(near.err.find("--near"), std::string::npos) << near.err;
  const Output ro =
      Rasd(*dir_, {"ingest", std::string(RASD_SOURCE_DIR) + "/eval/corpus/seeds.jsonl", "--db",
                   "file:" + *db_ + "?mode=ro"});
  EXPECT_NE(ro.exit_code, 0);
  EXPECT_NE(ro.err.find("read-only"), std::string::npos) << ro.err;
  auto store = EventStore::Open(*db_, {});
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(QueryInt((*store)->db(), "SELECT count(*) FROM documents"), 60);
  EXPECT_EQ(QueryInt((*store)->db(), "SELECT count(*) FROM canonical_events"), events_);
}

}  // namespace
}  // namespace rasd::store
