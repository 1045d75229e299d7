// JSONL intake with simdjson's DOM parser. DOM rather than On Demand because
// every line is validated whole (types of all six fields, UTF-8) before the
// article is accepted; the parser and its padded input buffer are reused
// from line to line, so steady-state reading allocates only the Document.
#include "intake/jsonl.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <utility>

#include <simdjson.h>

#include "common/limits.h"
#include "common/utf8.h"
#include "intake/iso_date.h"

namespace rasd::intake {
namespace {

std::string_view TypeName(simdjson::dom::element_type type) {
  using Type = simdjson::dom::element_type;
  switch (type) {
    case Type::ARRAY:
      return "an array";
    case Type::OBJECT:
      return "an object";
    case Type::INT64:
    case Type::UINT64:
    case Type::DOUBLE:
      return "a number";
    case Type::STRING:
      return "a string";
    case Type::BOOL:
      return "a boolean";
    case Type::NULL_VALUE:
      return "null";
  }
  return "unknown";
}

bool IsBlank(std::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// Appends rather than concatenates temporaries: g++ 12 gives a false
// -Wrestrict on "\"" + std::string(...).
std::string Quoted(std::string_view key) {
  std::string quoted;
  quoted.reserve(key.size() + 2);
  quoted.append(1, '"').append(key).append(1, '"');
  return quoted;
}

// The six fields of a line, each a string; absent and null give "".
struct Fields {
  std::string doc_id, title, text, pub_date, source, url;
  bool has_text = false;
};

constexpr std::size_t kFieldCount = 6;

// Where each JSON key lands in Fields; the order is the key's position.
std::array<std::pair<std::string_view, std::string Fields::*>, kFieldCount> FieldTable() {
  return {{{"doc_id", &Fields::doc_id},
           {"title", &Fields::title},
           {"text", &Fields::text},
           {"pub_date", &Fields::pub_date},
           {"source", &Fields::source},
           {"url", &Fields::url}}};
}

// Copies the known keys of `object` into *fields; returns the reason the
// line is rejected, or nullopt. A repeated key keeps its first value.
std::optional<std::string> ReadFields(simdjson::dom::object object, Fields* fields) {
  const auto table = FieldTable();
  std::array<bool, kFieldCount> seen{};
  for (const simdjson::dom::key_value_pair field : object) {
    for (std::size_t i = 0; i < kFieldCount; ++i) {
      if (field.key != table[i].first || seen[i]) continue;
      seen[i] = true;
      const simdjson::dom::element_type type = field.value.type();
      if (type == simdjson::dom::element_type::STRING) {
        fields->*table[i].second = std::string(field.value.get_string().value_unsafe());
      } else if (type != simdjson::dom::element_type::NULL_VALUE || table[i].first == "text") {
        return Quoted(table[i].first) + " is " + std::string(TypeName(type)) + ", not a string";
      }
    }
  }
  fields->has_text = seen[2];
  return std::nullopt;
}

}  // namespace

struct JsonlReader::Parser {
  simdjson::dom::parser dom;
  std::string padded;  // the line, followed by SIMDJSON_PADDING bytes
};

JsonlReader::JsonlReader(std::string name, DocumentCallback on_document,
                         RejectionCallback on_reject)
    : name_(std::move(name)),
      stem_(std::filesystem::path(name_).stem().string()),
      on_document_(std::move(on_document)),
      on_reject_(std::move(on_reject)),
      parser_(std::make_unique<Parser>()) {}

JsonlReader::~JsonlReader() = default;

void JsonlReader::Reject(std::size_t line_number, std::string reason, std::string_view raw) {
  ++counts_.skipped;
  on_reject_(Rejection{name_ + ":" + std::to_string(line_number), std::move(reason),
                       std::string(raw), RejectionSeverity::kSkipped});
}

void JsonlReader::Warn(std::size_t line_number, std::string reason, std::string_view raw) {
  ++counts_.warnings;
  on_reject_(Rejection{name_ + ":" + std::to_string(line_number), std::move(reason),
                       std::string(raw), RejectionSeverity::kWarning});
}

void JsonlReader::RejectOverlongLine(std::size_t line_number, std::size_t line_bytes) {
  ++counts_.lines;
  Reject(line_number,
         "line of " + std::to_string(line_bytes) + " bytes or more is over the limit of " +
             std::to_string(limits::kMaxJsonlLineBytes) +
             " (limits::kMaxJsonlLineBytes); raw line not kept",
         {});
}

void JsonlReader::ReadLine(std::string_view raw, std::size_t line_number) {
  if (IsBlank(raw)) return;
  ++counts_.lines;
  std::string_view line = raw;
  if (line.ends_with('\r')) line.remove_suffix(1);
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";  // Windows editors start files with it
  if (line_number == 1 && line.starts_with(kUtf8Bom)) line.remove_prefix(kUtf8Bom.size());
  if (line.size() > limits::kMaxJsonlLineBytes) {
    --counts_.lines;  // counted again by RejectOverlongLine
    RejectOverlongLine(line_number, line.size());
    return;
  }
  Parser& p = *parser_;
  p.padded.assign(line);
  p.padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  const simdjson::error_code error =
      p.dom.parse(p.padded.data(), line.size(), /*realloc_if_needed=*/false).get(root);
  if (error == simdjson::UTF8_ERROR) {
    const std::size_t bad = utf8::FirstInvalid(line);
    return Reject(line_number, "invalid UTF-8 at byte " + std::to_string(bad) + " of the line",
                  raw);
  }
  if (error)
    return Reject(line_number, std::string("not JSON: ") + simdjson::error_message(error), raw);
  simdjson::dom::object object;
  if (root.get_object().get(object)) {
    return Reject(line_number, "not a JSON object but " + std::string(TypeName(root.type())), raw);
  }
  Fields fields;
  if (std::optional<std::string> reason = ReadFields(object, &fields)) {
    return Reject(line_number, std::move(*reason), raw);
  }
  if (!fields.has_text) return Reject(line_number, "missing \"text\"", raw);
  if (fields.text.empty()) return Reject(line_number, "\"text\" is empty", raw);
  if (fields.text.size() > limits::kMaxDocumentBytes) {
    return Reject(line_number,
                  "\"text\" of " + std::to_string(fields.text.size()) +
                      " bytes is over the limit of " + std::to_string(limits::kMaxDocumentBytes) +
                      " (limits::kMaxDocumentBytes)",
                  raw);
  }

  Document doc;
  if (!fields.pub_date.empty()) {
    if (std::optional<std::string> date = IsoDatePart(fields.pub_date)) {
      doc.pub_date = std::move(*date);
    } else {
      Warn(line_number,
           "\"pub_date\" \"" + fields.pub_date +
               "\" is not an ISO date (yyyy-mm-dd); article kept without a date",
           raw);
    }
  }
  doc.doc_id =
      fields.doc_id.empty() ? stem_ + ":" + std::to_string(line_number) : std::move(fields.doc_id);
  doc.title = std::move(fields.title);
  doc.text = std::move(fields.text);
  doc.source = std::move(fields.source);
  doc.url = std::move(fields.url);
  doc.origin = name_ + ":" + std::to_string(line_number);
  ++counts_.documents;
  on_document_(std::move(doc));
}

JsonlCounts ReadJsonlBuffer(std::string_view content, const std::string& name,
                            const DocumentCallback& on_document,
                            const RejectionCallback& on_reject) {
  JsonlReader reader(name, on_document, on_reject);
  std::size_t line_number = 0;
  while (!content.empty()) {
    const std::size_t newline = content.find('\n');
    const std::string_view line = content.substr(0, newline);
    reader.ReadLine(line, ++line_number);
    if (newline == std::string_view::npos) break;
    content.remove_prefix(newline + 1);
  }
  return reader.counts();
}

namespace {

// Splits a stream into lines without holding more than one line (up to the
// limit) plus one read chunk in memory.
class StreamLines {
 public:
  StreamLines(std::FILE* in, std::string_view already_read) : in_(in), buffer_(already_read) {}

