// End-to-end behaviour of `rasd extract`, run as a user runs it: formats in
// and out, input order with several threads, rejected lines kept byte for
// byte, exit statuses, and code-point evidence offsets that the scorer reads.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "cli_test_util.h"

namespace rasd::testing {
namespace {

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string Seeds() { return SourceDir() + "/eval/corpus/seeds.jsonl"; }
std::string Dev() { return SourceDir() + "/eval/corpus/dev.jsonl"; }

// Counts code points, as the spec's offsets do.
std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A build that links mimalloc must run on it: a link order that left
// glibc's malloc in charge would cost the speed docs/performance.md reports.
TEST(ExtractCli, VersionNamesTheAllocatorThatServesMalloc) {
  const RunResult r = RunRasd("--version");
  ASSERT_EQ(r.exit_code, 0);
#ifdef RASD_EXPECT_MIMALLOC
  EXPECT_NE(r.out.find("(allocator: mimalloc 2."), std::string::npos) << r.out;
#else
  EXPECT_NE(r.out.find("(allocator: system malloc)"), std::string::npos) << r.out;
#endif
}

TEST(ExtractCli, WritesOneRecordPerArticleInInputOrder) {
  const RunResult r = RunRasd("extract " + Seeds());
  ASSERT_EQ(r.exit_code, 0);
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 5u);
  simdjson::dom::parser parser;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(lines[i]).get(doc), simdjson::SUCCESS) << lines[i].substr(0, 200);
    std::string_view id;
    ASSERT_EQ(doc["doc_id"].get(id), simdjson::SUCCESS);
    EXPECT_EQ(id, "seed-00" + std::to_string(i));
    simdjson::dom::array events;
    EXPECT_EQ(doc["events"].get(events), simdjson::SUCCESS);
    simdjson::dom::array actors;
    EXPECT_EQ(doc["actors"].get(actors), simdjson::SUCCESS);
  }
}

TEST(ExtractCli, ThreadsDoNotChangeTheOutput) {
  const RunResult one = RunRasd("extract --threads 1 " + Dev());
  const RunResult two = RunRasd("extract --threads 2 " + Dev());
  ASSERT_EQ(one.exit_code, 0);
  ASSERT_EQ(two.exit_code, 0);
  EXPECT_EQ(Lines(one.out).size(), 60u);
  EXPECT_EQ(one.out, two.out);
}

TEST(ExtractCli, EvidenceOffsetsAreCodePointsIntoTheText) {
  const RunResult r = RunRasd("extract --debug " + Dev());
  ASSERT_EQ(r.exit_code, 0);
  simdjson::dom::parser parser;
  std::size_t checked = 0;
  for (const std::string& line : Lines(r.out)) {
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(line).get(doc), simdjson::SUCCESS);
    std::string_view text;
    ASSERT_EQ(doc["text"].get(text), simdjson::SUCCESS);
    const std::size_t length = CodePoints(text);
    for (simdjson::dom::element e : doc["events"].get_array()) {
      const std::int64_t start = e["evidence"]["start"].get_int64();
      const std::int64_t end = e["evidence"]["end"].get_int64();
      EXPECT_LE(0, start);
      EXPECT_LT(start, end);
      EXPECT_LE(static_cast<std::size_t>(end), length);
      ++checked;
    }
  }
  EXPECT_GT(checked, 60u) << "the dev corpus reports hundreds of events";
}

TEST(ExtractCli, BadJsonlLinesAreReportedKeptAndTheRestProcessed) {
  TempDir dir;
  const std::string good1 = R"({"doc_id":"a","text":"قصفت قوات النظام مدينة داريا."})";
  const std::string bad1 = R"({"doc_id":"b","text":)";
  const std::string bad2 = R"({"doc_id":"c","title":"no text"})";
  const std::string good2 = R"({"doc_id":"d","text":"اشتباكات في حلب."})";
  WriteAll(dir.path() / "in.jsonl", good1 + "\n" + bad1 + "\n" + bad2 + "\n" + good2 + "\n");
  const std::string rejects = (dir.path() / "rejects.jsonl").string();
  const std::string err = (dir.path() / "err.txt").string();
  const RunResult r =
      RunRasd("extract " + (dir.path() / "in.jsonl").string() + " --rejects " + rejects, err);
  EXPECT_EQ(r.exit_code, 3) << "some input was rejected";
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("\"doc_id\":\"a\""), std::string::npos);
  EXPECT_NE(lines[1].find("\"doc_id\":\"d\""), std::string::npos);
  EXPECT_EQ(ReadAll(rejects), bad1 + "\n" + bad2 + "\n");
  const std::string messages = ReadAll(err);
  EXPECT_NE(messages.find("in.jsonl:2:"), std::string::npos) << messages;
  EXPECT_NE(messages.find("in.jsonl:3:"), std::string::npos) << messages;
}

