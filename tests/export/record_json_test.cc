// The JSON-lines record (spec/events.md section 5), read back with simdjson:
// spans become code-point offsets at every byte of a real seed article, and
// text fields with quotes, line breaks and control characters come back as
// they went in.
#include "export/record_json.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

namespace rasd {
namespace {

std::string FirstSeedArticle() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(RASD_SOURCE_DIR "/eval/corpus/seeds")) {
    paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::ifstream in(paths.at(0), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Code points that start before byte b: bytes that are not 10xxxxxx.
std::uint64_t CodePointsBefore(const std::string& text, std::size_t b) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < b && i < text.size(); ++i) {
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return n;
}

TEST(RecordJson, WritesTheCodePointOffsetOfEveryByteOffsetOfAnArticle) {
  Document doc;
  doc.doc_id = "seed";
  doc.text = FirstSeedArticle();
  ASSERT_GT(doc.text.size(), 200u);
  DocumentResult result;
  ActorMention every_offset;
  every_offset.id = "new:test";
  every_offset.text = "test";
  // [b, b + 1) for every byte, and one span past the end (clamped to it).
  for (std::uint32_t b = 0; b < doc.text.size(); ++b) {
    every_offset.spans.push_back({ByteOffset(b), ByteOffset(b + 1)});
  }
  const auto size = static_cast<std::uint32_t>(doc.text.size());
  every_offset.spans.push_back({ByteOffset(size), ByteOffset(size + 9)});
  result.actors.push_back(every_offset);
  std::string out;
  AppendDocumentRecord(doc, result, {}, &out);

  simdjson::dom::parser parser;
  simdjson::dom::element record;
  ASSERT_EQ(parser.parse(out).get(record), simdjson::SUCCESS);
  simdjson::dom::array spans;
  ASSERT_EQ(record["actors"].at(0)["spans"].get(spans), simdjson::SUCCESS);
  ASSERT_EQ(spans.size(), every_offset.spans.size());
  std::size_t i = 0;
  for (simdjson::dom::element span : spans) {
    const ByteSpan bytes = every_offset.spans[i++];
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    ASSERT_EQ(span.at(0).get(start), simdjson::SUCCESS);
    ASSERT_EQ(span.at(1).get(end), simdjson::SUCCESS);
    ASSERT_EQ(start, CodePointsBefore(doc.text, bytes.begin.value)) << bytes.begin.value;
    ASSERT_EQ(end, CodePointsBefore(doc.text, bytes.end.value)) << bytes.end.value;
  }
}

TEST(RecordJson, TextFieldsComeBackAsTheyWentIn) {
  Document doc;
  doc.doc_id = "snn-\"035\"";
  // Three copies: a text longer than the record's reserve, written apart.
  doc.text = FirstSeedArticle() + "\n" + FirstSeedArticle() + "\n" + FirstSeedArticle();
  doc.source = "شبكة \"شام\"\tالإخبارية\n\x01";
  DocumentResult result;
  Event e;
  e.event_type = "Battles";
  e.sub_event_type = "Armed clash";
  e.actor1 = "HTS";
  e.fatalities_text = "مقتل \\ 5";
  e.trigger = {ByteOffset(0), ByteOffset(10)};
  e.evidence = {ByteOffset(0), ByteOffset(static_cast<std::uint32_t>(doc.text.size()))};
  e.confidence = 0.675;
  Location loc;
  loc.name = "أريحا";
  loc.lat = 35.8125;
  loc.lon = -0.000001;
  e.location = loc;
  result.events.push_back(e);
  std::string out;
  AppendDocumentRecord(doc, result, {.with_text = true}, &out);
  ASSERT_EQ(out.back(), '\n');

  simdjson::dom::parser parser;
  simdjson::dom::element record;
  ASSERT_EQ(parser.parse(out).get(record), simdjson::SUCCESS) << out;
  std::string_view s;
  ASSERT_EQ(record["doc_id"].get(s), simdjson::SUCCESS);
  EXPECT_EQ(s, doc.doc_id);
  ASSERT_EQ(record["source"].get(s), simdjson::SUCCESS);
  EXPECT_EQ(s, doc.source);
  ASSERT_EQ(record["text"].get(s), simdjson::SUCCESS);
  EXPECT_EQ(s, doc.text);
  EXPECT_TRUE(record["pub_date"].is_null());
  simdjson::dom::element event = record["events"].at(0);
  ASSERT_EQ(event["fatalities_text"].get(s), simdjson::SUCCESS);
  EXPECT_EQ(s, e.fatalities_text);
  ASSERT_EQ(event["trigger_text"].get(s), simdjson::SUCCESS);
  EXPECT_EQ(s, doc.text.substr(0, 10));
  EXPECT_TRUE(event["actor2"].is_null());
  // Numbers as printf would write them: %.5f for coordinates, %.2f for confidence.
  EXPECT_NE(out.find("\"lat\":35.81250,\"lon\":-0.00000,"), std::string::npos) << out;
  EXPECT_NE(out.find("\"confidence\":0.68}"), std::string::npos) << out;
}

// Records are formatted in a buffer of the thread's and appended: each one
// appends exactly its own text, whatever the string held before and
// whatever larger record the buffer held last.
TEST(RecordJson, RecordsAppendedOneAfterAnotherReadAsEachAlone) {
  Document large;
  large.doc_id = "large";
  large.text = FirstSeedArticle();
  DocumentResult many_spans;
  ActorMention actor;
  actor.id = "new:test";
  actor.text = large.text.substr(0, 40);
  for (std::uint32_t b = 0; b + 2 < large.text.size(); b += 3) {
    actor.spans.push_back({ByteOffset(b), ByteOffset(b + 2)});
  }
  many_spans.actors.push_back(actor);
  Document small;
  small.doc_id = "small";
  small.text = large.text.substr(0, 120);
  DocumentResult none;

  std::string alone_large, alone_small;
  AppendDocumentRecord(large, many_spans, {}, &alone_large);
  AppendDocumentRecord(small, none, {}, &alone_small);
  ASSERT_GT(alone_large.size(), 16 * 1024u);  // more than the reserve of one mention
  std::string both = "{}\n";
  AppendDocumentRecord(small, none, {}, &both);
  AppendDocumentRecord(large, many_spans, {}, &both);
  AppendDocumentRecord(small, none, {}, &both);
  EXPECT_EQ(both, "{}\n" + alone_small + alone_large + alone_small);
  simdjson::dom::parser parser;
  simdjson::dom::element record;
  ASSERT_EQ(parser.parse(alone_small).get(record), simdjson::SUCCESS) << alone_small;
  std::string_view id;
  ASSERT_EQ(record["doc_id"].get(id), simdjson::SUCCESS);
  EXPECT_EQ(id, "small");
}

}  // namespace
}  // namespace rasd