  // Calls on_line(line, number) for every line and on_overlong(number, bytes)
  // for every line over the limit. False when the stream failed.
  template <typename OnLine, typename OnOverlong>
  bool ForEach(const OnLine& on_line, const OnOverlong& on_overlong) {
    constexpr std::size_t kChunkBytes = 1 << 16;
    std::string chunk(kChunkBytes, '\0');
    std::size_t number = 0;
    bool eof = false;
    while (true) {
      std::size_t start = 0;  // of the current line; the buffer is compacted once per chunk
      std::size_t newline;
      while ((newline = buffer_.find('\n', std::max(start, scanned_))) != std::string::npos) {
        ++number;
        if (overlong_bytes_ > 0) {
          on_overlong(number, overlong_bytes_ + newline - start);
          overlong_bytes_ = 0;
        } else {
          on_line(std::string_view(buffer_).substr(start, newline - start), number);
        }
        start = newline + 1;
      }
      buffer_.erase(0, start);
      scanned_ = buffer_.size();
      if (buffer_.size() > limits::kMaxJsonlLineBytes) {  // drop the body of an overlong line
        overlong_bytes_ += buffer_.size();
        buffer_.clear();
        scanned_ = 0;
      }
      if (eof) break;
      const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in_);
      if (n == 0) {
        if (std::ferror(in_)) return false;
        eof = true;
        continue;
      }
      buffer_.append(chunk.data(), n);
    }
    if (overlong_bytes_ > 0) {
      on_overlong(++number, overlong_bytes_ + buffer_.size());
    } else if (!buffer_.empty()) {
      on_line(std::string_view(buffer_), ++number);
    }
    return true;
  }

 private:
  std::FILE* in_;
  std::string buffer_;
  std::size_t scanned_ = 0;         // bytes of buffer_ known to hold no '\n'
  std::size_t overlong_bytes_ = 0;  // bytes dropped from the current line
};

}  // namespace

Result<JsonlCounts> ReadJsonlStream(std::FILE* in, std::string_view already_read,
                                    const std::string& name, const DocumentCallback& on_document,
                                    const RejectionCallback& on_reject) {
  JsonlReader reader(name, on_document, on_reject);
  StreamLines lines(in, already_read);
  const bool ok = lines.ForEach(
      [&](std::string_view line, std::size_t number) { reader.ReadLine(line, number); },
      [&](std::size_t number, std::size_t bytes) { reader.RejectOverlongLine(number, bytes); });
  if (!ok) return IoError(name + ": read failed");
  return reader.counts();
}

}  // namespace rasd::intake
