// Internal header. Document intake: a directory of .txt files (one article a
// file), JSONL (one article a line: doc_id, title, text, pub_date, source,
// url), HTML pages (article text pulled out of the markup), or standard input
// ("-"). Bad items are reported as Rejections and skipped; every good item is
// still delivered, in input order.
#ifndef RASD_INTAKE_READER_H_
#define RASD_INTAKE_READER_H_

#include <functional>
#include <string>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd::intake {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

// Parses "auto", "txt", "jsonl", "html".
Result<InputFormat> ParseInputFormat(const std::string& name);

struct Rejection {
  std::string where;   // "dev.jsonl:12" or "page.html: byte 311"
  std::string reason;  // "not JSON: ...", "missing \"text\""
  std::string raw;     // the rejected line or file, byte for byte, for --rejects
};

using DocumentCallback = std::function<void(Document&&)>;
using RejectionCallback = std::function<void(Rejection&&)>;

// Reads `path` (a file, a directory read recursively in name order, or "-")
// in `format` (kAuto: by extension, .jsonl/.json -> JSONL, .html/.htm -> HTML,
// otherwise text; standard input is sniffed: a first non-space byte '{' is JSONL).
// Returns a non-ok Status only when the input cannot be read at all.
Status ReadInput(const std::string& path, InputFormat format, const DocumentCallback& on_document,
                 const RejectionCallback& on_reject);

}  // namespace rasd::intake

#endif  // RASD_INTAKE_READER_H_
