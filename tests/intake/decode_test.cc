// Encoding detection and transcoding on real articles: each seed article is
// re-encoded with ICU into every supported encoding and must decode back to
// the original bytes; broken inputs must name the first bad byte.
#include "intake/decode.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/utf8.h"
#include "corpus_util.h"

namespace rasd::intake {
namespace {

using testing::EncodeWithIcu;
using ::testing::HasSubstr;
using testing::ReadBytes;
using testing::SeedArticlePaths;

TEST(DecodeTest, Utf8ArticleIsReturnedUnchanged) {
  for (const std::string& path : SeedArticlePaths()) {
    const std::string article = ReadBytes(path);
    ASSERT_FALSE(article.empty()) << path;
    Result<Decoded> decoded = DecodeToUtf8(article, path);
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    EXPECT_EQ(decoded->encoding, Encoding::kUtf8);
    EXPECT_EQ(decoded->utf8, article);
  }
}

TEST(DecodeTest, Utf8BomIsStripped) {
  const std::string article = ReadBytes(SeedArticlePaths().front());
  Result<Decoded> decoded = DecodeToUtf8(std::string("\xEF\xBB\xBF").append(article), "bom.txt");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(decoded->utf8, article);
}

TEST(DecodeTest, Windows1256RoundTripsEverySeedArticle) {
  for (const std::string& path : SeedArticlePaths()) {
    const std::string article = ReadBytes(path);
    bool ok = false;
    const std::string cp1256 = EncodeWithIcu(article, "windows-1256", &ok);
    ASSERT_TRUE(ok) << path << " has a character Windows-1256 cannot hold";
    ASSERT_NE(cp1256, article);
    Result<Decoded> decoded = DecodeToUtf8(cp1256, path);
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    EXPECT_EQ(decoded->encoding, Encoding::kWindows1256) << path;
    EXPECT_EQ(decoded->utf8, article) << path;
  }
}

TEST(DecodeTest, Utf16WithBomRoundTripsEverySeedArticle) {
  struct Case {
    const char* charset;
    std::string bom;
    Encoding expected;
  };
  const Case cases[] = {{"UTF-16LE", "\xFF\xFE", Encoding::kUtf16Le},
                        {"UTF-16BE", "\xFE\xFF", Encoding::kUtf16Be}};
  for (const std::string& path : SeedArticlePaths()) {
    const std::string article = ReadBytes(path);
    for (const Case& c : cases) {
      bool ok = false;
      const std::string utf16 = std::string(c.bom).append(EncodeWithIcu(article, c.charset, &ok));
      ASSERT_TRUE(ok);
      Result<Decoded> decoded = DecodeToUtf8(utf16, path);
      ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
      EXPECT_EQ(decoded->encoding, c.expected) << c.charset;
      EXPECT_EQ(decoded->utf8, article) << path << " " << c.charset;
    }
  }
}

// Cuts a UTF-8 article inside a two-byte Arabic letter: the error names the
// letter's first byte, not some later position.
TEST(DecodeTest, TruncatedUtf8NamesTheByteOffset) {
  const std::string article = ReadBytes(SeedArticlePaths().front());
  std::size_t cut = article.size() / 2;
  while ((static_cast<unsigned char>(article[cut]) & 0xC0) != 0xC0) ++cut;  // a lead byte
  const std::string truncated = article.substr(0, cut + 1);
  Result<Decoded> decoded = DecodeToUtf8(truncated, "page.txt");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kBadInput);
  EXPECT_EQ(decoded.status().message(),
            "page.txt: byte " + std::to_string(cut) + ": invalid UTF-8 and not Windows-1256");
}

TEST(DecodeTest, StrayByteInUtf8ArticleIsNotTakenForWindows1256) {
  std::string article = ReadBytes(SeedArticlePaths()[1]);
  std::size_t at = 1234;
  while ((static_cast<unsigned char>(article[at]) & 0xC0) == 0x80) ++at;  // between letters
  article.insert(at, 1, '\xFF');
  Result<Decoded> decoded = DecodeToUtf8(article, "page.txt");
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().message(), HasSubstr("page.txt: byte " + std::to_string(at) + ":"));
}

TEST(DecodeTest, Utf8BomFollowedByInvalidBytesCountsTheBom) {
  const std::string bytes =
      "\xEF\xBB\xBF"
      "abc\xC3";
  Result<Decoded> decoded = DecodeToUtf8(bytes, "x.txt");
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().message(), HasSubstr("x.txt: byte 6: invalid UTF-8"));
}

TEST(DecodeTest, LatinTextThatIsNotUtf8IsRejected) {
  // "caf\xE9" is ISO-8859-1; Windows-1256 decodes it, but there is no Arabic.
  Result<Decoded> decoded = DecodeToUtf8("Le caf\xE9 est ferm\xE9.", "fr.txt");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().message(), "fr.txt: byte 6: invalid UTF-8 and not Windows-1256");
}

TEST(DecodeTest, OddLengthUtf16IsTruncatedAtItsLastByte) {
  const std::string article = ReadBytes(SeedArticlePaths().front());
  bool ok = false;
  const std::string utf16 =
      std::string("\xFF\xFE").append(EncodeWithIcu(article, "UTF-16LE", &ok)).append("\x41");
  ASSERT_TRUE(ok);
  Result<Decoded> decoded = DecodeToUtf8(utf16, "u16.txt");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().message(),
            "u16.txt: byte " + std::to_string(utf16.size() - 1) + ": truncated UTF-16LE");
}

TEST(DecodeTest, UnpairedSurrogateInUtf16IsReportedAtItsOffset) {
  // BOM, 'a', lone high surrogate D800, 'b'.
  const std::string utf16(
      "\xFF\xFE"
      "a\0"
      "\x00\xD8"
      "b\0",
      8);
  Result<Decoded> decoded = DecodeToUtf8(utf16, "u16.txt");
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().message(), HasSubstr("u16.txt: byte 4: "));
}

TEST(DecodeTest, NulBytesAreRefused) {
  const std::string bytes("ab\0c", 4);
  Result<Decoded> decoded = DecodeToUtf8(bytes, "n.txt");
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().message(), HasSubstr("n.txt: byte 2: NUL byte"));
}

TEST(DecodeTest, EmptyInputIsEmptyUtf8) {
  Result<Decoded> decoded = DecodeToUtf8("", "e.txt");
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(decoded->utf8.empty());
}

TEST(DecodeTest, IsValidUtf8AgreesWithTheReferenceValidator) {
  const std::string article = ReadBytes(SeedArticlePaths()[2]);
  EXPECT_TRUE(IsValidUtf8(article));
  for (std::size_t cut = article.size() - 8; cut < article.size(); ++cut) {
    const std::string prefix = article.substr(0, cut);
    EXPECT_EQ(IsValidUtf8(prefix), utf8::FirstInvalid(prefix) == prefix.size()) << cut;
  }
}

}  // namespace
}  // namespace rasd::intake
