// Fuzz entry: arbitrary bytes -> text core -> linker. Checks that linking
// never crashes, that every mention lies inside the text, in token order,
// and that a LinkedText reused across inputs (its scratch and the string
// buffers it recycles) gives the mentions a fresh one gives.
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

bool SameMention(const rasd::link::Mention& a, const rasd::link::Mention& b) {
  return a.kind == b.kind && a.first_token == b.first_token && a.end_token == b.end_token &&
         a.original == b.original && a.name_span == b.name_span && a.id == b.id &&
         a.surface == b.surface && a.confidence == b.confidence && a.alias_index == b.alias_index &&
         a.inter == b.inter && a.lineage == b.lineage && a.relation == b.relation &&
         a.lat == b.lat && a.lon == b.lon && a.place_kind == b.place_kind && a.admin1 == b.admin1 &&
         a.admin2 == b.admin2 && a.admin3 == b.admin3 && a.pcode == b.pcode &&
         a.country == b.country && a.dateline == b.dateline;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (rasd::utf8::FirstInvalid(text) != text.size()) return 0;  // intake guarantees UTF-8
  rasd::text::AnalyzedText analyzed;
  rasd::text::Analyze(text, rasd::text::CivilDate{2016, 2, 25}, &analyzed);
  rasd::link::LinkedText linked;
  TheLinker().Link(analyzed, rasd::text::CivilDate{2016, 2, 25}, &linked);
  static rasd::link::LinkedText reused;
  TheLinker().Link(analyzed, rasd::text::CivilDate{2016, 2, 25}, &reused);
  if (reused.mentions.size() != linked.mentions.size()) std::abort();
  for (std::size_t k = 0; k < linked.mentions.size(); ++k) {
    if (!SameMention(linked.mentions[k], reused.mentions[k])) std::abort();
  }
  // With the original text, as a worker links: surfaces are copied from it.
  TheLinker().Link(analyzed, text, rasd::text::CivilDate{2016, 2, 25}, &reused);
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
