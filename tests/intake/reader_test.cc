// The intake front door: a directory mixing formats and encodings is read
// recursively in name order, with each unreadable file a Rejection and every
// other file a Document; a stream is sniffed for its format.
#include "intake/reader.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/limits.h"
#include "corpus_util.h"

namespace rasd::intake {
namespace {

namespace fs = std::filesystem;
using testing::CorpusPath;
using ::testing::ElementsAre;
using testing::EncodeWithIcu;
using ::testing::HasSubstr;
using testing::ReadBytes;
using testing::SeedArticlePaths;

struct Collected {
  std::vector<Document> documents;
  std::vector<Rejection> rejections;
  Status Read(const std::string& path, InputFormat format) {
    return ReadInput(
        path, format, [this](Document&& d) { documents.push_back(std::move(d)); },
        [this](Rejection&& r) { rejections.push_back(std::move(r)); });
  }
  Status ReadFrom(std::string bytes, InputFormat format) {
    std::FILE* in = fmemopen(bytes.data(), bytes.size(), "rb");
    if (in == nullptr) return IoError("fmemopen");
    Status status = ReadStream(
        in, "stdin", format, [this](Document&& d) { documents.push_back(std::move(d)); },
        [this](Rejection&& r) { rejections.push_back(std::move(r)); });
    std::fclose(in);
    return status;
  }
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const Document& d : documents) ids.push_back(d.doc_id);
    return ids;
  }
};

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string Encoded(const std::string& utf8, const char* charset) {
  bool ok = false;
  std::string out = EncodeWithIcu(utf8, charset, &ok);
  EXPECT_TRUE(ok) << charset;
  return out;
}

// A folder as an analyst might collect it: several encodings and formats,
// a subfolder, a file of another kind, and one file that cannot be decoded.
class CorpusDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::UniqueTempPath("intake_dir");
    fs::remove_all(dir_);
    for (const std::string& p : SeedArticlePaths()) seeds_.push_back(ReadBytes(p));
    const std::vector<std::string> dev_lines = DevLines();
    Write(dir_ / "b.txt", Encoded(seeds_[1], "windows-1256"));
    Write(dir_ / "a.txt", seeds_[0]);
    Write(dir_ / "e.jsonl", dev_lines[0] + "\n" + dev_lines[1] + "\n");
    Write(dir_ / "sub" / "c.TXT", std::string("\xFF\xFE").append(Encoded(seeds_[2], "UTF-16LE")));
    Write(dir_ / "sub" / "d.html", "<html><head><title>t</title></head><body><nav>menu</nav><p>" +
                                       seeds_[3] + "</p></body></html>");
    Write(dir_ / "notes.csv", "not,an,article\n");
    std::size_t cut = 1000;
    while ((static_cast<unsigned char>(seeds_[4][cut]) & 0xC0) == 0x80) ++cut;  // between letters
    bad_ = seeds_[4].substr(0, cut);
    bad_offset_ = bad_.size();
    bad_ += "\xC3(";  // a lead byte followed by ASCII
    bad_ += seeds_[4].substr(cut);
    Write(dir_ / "z_bad.txt", bad_);
  }
  void TearDown() override { fs::remove_all(dir_.parent_path()); }

  static std::vector<std::string> DevLines() {
    std::vector<std::string> lines;
    std::ifstream in(CorpusPath("dev.jsonl"));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  fs::path dir_;
  std::vector<std::string> seeds_;
  std::string bad_;
  std::size_t bad_offset_ = 0;
};

TEST_F(CorpusDirTest, EveryFormatAndEncodingInNameOrder) {
  Collected got;
  ASSERT_TRUE(got.Read(dir_.string(), InputFormat::kAuto).ok());
  ASSERT_EQ(got.documents.size(), 6u);
  EXPECT_EQ(got.documents[0].doc_id, "a");
  EXPECT_EQ(got.documents[0].text, seeds_[0]);
  EXPECT_EQ(got.documents[0].origin, (dir_ / "a.txt").string());
  EXPECT_EQ(got.documents[1].doc_id, "b");
  EXPECT_EQ(got.documents[1].text, seeds_[1]);  // from Windows-1256
  EXPECT_EQ(got.documents[2].origin, (dir_ / "e.jsonl").string() + ":1");
  EXPECT_EQ(got.documents[3].origin, (dir_ / "e.jsonl").string() + ":2");
  EXPECT_EQ(got.documents[4].doc_id, "c");
  EXPECT_EQ(got.documents[4].text, seeds_[2]);  // from UTF-16LE
  EXPECT_EQ(got.documents[5].doc_id, "d");
  EXPECT_EQ(got.documents[5].title, "t");
  EXPECT_THAT(got.documents[5].text, Not(HasSubstr("menu")));
  EXPECT_THAT(got.documents[5].text, HasSubstr(seeds_[3].substr(0, 200)));

  ASSERT_EQ(got.rejections.size(), 1u);
  const Rejection& bad = got.rejections[0];
  EXPECT_EQ(bad.where, (dir_ / "z_bad.txt").string() + ": byte " + std::to_string(bad_offset_));
  EXPECT_EQ(bad.reason, "invalid UTF-8 and not Windows-1256");
  EXPECT_EQ(bad.raw, bad_);
  EXPECT_EQ(bad.severity, RejectionSeverity::kSkipped);
}

