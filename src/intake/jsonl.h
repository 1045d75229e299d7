// Internal header. JSONL intake: one article a line, as in eval/corpus/*.jsonl
// ({"doc_id", "title", "text", "pub_date", "source", "url"}; only "text" is
// required; other keys are ignored). Each line is parsed on its own with one
// reused simdjson DOM parser, so a bad line costs only itself: it becomes a
// Rejection "<name>:<line>" with the raw bytes, and the next line is read.
#ifndef RASD_INTAKE_JSONL_H_
#define RASD_INTAKE_JSONL_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "rasd/status.h"

#include "intake/reader.h"

namespace rasd::intake {

// What one JSONL input held. Blank lines are not counted anywhere; every
// other line is exactly one of delivered or skipped, so
// lines == documents + skipped. Warnings are about delivered documents.
struct JsonlCounts {
  std::size_t lines = 0;
  std::size_t documents = 0;
  std::size_t skipped = 0;
  std::size_t warnings = 0;
};

class JsonlReader {
 public:
  // `name` stands for the input in origins ("dev.jsonl:12"); default doc_ids
  // are "<stem of name>:<line>".
  JsonlReader(std::string name, DocumentCallback on_document, RejectionCallback on_reject);
  ~JsonlReader();
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // One line without its '\n' (a trailing '\r' is tolerated); numbers start at 1.
  void ReadLine(std::string_view line, std::size_t line_number);

  // A line longer than limits::kMaxJsonlLineBytes, of which the stream
  // reader kept nothing: reported without raw bytes.
  void RejectOverlongLine(std::size_t line_number, std::size_t line_bytes);

  const JsonlCounts& counts() const { return counts_; }

 private:
  struct Parser;

  void Reject(std::size_t line_number, std::string reason, std::string_view raw);
  void Warn(std::size_t line_number, std::string reason, std::string_view raw);

  std::string name_;
  std::string stem_;
  DocumentCallback on_document_;
  RejectionCallback on_reject_;
  std::unique_ptr<Parser> parser_;
  JsonlCounts counts_;
};

// Reads JSONL held in memory (the fuzzer's and the benchmark's entry).
JsonlCounts ReadJsonlBuffer(std::string_view content, const std::string& name,
                            const DocumentCallback& on_document,
                            const RejectionCallback& on_reject);

// Reads JSONL from a stream, line by line, in bounded memory: `already_read`
// holds bytes taken from the stream before (standard-input sniffing).
Result<JsonlCounts> ReadJsonlStream(std::FILE* in, std::string_view already_read,
                                    const std::string& name, const DocumentCallback& on_document,
                                    const RejectionCallback& on_reject);

}  // namespace rasd::intake

#endif  // RASD_INTAKE_JSONL_H_
