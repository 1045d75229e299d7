// HTML extraction on a realistic news page built around a real article
// (eval/corpus/seeds/002): the article's paragraphs must come out one per
// line, entities decoded, while menus, scripts, asides, forms and footers
// stay out; title and date come from the page's metadata.
#include "intake/html.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/limits.h"
#include "common/utf8.h"
#include "corpus_util.h"
#include "intake/decode.h"

namespace rasd::intake {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ReadBytes;
using testing::SeedArticlePaths;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string ReplaceFirst(std::string s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// Markup for one paragraph as a CMS writes it: '&' escaped, the first
// Arabic comma as a numeric entity, one space as &nbsp;, one as a line break.
std::string AsMarkup(std::string paragraph) {
  paragraph = ReplaceFirst(paragraph, "&", "&amp;");
  paragraph = ReplaceFirst(paragraph, "\xD8\x8C", "&#1548;");  // U+060C ARABIC COMMA
  paragraph = ReplaceFirst(paragraph, " ", "&nbsp;");
  paragraph = ReplaceFirst(paragraph, " ", "\n        ");
  return paragraph;
}

class NewsPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<std::string> lines = Lines(ReadBytes(SeedArticlePaths()[2]));
    ASSERT_GT(lines.size(), 5u);
    headline_ = lines[0];
    paragraphs_.assign(lines.begin() + 3, lines.end());
    page_ =
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>" +
        headline_ +
        " | القدس العربي</title>\n"
        "<meta property=\"og:title\" content=\"" +
        headline_ +
        "\">\n"
        "<meta property=\"article:published_time\" content=\"2016-02-25T09:41:00+00:00\">\n"
        "<link rel=\"canonical\" href=\"https://www.alquds.co.uk/?p=494829\">\n"
        "<style>.menu li { float: right; }</style>\n"
        "<script>var ad = \"<p>إعلان</p>\";</script>\n"
        "</head>\n<body>\n"
        "<header><div class=\"logo\">القدس العربي</div><nav><ul>"
        "<li><a href=\"/\">الرئيسية</a></li><li><a href=\"/politics\">سياسة</a></li>"
        "<li><a href=\"/sport\">رياضة</a></li></ul></nav></header>\n"
        "<div class=\"container\">\n"
        "<aside class=\"sidebar\"><h3>الأكثر قراءة</h3><ul><li><a href=\"/x\">خبر جانبي</a></li>"
        "</ul><p>فقرة في الشريط الجانبي</p></aside>\n"
        "<article class=\"post\">\n  <h1 class=\"title\">" +
        headline_ +
        "</h1>\n"
        "  <div class=\"meta\"><span class=\"date\">25 شباط 2016</span></div>\n";
    for (const std::string& p : paragraphs_) page_ += "  <p>" + AsMarkup(p) + "</p>\n";
    page_ +=
        "  <div class=\"share\"><form action=\"/share\"><button>أرسل لصديق</button>"
        "<input name=\"email\"></form></div>\n"
        "  <script>trackArticle(494829);</script>\n"
        "</article>\n</div>\n"
        "<footer><p>جميع الحقوق محفوظة</p></footer>\n</body>\n</html>\n";
  }

  std::string ExpectedText() const {
    std::string text = headline_ + "\n25 شباط 2016";
    for (const std::string& p : paragraphs_) text += "\n" + p;
    return text;
  }

  std::string headline_;
  std::vector<std::string> paragraphs_;
  std::string page_;
};

TEST_F(NewsPageTest, ArticleTextIsThePagesParagraphsOnePerLine) {
  Result<HtmlArticle> article = ExtractHtml(page_);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->text, ExpectedText());
  for (const char* outside : {"الرئيسية", "سياسة", "الأكثر قراءة", "الشريط الجانبي", "أرسل لصديق",
                              "جميع الحقوق", "trackArticle", "إعلان", "float"}) {
    EXPECT_THAT(article->text, Not(HasSubstr(outside)));
  }
}

TEST_F(NewsPageTest, MetadataComesFromTheHead) {
  Result<HtmlArticle> article = ExtractHtml(page_);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, headline_);  // og:title, without the site name of <title>
  EXPECT_EQ(article->pub_date, "2016-02-25");
  EXPECT_TRUE(article->bad_pub_date.empty());
  EXPECT_EQ(article->url, "https://www.alquds.co.uk/?p=494829");
}

TEST_F(NewsPageTest, WithoutOgTitleTheTitleTagIsUsed) {
  const std::string page = ReplaceFirst(page_, "property=\"og:title\"", "property=\"og:x\"");
  Result<HtmlArticle> article = ExtractHtml(page);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, headline_ + " | القدس العربي");
}

TEST_F(NewsPageTest, WithoutArticleElementTheParagraphParentWins) {
  // Replace <article> by a plain <div>, and add teaser <article>s to the sidebar.
  std::string page = ReplaceFirst(page_, "<article class=\"post\">", "<div class=\"post\">");
  page = ReplaceFirst(page, "</article>", "</div>");
  page = ReplaceFirst(page, "</aside>",
                      "<article><p>خبر جانبي قصير</p></article>"
                      "<article><p>خبر آخر</p></article></aside>");
  Result<HtmlArticle> article = ExtractHtml(page);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text, ExpectedText());
}

