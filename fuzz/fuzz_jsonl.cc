// Fuzzes the JSONL reader on arbitrary file content: every non-blank line is
// either a document or a skipped rejection (the counts add up), every
// document's text is valid UTF-8 and non-empty, and the buffer and stream
// readers agree.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "intake/decode.h"
#include "intake/jsonl.h"

namespace {

std::size_t NonBlankLines(std::string_view content) {
  std::size_t lines = 0;
  bool blank = true;
  for (const char c : content) {
    if (c == '\n') {
      lines += blank ? 0 : 1;
      blank = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      blank = false;
    }
  }
  return lines + (blank ? 0 : 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string content(reinterpret_cast<const char*>(data), size);
  std::size_t documents = 0;
  std::size_t skipped = 0;
  const auto on_document = [&](rasd::Document&& doc) {
    ++documents;
    if (doc.text.empty() || !rasd::intake::IsValidUtf8(doc.text)) std::abort();
    if (doc.doc_id.empty() || doc.origin.empty()) std::abort();
  };
  const auto on_reject = [&](rasd::intake::Rejection&& r) {
    if (r.severity == rasd::intake::RejectionSeverity::kSkipped) ++skipped;
    if (r.where.empty() || r.reason.empty()) std::abort();
  };
  const rasd::intake::JsonlCounts counts =
      rasd::intake::ReadJsonlBuffer(content, "f.jsonl", on_document, on_reject);
  if (counts.documents != documents || counts.skipped != skipped) std::abort();
  if (counts.lines != counts.documents + counts.skipped) std::abort();
  if (counts.lines != NonBlankLines(content)) std::abort();

  std::FILE* in = fmemopen(content.data(), content.size(), "rb");
  if (in == nullptr) return 0;  // fmemopen refuses size 0 on some libcs
  const rasd::Result<rasd::intake::JsonlCounts> streamed = rasd::intake::ReadJsonlStream(
      in, {}, "f.jsonl", [](rasd::Document&&) {}, [](rasd::intake::Rejection&&) {});
  std::fclose(in);
  if (!streamed.ok() || streamed->documents != counts.documents ||
      streamed->skipped != counts.skipped || streamed->lines != counts.lines) {
    std::abort();
  }
  return 0;
}
