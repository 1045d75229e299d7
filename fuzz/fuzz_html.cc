// Fuzzes HTML extraction: arbitrary bytes, taken as they are and after
// encoding detection, must give valid UTF-8 text, title, date and URL, or an
// error, and never crash.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "intake/decode.h"
#include "intake/html.h"
#include "intake/iso_date.h"

namespace {

void Check(std::string_view html) {
  const rasd::Result<rasd::intake::HtmlArticle> article = rasd::intake::ExtractHtml(html);
  if (!article.ok()) return;
  using rasd::intake::IsValidUtf8;
  if (!IsValidUtf8(article->text) || !IsValidUtf8(article->title) || !IsValidUtf8(article->url) ||
      !IsValidUtf8(article->bad_pub_date)) {
    std::abort();
  }
  if (!article->pub_date.empty() &&
      rasd::intake::IsoDatePart(article->pub_date) != article->pub_date) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Check(bytes);
  const rasd::Result<rasd::intake::Decoded> decoded = rasd::intake::DecodeToUtf8(bytes, "f");
  if (decoded.ok() && decoded->utf8 != bytes) Check(decoded->utf8);
  return 0;
}