TEST_F(CorpusDirTest, ExplicitFormatTakesOnlyItsFiles) {
  Collected got;
  ASSERT_TRUE(got.Read(dir_.string(), InputFormat::kText).ok());
  EXPECT_THAT(got.Ids(), ElementsAre("a", "b", "c"));
  EXPECT_EQ(got.rejections.size(), 1u);
}

TEST_F(CorpusDirTest, SingleFileByExtensionOrByFormat) {
  Collected html;
  ASSERT_TRUE(html.Read((dir_ / "sub" / "d.html").string(), InputFormat::kAuto).ok());
  ASSERT_EQ(html.documents.size(), 1u);
  EXPECT_EQ(html.documents[0].title, "t");
  Collected as_text;
  ASSERT_TRUE(as_text.Read((dir_ / "sub" / "d.html").string(), InputFormat::kText).ok());
  ASSERT_EQ(as_text.documents.size(), 1u);
  EXPECT_THAT(as_text.documents[0].text, HasSubstr("<nav>menu</nav>"));
}

TEST(ReaderTest, MissingPathIsNotFound) {
  Collected got;
  const Status status = got.Read("/nonexistent/rasd/input.jsonl", InputFormat::kAuto);
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("/nonexistent/rasd/input.jsonl"));
}

TEST(ReaderTest, OversizedTextFileIsRejectedNotFatal) {
  const fs::path path = testing::UniqueTempPath("huge.txt");
  Write(path, std::string(limits::kMaxDocumentBytes + 1, 'a'));
  Collected got;
  ASSERT_TRUE(got.Read(path.string(), InputFormat::kAuto).ok());
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_THAT(got.rejections[0].reason, HasSubstr("kMaxDocumentBytes"));
  fs::remove_all(path.parent_path());
}

TEST(ReaderTest, StreamStartingWithBraceIsJsonl) {
  Collected got;
  ASSERT_TRUE(got.ReadFrom("  \n" + ReadBytes(CorpusPath("dev.jsonl")), InputFormat::kAuto).ok());
  EXPECT_TRUE(got.rejections.empty());
  ASSERT_EQ(got.documents.size(), 60u);
  EXPECT_EQ(got.documents[0].origin, "stdin:2");  // line 1 was blank
}

TEST(ReaderTest, StreamStartingWithAngleBracketIsHtml) {
  const std::string seed = ReadBytes(SeedArticlePaths()[0]);
  Collected got;
  ASSERT_TRUE(got.ReadFrom("\n<html><body><p>" + seed + "</p><footer>x</footer></body></html>",
                           InputFormat::kAuto)
                  .ok());
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].doc_id, "stdin");
  EXPECT_THAT(got.documents[0].text, HasSubstr(seed.substr(0, seed.find('\n'))));
}

TEST(ReaderTest, OtherStreamIsOneTextDocument) {
  const std::string seed = ReadBytes(SeedArticlePaths()[1]);
  Collected got;
  ASSERT_TRUE(got.ReadFrom(Encoded(seed, "windows-1256"), InputFormat::kAuto).ok());
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, seed);
  EXPECT_EQ(got.documents[0].origin, "stdin");
}

TEST(ReaderTest, EmptyStreamIsRejectedAsNoText) {
  Collected got;
  ASSERT_TRUE(got.ReadFrom(" \n", InputFormat::kAuto).ok());
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].where, "stdin");
  EXPECT_EQ(got.rejections[0].reason, "no text");
}

TEST(ReaderTest, ParseInputFormat) {
  EXPECT_EQ(*ParseInputFormat("auto"), InputFormat::kAuto);
  EXPECT_EQ(*ParseInputFormat("txt"), InputFormat::kText);
  EXPECT_EQ(*ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("HTML"), InputFormat::kHtml);
  const Result<InputFormat> bad = ParseInputFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("pdf"));
}

}  // namespace
}  // namespace rasd::intake
