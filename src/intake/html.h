// Internal header. Pulls the article out of a news page with gumbo: the text
// of the <article> (or of the element whose own <p> children hold the most
// text), without scripts, menus, headers, footers, asides and forms, one line
// per block element, entities decoded; plus the title and publication date
// from the page's metadata.
#ifndef RASD_INTAKE_HTML_H_
#define RASD_INTAKE_HTML_H_

#include <string>
#include <string_view>

#include "rasd/status.h"

namespace rasd::intake {

struct HtmlArticle {
  std::string text;          // what Document::text will hold; offsets point into it
  std::string title;         // og:title, else <title>
  std::string pub_date;      // ISO yyyy-mm-dd from article:published_time, date, pubdate...
  std::string bad_pub_date;  // a date meta tag that is not ISO (reported, not used)
  std::string url;           // og:url, else <link rel="canonical">
};

// `html` must be valid UTF-8 (DecodeToUtf8 first); invalid bytes are
// BadInput, and pages over limits::kMaxHtmlBytes are ResourceExhausted.
// The result is always valid UTF-8. An empty text is not an error here.
Result<HtmlArticle> ExtractHtml(std::string_view html);

}  // namespace rasd::intake

#endif  // RASD_INTAKE_HTML_H_
