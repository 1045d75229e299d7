// JSONL intake on the real dev corpus, and on a file where bad lines sit
// between good ones: every good line must arrive, in order; every bad line
// must come back as a Rejection naming file:line, the reason, and its bytes.
#include "intake/jsonl.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/json_writer.h"
#include "common/limits.h"
#include "corpus_util.h"
#include "intake/iso_date.h"
#include "intake/reader.h"

namespace rasd::intake {
namespace {

using testing::CorpusPath;
using ::testing::HasSubstr;
using testing::ReadBytes;
using ::testing::StartsWith;

std::vector<std::string> SplitLines(const std::string& content) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    if (end > start) lines.push_back(content.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

struct Collected {
  std::vector<Document> documents;
  std::vector<Rejection> rejections;
  DocumentCallback OnDocument() {
    return [this](Document&& d) { documents.push_back(std::move(d)); };
  }
  RejectionCallback OnReject() {
    return [this](Rejection&& r) { rejections.push_back(std::move(r)); };
  }
};

// A sentence of seeds/002 (a real article), used as the text of made-up lines.
const char kSentence[] =
    "نفى مصدر عسكري متواجد في المناطق الخاضعة لسيطرة الثوار غرب منطقة خناصر أي مشاركة لجند "
    "الأقصى وجبهة النصرة في هجوم تنظيم داعش على مقرات ومواقع قوات النظام";

std::string LineWithText(const std::string& extra_fields) {
  std::string line = "{\"text\": ";
  AppendJsonString(kSentence, &line);
  return line + extra_fields + "}";
}

TEST(JsonlTest, DevCorpusArrivesWholeAndInOrder) {
  const std::string path = CorpusPath("dev.jsonl");
  const std::vector<std::string> lines = SplitLines(ReadBytes(path));
  ASSERT_EQ(lines.size(), 60u);
  Collected got;
  ASSERT_TRUE(ReadInput(path, InputFormat::kAuto, got.OnDocument(), got.OnReject()).ok());
  EXPECT_TRUE(got.rejections.empty());
  ASSERT_EQ(got.documents.size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Document& doc = got.documents[i];
    EXPECT_EQ(doc.origin, path + ":" + std::to_string(i + 1));
    EXPECT_THAT(lines[i], HasSubstr("\"doc_id\": \"" + doc.doc_id + "\""));
    std::string escaped_text;
    AppendJsonString(doc.text, &escaped_text);
    EXPECT_THAT(lines[i], HasSubstr(escaped_text)) << "text of line " << i + 1 << " changed";
    EXPECT_THAT(lines[i], HasSubstr("\"pub_date\": \"" + doc.pub_date + "\""));
    EXPECT_FALSE(doc.title.empty());
  }
}

// seeds.jsonl holds the same articles as seeds/*.txt: the JSON-unescaped
// text must equal the file's bytes.
TEST(JsonlTest, SeedCorpusTextEqualsTheTextFiles) {
  Collected got;
  ASSERT_TRUE(
      ReadInput(CorpusPath("seeds.jsonl"), InputFormat::kAuto, got.OnDocument(), got.OnReject())
          .ok());
  EXPECT_TRUE(got.rejections.empty());
  const std::vector<std::string> files = testing::SeedArticlePaths();
  ASSERT_EQ(got.documents.size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Document& doc = got.documents[i];
    EXPECT_EQ(doc.text, ReadBytes(files[i])) << doc.doc_id;
    EXPECT_TRUE(doc.title.empty());  // null in seeds.jsonl
    EXPECT_TRUE(doc.pub_date.empty() || IsoDatePart(doc.pub_date) == doc.pub_date);
  }
}

// The mixed file: good dev lines with bad lines between them.
class MixedJsonlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<std::string> dev = SplitLines(ReadBytes(CorpusPath("dev.jsonl")));
    std::string bad_utf8 = dev[2];
    bad_utf8.insert(bad_utf8.find("\"text\": \"") + 20, 1, '\xFF');
    lines_ = {
        dev[0],                                          // 1 good
        "not json at all",                               // 2
        dev[1] + "\r",                                   // 3 good, CRLF
        "",                                              // 4 blank
        "{\"title\": \"x\"}",                            // 5
        "{\"text\": 42}",                                // 6
        "[1, 2]",                                        // 7
        bad_utf8,                                        // 8
        LineWithText(", \"title\": 7"),                  // 9
        LineWithText(", \"pub_date\": \"06/08/2015\""),  // 10 good, warned
        LineWithText(", \"pub_date\": \"2015-08-06T10:00:00Z\", \"title\": null"),  // 11 good
        "   ",                                                                      // 12 blank
        "{\"text\": \"\"}",                                                         // 13
        dev[3],  // 14 good, no '\n'
    };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      content_ += lines_[i];
      if (i + 1 < lines_.size()) content_ += "\n";
    }
  }