TEST_F(NewsPageTest, UnparsableDateIsReportedNotUsed) {
  const std::string page = ReplaceFirst(page_, "2016-02-25T09:41:00+00:00", "25 February 2016");
  Result<HtmlArticle> article = ExtractHtml(page);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->pub_date, "");
  EXPECT_EQ(article->bad_pub_date, "25 February 2016");
}

TEST_F(NewsPageTest, Windows1256PageDecodesToTheSameArticle) {
  bool ok = false;
  const std::string cp1256 = testing::EncodeWithIcu(page_, "windows-1256", &ok);
  ASSERT_TRUE(ok);
  Result<Decoded> decoded = DecodeToUtf8(cp1256, "page.html");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->encoding, Encoding::kWindows1256);
  Result<HtmlArticle> article = ExtractHtml(decoded->utf8);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text, ExpectedText());
}

TEST(HtmlTest, ArticleWithoutParagraphsIsPreferredToTheBody) {
  Result<HtmlArticle> article = ExtractHtml(
      "<body><div class=\"menu\">الرئيسية</div><article><div>أعلنت غرفة عمليات أهل الشام عن مقتل "
      "العشرات من قوات النظام</div>"
      "<div>وقتلت أكثر من 40 عنصراً من قوات النظام</div></article></body>");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text,
            "أعلنت غرفة عمليات أهل الشام عن مقتل العشرات من قوات النظام\nوقتلت أكثر من 40 عنصراً من "
            "قوات النظام");
}

TEST(HtmlTest, BreaksAndTableCellsSeparateText) {
  Result<HtmlArticle> article = ExtractHtml(
      "<body><div>حلب<br>إدلب</div><table><tr><td>حمص</td><td>حماة</td></tr>"
      "</table></body>");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text, "حلب\nإدلب\nحمص حماة");
}

// gumbo is quadratic in nesting depth (and recursive when freeing the tree):
// pages nested past the limit are refused before parsing.
TEST(HtmlTest, NestingBeyondTheLimitIsRefusedQuickly) {
  for (const char* tag : {"<div>", "<span>", "<b>", "<div><table></div>", "<table><tr><td>"}) {
    std::string page = "<body>";
    for (int i = 0; i < 200000; ++i) page += tag;
    Result<HtmlArticle> article = ExtractHtml(page);
    ASSERT_FALSE(article.ok()) << tag;
    EXPECT_EQ(article.status().code(), StatusCode::kResourceExhausted);
    EXPECT_THAT(article.status().message(), HasSubstr("kMaxHtmlDepth"));
  }
}

TEST(HtmlTest, NestingWithinTheLimitIsRead) {
  std::string page = "<body>";
  for (std::size_t i = 0; i < limits::kMaxHtmlDepth - 1; ++i) page += "<div>";
  page += "حلب";
  Result<HtmlArticle> article = ExtractHtml(page);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->text, "حلب");
}

TEST(HtmlTest, ManyUnclosedParagraphsAndVoidTagsAreNotDeep) {
  std::string page = "<body><!-- <div><div> --><script>if (a<b) { '<div>' }</script>";
  for (int i = 0; i < 5000; ++i) page += "<p>حلب<br><img src='a>b'><li>إدلب<div/>";
  Result<HtmlArticle> article = ExtractHtml(page);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
}

TEST(HtmlTest, InvalidUtf8IsRefusedWithItsOffset) {
  Result<HtmlArticle> article = ExtractHtml("<p>abc\xC3</p>");
  ASSERT_FALSE(article.ok());
  EXPECT_EQ(article.status().code(), StatusCode::kBadInput);
  EXPECT_THAT(article.status().message(), HasSubstr("byte 6"));
}

TEST(HtmlTest, OutputIsValidUtf8EvenForBrokenCharacterReferences) {
  Result<HtmlArticle> article =
      ExtractHtml("<title>&#xD800;&#x110000;</title><p>&#0;&#xDFFF;&amp&lt;x&#1548</p>");
  ASSERT_TRUE(article.ok());
  EXPECT_TRUE(IsValidUtf8(article->text));
  EXPECT_TRUE(IsValidUtf8(article->title));
  EXPECT_THAT(article->text, HasSubstr("&<x\xD8\x8C"));
}

// Found by fuzz_html: gumbo turns an over-long numeric reference into a lone
// byte; intake repairs it to U+FFFD.
TEST(HtmlTest, OverflowingCharacterReferenceBecomesReplacementCharacter) {
  Result<HtmlArticle> article = ExtractHtml(
      "<title>&#11111111111;</title><meta property=\"og:url\" content=\"&#11111111111;\">"
      "<p>حلب &#11111111111; إدلب</p>");
  ASSERT_TRUE(article.ok());
  EXPECT_TRUE(IsValidUtf8(article->text));
  EXPECT_TRUE(IsValidUtf8(article->title));
  EXPECT_TRUE(IsValidUtf8(article->url));
  EXPECT_EQ(article->text, "حلب \xEF\xBF\xBD إدلب");
}

}  // namespace
}  // namespace rasd::intake
