// Intake front door: decides what a path is (file, directory, standard input)
// and in which format to read it, and turns every failure to read one item
// into a Rejection so that one bad file never stops a corpus run. Only a
// path that cannot be read at all is a non-ok Status.
#include "intake/reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

#include "common/file.h"
#include "common/limits.h"
#include "intake/decode.h"
#include "intake/html.h"
#include "intake/jsonl.h"

namespace rasd::intake {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string LowerAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The format a file's extension names, or nullopt for files intake ignores.
std::optional<InputFormat> FormatOfExtension(const fs::path& path) {
  const std::string ext = LowerAscii(path.extension().string());
  if (ext == ".txt") return InputFormat::kText;
  if (ext == ".jsonl" || ext == ".json") return InputFormat::kJsonl;
  if (ext == ".html" || ext == ".htm") return InputFormat::kHtml;
  return std::nullopt;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsBlank(std::string_view s) { return std::all_of(s.begin(), s.end(), IsSpace); }

// A standard-input sniff: the first byte after spaces (and a UTF-8 BOM).
char FirstSignificantByte(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  for (const char c : bytes) {
    if (!IsSpace(c)) return c;
  }
  return '\0';
}

std::string LimitReason(std::string_view what, std::size_t bytes, std::size_t limit,
                        std::string_view limit_name) {
  return std::string(what) + " of " + std::to_string(bytes) + " bytes is over the limit of " +
         std::to_string(limit) + " (limits::" + std::string(limit_name) + ")";
}

// For inputs not read to the end: their size is unknown.
std::string OverLimitReason(std::string_view what, std::size_t limit, std::string_view limit_name) {
  return std::string(what) + " is over the limit of " + std::to_string(limit) +
         " bytes (limits::" + std::string(limit_name) + ")";
}

// Delivers documents and rejections for single-document inputs.
class Intake {
 public:
  Intake(const DocumentCallback& on_document, const RejectionCallback& on_reject)
      : on_document_(on_document), on_reject_(on_reject) {}

  void Reject(std::string where, std::string reason, std::string raw = {}) {
    on_reject_(Rejection{std::move(where), std::move(reason), std::move(raw),
                         RejectionSeverity::kSkipped});
  }

  // Decodes bytes; on failure rejects them as "<origin>: byte N" + reason.
  std::optional<std::string> Decode(std::string_view bytes, const std::string& origin) {
    Result<Decoded> decoded = DecodeToUtf8(bytes, "");
    if (decoded.ok()) return std::move(decoded->utf8);
    const std::string& message = decoded.status().message();  // "byte N: reason"
    const std::size_t colon = message.find(": ");
    Reject(origin + ": " + message.substr(0, colon),
           colon == std::string::npos ? message : message.substr(colon + 2), std::string(bytes));
    return std::nullopt;
  }

  void TextDocument(std::string_view bytes, const std::string& origin, const std::string& doc_id) {
    std::optional<std::string> text = Decode(bytes, origin);
    if (!text) return;
    if (text->size() > limits::kMaxDocumentBytes) {
      return Reject(origin, LimitReason("decoded text", text->size(), limits::kMaxDocumentBytes,
                                        "kMaxDocumentBytes"));
    }
    if (IsBlank(*text)) return Reject(origin, "no text", std::string(bytes));
    Document doc;
    doc.doc_id = doc_id;
    doc.text = std::move(*text);
    doc.origin = origin;
    on_document_(std::move(doc));
  }

  void HtmlDocument(std::string_view bytes, const std::string& origin, const std::string& doc_id) {
    std::optional<std::string> html = Decode(bytes, origin);
    if (!html) return;
    Result<HtmlArticle> article = ExtractHtml(*html);
    if (!article.ok()) return Reject(origin, article.status().message(), std::string(bytes));
    if (IsBlank(article->text)) {
      return Reject(origin, "no article text found in the page", std::string(bytes));
    }
    if (article->text.size() > limits::kMaxDocumentBytes) {
      return Reject(origin, LimitReason("article text", article->text.size(),
                                        limits::kMaxDocumentBytes, "kMaxDocumentBytes"));
    }
    if (!article->bad_pub_date.empty()) {
      on_reject_(Rejection{origin,
                           "publication date \"" + article->bad_pub_date +
                               "\" is not an ISO date (yyyy-mm-dd); article kept without a date",
                           {},
                           RejectionSeverity::kWarning});
    }
    Document doc;
    doc.doc_id = doc_id;
    doc.title = std::move(article->title);
    doc.text = std::move(article->text);
    doc.pub_date = std::move(article->pub_date);
    doc.url = std::move(article->url);
    doc.origin = origin;
    on_document_(std::move(doc));
  }

  // One file in a known format. `top_level` failures to open are a Status;
  // inside a directory they are a Rejection.
  Status File(const fs::path& path, InputFormat format, bool top_level) {
    const std::string origin = path.string();
    if (format == InputFormat::kJsonl) return JsonlFile(origin, top_level);
    const std::size_t limit =
        format == InputFormat::kHtml ? limits::kMaxHtmlBytes : limits::kMaxDocumentBytes;
    Result<std::string> bytes = ReadFile(origin, limit);
    if (!bytes.ok()) {
      if (bytes.status().code() == StatusCode::kResourceExhausted) {
        Reject(origin, OverLimitReason(
                           "file", limit,
                           format == InputFormat::kHtml ? "kMaxHtmlBytes" : "kMaxDocumentBytes"));
        return Status::Ok();
      }
      if (top_level) return bytes.status();
      Reject(origin, bytes.status().message());
      return Status::Ok();
    }
    const std::string doc_id = path.stem().string();
    if (format == InputFormat::kHtml) {
      HtmlDocument(*bytes, origin, doc_id);
    } else {
      TextDocument(*bytes, origin, doc_id);
    }
    return Status::Ok();
  }

  Status JsonlFile(const std::string& origin, bool top_level) {
    std::FILE* f = std::fopen(origin.c_str(), "rb");
    if (f == nullptr) {
      Result<std::string> why = ReadFile(origin, 0);  // for the errno-based status
      if (top_level) return why.status();
      Reject(origin, why.status().message());
      return Status::Ok();
    }
    Result<JsonlCounts> counts = ReadJsonlStream(f, {}, origin, on_document_, on_reject_);
    std::fclose(f);
    if (!counts.ok()) {
      if (top_level) return counts.status();
      Reject(origin, counts.status().message());
    }
    return Status::Ok();
  }

  Status Directory(const fs::path& dir, InputFormat format) {
    std::error_code error;
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(dir, error);
    if (error) return IoError(dir.string() + ": " + error.message());
    for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
      if (error) return IoError(dir.string() + ": " + error.message());
      if (!it->is_regular_file(error)) continue;
      const std::optional<InputFormat> file_format = FormatOfExtension(it->path());
      if (!file_format || (format != InputFormat::kAuto && format != *file_format)) continue;
      files.push_back(it->path());
    }
    if (error) return IoError(dir.string() + ": " + error.message());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      RASD_RETURN_IF_ERROR(File(file, *FormatOfExtension(file), /*top_level=*/false));
    }
    return Status::Ok();
  }

