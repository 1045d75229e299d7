// Internal header. Document intake: a directory of .txt files (one article a
// file), JSONL (one article a line: doc_id, title, text, pub_date, source,
// url), HTML pages (article text pulled out of the markup), or standard input
// ("-"). Bad items are reported as Rejections and skipped; every good item is
// still delivered, in input order.
#ifndef RASD_INTAKE_READER_H_
#define RASD_INTAKE_READER_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd::intake {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

// Parses "auto", "txt", "jsonl", "html".
Result<InputFormat> ParseInputFormat(const std::string& name);

// kSkipped: the item was not delivered; `raw` holds it for --rejects.
// kWarning: the item was delivered without one bad field (an unparsable
// pub_date); it must not go to --rejects, the analyst only needs to know.
enum class RejectionSeverity : std::uint8_t { kSkipped, kWarning };

struct Rejection {
  std::string where;   // "dev.jsonl:12" or "page.html: byte 311"
  std::string reason;  // "not JSON: ...", "missing \"text\""
  std::string raw;     // the rejected line or file, byte for byte, for --rejects
  RejectionSeverity severity = RejectionSeverity::kSkipped;
};

using DocumentCallback = std::function<void(Document&&)>;
using RejectionCallback = std::function<void(Rejection&&)>;

// Reads `path` (a file, a directory read recursively in name order, or "-")
// in `format` (kAuto: by extension, .jsonl/.json -> JSONL, .html/.htm -> HTML,
// otherwise text; standard input is sniffed: a first non-space byte '{' is
// JSONL, '<' is HTML, anything else one text document). In a directory only
// files with those extensions are read (with an explicit format, only that
// format's extensions). Returns a non-ok Status only when the input cannot
// be read at all.
Status ReadInput(const std::string& path, InputFormat format, const DocumentCallback& on_document,
                 const RejectionCallback& on_reject);

// Reads an open stream (standard input, a pipe) as ReadInput reads "-":
// `name` stands for the file name in origins and default doc_ids ("stdin").
// JSONL is read line by line; text and HTML are read whole, up to their limits.
Status ReadStream(std::FILE* in, const std::string& name, InputFormat format,
                  const DocumentCallback& on_document, const RejectionCallback& on_reject);

}  // namespace rasd::intake

#endif  // RASD_INTAKE_READER_H_