TEST(ExtractCli, ABadDateKeepsTheArticleWithAWarning) {
  TempDir dir;
  WriteAll(dir.path() / "in.jsonl",
           R"({"doc_id":"a","pub_date":"yesterday","text":"اشتباكات في حلب."})"
           "\n");
  const std::string rejects = (dir.path() / "rejects.jsonl").string();
  const std::string err = (dir.path() / "err.txt").string();
  const RunResult r =
      RunRasd("extract " + (dir.path() / "in.jsonl").string() + " --rejects " + rejects, err);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(Lines(r.out).size(), 1u);
  EXPECT_EQ(ReadAll(rejects), "");
  EXPECT_NE(ReadAll(err).find("warning"), std::string::npos) << ReadAll(err);
}

TEST(ExtractCli, ReadsStandardInputAndTextDirectories) {
  const RunResult piped =
      RunRasd("extract - < " + SourceDir() + "/eval/corpus/seeds/000_88fe3e6cb2bfb7cd.txt");
  ASSERT_EQ(piped.exit_code, 0);
  EXPECT_EQ(Lines(piped.out).size(), 1u);
  const RunResult dir = RunRasd("extract " + SourceDir() + "/eval/corpus/seeds");
  ASSERT_EQ(dir.exit_code, 0);
  EXPECT_EQ(Lines(dir.out).size(), 5u);
  EXPECT_NE(dir.out.find("\"doc_id\":\"000_88fe3e6cb2bfb7cd\""), std::string::npos);
}

TEST(ExtractCli, AcledCsvHasTheAcledColumns) {
  const RunResult r = RunRasd("extract --format acled-csv " + Dev());
  ASSERT_EQ(r.exit_code, 0);
  const auto lines = Lines(r.out);
  ASSERT_GT(lines.size(), 10u);
  // RFC 4180 ends records with CRLF.
  ASSERT_EQ(lines[0].back(), '\r');
  EXPECT_EQ(lines[0].substr(0, lines[0].size() - 1),
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
            "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
            "interaction,civilian_targeting,iso,country,admin1,admin2,admin3,location,"
            "latitude,longitude,geo_precision,source,notes,fatalities");
}

TEST(ExtractCli, GeoJsonIsOneFeatureCollection) {
  const RunResult r = RunRasd("extract --format geojson " + Dev());
  ASSERT_EQ(r.exit_code, 0);
  simdjson::dom::parser parser;
  simdjson::dom::element fc;
  ASSERT_EQ(parser.parse(r.out).get(fc), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(fc["type"].get_string()), "FeatureCollection");
  simdjson::dom::array features;
  ASSERT_EQ(fc["features"].get(features), simdjson::SUCCESS);
  ASSERT_GT(features.size(), 5u);
  for (simdjson::dom::element f : features) {
    simdjson::dom::array coords = f["geometry"]["coordinates"].get_array();
    const double lon = coords.at(0).get_double();
    const double lat = coords.at(1).get_double();
    EXPECT_TRUE(lon > -180 && lon < 180 && lat > -90 && lat < 90);
  }
}

TEST(ExtractCli, UnknownFormatIsAUsageError) {
  EXPECT_EQ(RunRasd("extract --format xml " + Seeds()).exit_code, 2);
  EXPECT_EQ(RunRasd("extract /nonexistent/file.jsonl").exit_code, 4);
}

}  // namespace
}  // namespace rasd::testing
