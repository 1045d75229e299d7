// Internal header. The JSON-lines record of spec/events.md section 5, one
// line per document: doc_id, events, actors, places (and sources). Spans are
// written as Unicode code-point offsets into the document text, as the spec
// and the scorer expect.
#ifndef RASD_EXPORT_RECORD_JSON_H_
#define RASD_EXPORT_RECORD_JSON_H_

#include <string>

#include "rasd/document.h"
#include "rasd/engine.h"

namespace rasd {

struct RecordJsonOptions {
  bool with_text = false;  // --debug: the document text and sentence spans too
};

// Appends one JSON object and a newline to *out.
void AppendDocumentRecord(const Document& doc, const DocumentResult& result,
                          const RecordJsonOptions& options, std::string* out);

}  // namespace rasd

#endif  // RASD_EXPORT_RECORD_JSON_H_