  void ExpectMixedResult(const Collected& got, const std::string& name) {
    ASSERT_EQ(got.documents.size(), 5u);
    const std::size_t good_lines[] = {1, 3, 10, 11, 14};
    for (std::size_t i = 0; i < 5; ++i) {
      EXPECT_EQ(got.documents[i].origin, name + ":" + std::to_string(good_lines[i]));
    }
    EXPECT_THAT(lines_[0], HasSubstr("\"doc_id\": \"" + got.documents[0].doc_id + "\""));
    EXPECT_EQ(got.documents[2].doc_id, "mixed:10");
    EXPECT_EQ(got.documents[2].text, kSentence);
    EXPECT_EQ(got.documents[2].pub_date, "");
    EXPECT_EQ(got.documents[3].pub_date, "2015-08-06");
    EXPECT_EQ(got.documents[3].title, "");

    struct Expected {
      std::size_t line;
      const char* reason;
      RejectionSeverity severity;
    };
    const Expected expected[] = {
        {2, "not JSON", RejectionSeverity::kSkipped},
        {5, "missing \"text\"", RejectionSeverity::kSkipped},
        {6, "\"text\" is a number, not a string", RejectionSeverity::kSkipped},
        {7, "not a JSON object but an array", RejectionSeverity::kSkipped},
        {8, "invalid UTF-8 at byte", RejectionSeverity::kSkipped},
        {9, "\"title\" is a number, not a string", RejectionSeverity::kSkipped},
        {10, "\"pub_date\" \"06/08/2015\" is not an ISO date", RejectionSeverity::kWarning},
        {13, "\"text\" is empty", RejectionSeverity::kSkipped},
    };
    ASSERT_EQ(got.rejections.size(), std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
      const Rejection& r = got.rejections[i];
      EXPECT_EQ(r.where, name + ":" + std::to_string(expected[i].line));
      EXPECT_THAT(r.reason, StartsWith(expected[i].reason)) << r.where;
      EXPECT_EQ(r.raw, lines_[expected[i].line - 1]) << r.where;
      EXPECT_EQ(r.severity, expected[i].severity) << r.where;
    }
  }

  std::vector<std::string> lines_;
  std::string content_;
};

TEST_F(MixedJsonlTest, BufferReaderDeliversGoodLinesAndRejectsBadOnes) {
  Collected got;
  const JsonlCounts counts =
      ReadJsonlBuffer(content_, "mixed.jsonl", got.OnDocument(), got.OnReject());
  ExpectMixedResult(got, "mixed.jsonl");
  EXPECT_EQ(counts.lines, 12u);
  EXPECT_EQ(counts.documents, 5u);
  EXPECT_EQ(counts.skipped, 7u);
  EXPECT_EQ(counts.warnings, 1u);
}

TEST_F(MixedJsonlTest, StreamReaderGivesTheSameResult) {
  std::FILE* in = fmemopen(content_.data(), content_.size(), "rb");
  ASSERT_NE(in, nullptr);
  Collected got;
  Result<JsonlCounts> counts =
      ReadJsonlStream(in, {}, "mixed.jsonl", got.OnDocument(), got.OnReject());
  std::fclose(in);
  ASSERT_TRUE(counts.ok());
  ExpectMixedResult(got, "mixed.jsonl");
  EXPECT_EQ(counts->documents + counts->skipped, counts->lines);
}

