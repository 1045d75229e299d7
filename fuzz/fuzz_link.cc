// Fuzz entry: arbitrary bytes -> text core -> linker. Checks that linking
// never crashes and that every mention lies inside the text, in token order.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "common/utf8.h"
#include "link/linker.h"
#include "text/analyzer.h"

namespace {

const rasd::link::Linker& TheLinker() {
  static const std::unique_ptr<rasd::link::Linker> linker = [] {
    auto made = rasd::link::Linker::Create(RASD_SOURCE_DIR "/data");
    if (!made.ok()) std::abort();
    return std::move(made).value();
  }();
  return *linker;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (rasd::utf8::FirstInvalid(text) != text.size()) return 0;  // intake guarantees UTF-8
  rasd::text::AnalyzedText analyzed;
  rasd::text::Analyze(text, rasd::text::CivilDate{2016, 2, 25}, &analyzed);
  rasd::link::LinkedText linked;
  TheLinker().Link(analyzed, rasd::text::CivilDate{2016, 2, 25}, &linked);
  std::uint32_t previous = 0;
  for (const rasd::link::Mention& m : linked.mentions) {
    if (m.original.end.value > size || m.original.begin > m.original.end) std::abort();
    if (m.name_span.end.value > size || m.name_span.begin > m.name_span.end) std::abort();
    if (m.end_token > analyzed.tokens.size() || m.first_token >= m.end_token) std::abort();
    if (m.first_token < previous) std::abort();
    previous = m.first_token;
  }
  rasd::link::DocumentMentions doc;
  rasd::link::CollectDocumentMentions(linked, text, &doc);
  return 0;
}
