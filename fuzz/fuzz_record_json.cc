// Fuzz entry: arbitrary text -> the whole engine -> the JSON-lines record
// (export/record_json), which writes through a cursor of its own. Checks
// that the record is one line of valid JSON, that its text field reads back
// as the input (escaping is exact), and that every span it writes lies
// within the document's code points.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "rasd/engine.h"

#include "common/utf8.h"
#include "engine_input.h"
#include "export/record_json.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

// A {"start":S,"end":E} object or a [S,E] pair, within [0, chars].
void CheckSpan(simdjson::dom::element span, std::uint64_t chars) {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  if (span.is_array()) {
    Check(span.at(0).get(start) == simdjson::SUCCESS && span.at(1).get(end) == simdjson::SUCCESS);
  } else {
    Check(span["start"].get(start) == simdjson::SUCCESS &&
          span["end"].get(end) == simdjson::SUCCESS);
  }
  Check(start <= end && end <= chars);
}

void CheckRecord(const std::string& line, const std::string& text) {
  Check(!line.empty() && line.back() == '\n' && line.find('\n') == line.size() - 1);
  simdjson::dom::parser parser;
  simdjson::dom::element record;
  Check(parser.parse(line).get(record) == simdjson::SUCCESS);
  std::string_view read_back;
  Check(record["text"].get(read_back) == simdjson::SUCCESS && read_back == text);
  const std::uint64_t chars = rasd::utf8::CountCodePoints(text);
  for (simdjson::dom::element event : record["events"].get_array()) {
    CheckSpan(event["evidence"], chars);
    CheckSpan(event["trigger"], chars);
    for (auto field : event["argument_spans"].get_object()) CheckSpan(field.value, chars);
    for (simdjson::dom::element claim : event["claims"].get_array()) {
      CheckSpan(claim["span"], chars);
    }
  }
  for (const char* list : {"actors", "places", "sources"}) {
    for (simdjson::dom::element mention : record[list].get_array()) {
      for (simdjson::dom::element span : mention["spans"].get_array()) CheckSpan(span, chars);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::optional<rasd::Document> doc = rasd::fuzz::DocumentOf(data, size);
  if (!doc) return 0;
  rasd::Workspace workspace;
  const rasd::DocumentResult result = rasd::fuzz::TheEngine().Process(*doc, &workspace);
  std::string line;
  rasd::AppendDocumentRecord(*doc, result, {.with_text = true}, &line);
  CheckRecord(line, doc->text);
  return 0;
}