TEST_F(MixedJsonlTest, FileOnDiskIsNamedByItsPath) {
  const std::filesystem::path file = testing::UniqueTempPath("mixed.jsonl");
  const std::string path = file.string();
  std::ofstream(path, std::ios::binary) << content_;
  Collected got;
  ASSERT_TRUE(ReadInput(path, InputFormat::kAuto, got.OnDocument(), got.OnReject()).ok());
  ExpectMixedResult(got, path);
  std::filesystem::remove_all(file.parent_path());
}

TEST(JsonlTest, StreamReadsAcrossChunkBoundaries) {
  const std::string dev = ReadBytes(CorpusPath("dev.jsonl"));
  std::string content;
  while (content.size() < (3u << 20)) content += dev;  // many 64 KiB read chunks
  Collected from_buffer;
  const JsonlCounts expected =
      ReadJsonlBuffer(content, "big.jsonl", from_buffer.OnDocument(), from_buffer.OnReject());
  std::FILE* in = fmemopen(content.data(), content.size(), "rb");
  ASSERT_NE(in, nullptr);
  Collected from_stream;
  Result<JsonlCounts> counts =
      ReadJsonlStream(in, {}, "big.jsonl", from_stream.OnDocument(), from_stream.OnReject());
  std::fclose(in);
  ASSERT_TRUE(counts.ok());
  EXPECT_TRUE(from_stream.rejections.empty());
  EXPECT_EQ(counts->documents, expected.documents);
  ASSERT_EQ(from_stream.documents.size(), from_buffer.documents.size());
  for (std::size_t i = 0; i < from_stream.documents.size(); ++i) {
    EXPECT_EQ(from_stream.documents[i].text, from_buffer.documents[i].text) << i;
    EXPECT_EQ(from_stream.documents[i].origin, from_buffer.documents[i].origin) << i;
  }
}

TEST(JsonlTest, OverlongLineIsRejectedAndTheNextLineStillArrives) {
  std::string content(limits::kMaxJsonlLineBytes + 10, 'x');
  content.append("\n").append(LineWithText("")).append("\n");
  for (const bool stream : {false, true}) {
    Collected got;
    if (stream) {
      std::FILE* in = fmemopen(content.data(), content.size(), "rb");
      ASSERT_NE(in, nullptr);
      ASSERT_TRUE(ReadJsonlStream(in, {}, "long.jsonl", got.OnDocument(), got.OnReject()).ok());
      std::fclose(in);
    } else {
      ReadJsonlBuffer(content, "long.jsonl", got.OnDocument(), got.OnReject());
    }
    ASSERT_EQ(got.rejections.size(), 1u) << stream;
    EXPECT_EQ(got.rejections[0].where, "long.jsonl:1");
    EXPECT_THAT(got.rejections[0].reason, HasSubstr("kMaxJsonlLineBytes"));
    EXPECT_TRUE(got.rejections[0].raw.empty());
    ASSERT_EQ(got.documents.size(), 1u) << stream;
    EXPECT_EQ(got.documents[0].origin, "long.jsonl:2");
    EXPECT_EQ(got.documents[0].doc_id, "long:2");
  }
}

TEST(JsonlTest, Utf8BomBeforeTheFirstLineIsTolerated) {
  Collected got;
  ReadJsonlBuffer(std::string("\xEF\xBB\xBF").append(LineWithText("")), "bom.jsonl",
                  got.OnDocument(), got.OnReject());
  EXPECT_TRUE(got.rejections.empty());
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, kSentence);
}

TEST(IsoDateTest, CaseFile) {
  std::ifstream in(std::string(RASD_SOURCE_DIR) + "/tests/intake/iso_dates.tsv");
  std::string row;
  int cases = 0;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    const std::size_t tab = row.find('\t');
    ASSERT_NE(tab, std::string::npos) << row;
    const std::string expected = row.substr(tab + 1);
    const std::optional<std::string> got = IsoDatePart(row.substr(0, tab));
    EXPECT_EQ(got.value_or(""), expected) << "pub_date \"" << row.substr(0, tab) << "\"";
    ++cases;
  }
  EXPECT_GT(cases, 10);
}

}  // namespace
}  // namespace rasd::intake