 private:
  const DocumentCallback& on_document_;
  const RejectionCallback& on_reject_;
};

// Reads the rest of a stream after `bytes`, up to `limit` bytes in all.
// False when the stream holds more; nullopt when it failed.
std::optional<bool> ReadRest(std::FILE* in, std::size_t limit, std::string* bytes) {
  std::string chunk(1 << 16, '\0');
  std::size_t n = 0;
  while ((n = std::fread(chunk.data(), 1, chunk.size(), in)) > 0) {
    if (bytes->size() + n > limit) return false;
    bytes->append(chunk.data(), n);
  }
  if (std::ferror(in)) return std::nullopt;
  return bytes->size() <= limit;
}

// Reads from the stream until a non-space byte (or the end) is in `bytes`.
bool ReadUntilSignificant(std::FILE* in, std::string* bytes) {
  std::string chunk(1 << 12, '\0');
  while (FirstSignificantByte(*bytes) == '\0' && bytes->size() < limits::kMaxDocumentBytes) {
    const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in);
    if (n == 0) return !std::ferror(in);
    bytes->append(chunk.data(), n);
  }
  return true;
}

}  // namespace

Result<InputFormat> ParseInputFormat(const std::string& name) {
  const std::string lower = LowerAscii(name);
  if (lower == "auto") return InputFormat::kAuto;
  if (lower == "txt" || lower == "text") return InputFormat::kText;
  if (lower == "jsonl") return InputFormat::kJsonl;
  if (lower == "html") return InputFormat::kHtml;
  return InvalidArgument("unknown input format \"" + name + "\" (expected auto, txt, jsonl, html)");
}

Status ReadStream(std::FILE* in, const std::string& name, InputFormat format,
                  const DocumentCallback& on_document, const RejectionCallback& on_reject) {
  std::string bytes;
  if (!ReadUntilSignificant(in, &bytes)) return IoError(name + ": read failed");
  if (format == InputFormat::kAuto) {
    const char first = FirstSignificantByte(bytes);
    format = first == '{'   ? InputFormat::kJsonl
             : first == '<' ? InputFormat::kHtml
                            : InputFormat::kText;
  }
  if (format == InputFormat::kJsonl) {
    Result<JsonlCounts> counts = ReadJsonlStream(in, bytes, name, on_document, on_reject);
    return counts.ok() ? Status::Ok() : counts.status();
  }
  const bool html = format == InputFormat::kHtml;
  const std::size_t limit = html ? limits::kMaxHtmlBytes : limits::kMaxDocumentBytes;
  const std::optional<bool> complete = ReadRest(in, limit, &bytes);
  if (!complete) return IoError(name + ": read failed");
  Intake intake(on_document, on_reject);
  if (!*complete) {
    intake.Reject(name,
                  OverLimitReason("input", limit, html ? "kMaxHtmlBytes" : "kMaxDocumentBytes"));
    return Status::Ok();
  }
  if (html) {
    intake.HtmlDocument(bytes, name, name);
  } else {
    intake.TextDocument(bytes, name, name);
  }
  return Status::Ok();
}

Status ReadInput(const std::string& path, InputFormat format, const DocumentCallback& on_document,
                 const RejectionCallback& on_reject) {
  if (path == "-") return ReadStream(stdin, "stdin", format, on_document, on_reject);
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) return NotFound(path + ": no such file or directory");
  Intake intake(on_document, on_reject);
  if (fs::is_directory(status)) return intake.Directory(path, format);
  if (format == InputFormat::kAuto) {
    format = FormatOfExtension(path).value_or(InputFormat::kText);
  }
  return intake.File(path, format, /*top_level=*/true);
}

}  // namespace rasd::intake
