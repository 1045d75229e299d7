// Output files for `rasd extract`. Write errors (a full disk) are remembered
// and reported by Close, so the exit status says the output is incomplete.
#include "cli/output.h"

#include <cerrno>
#include <cstring>

namespace rasd::cli {

Result<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "jsonl") return OutputFormat::kJsonl;
  return InvalidArgument("unknown output format '" + name + "' (expected jsonl)");
}

OutputFile::OutputFile(std::FILE* file, bool owned, std::string path, OutputFormat format)
    : file_(file), owned_(owned), path_(std::move(path)), format_(format) {}

OutputFile::~OutputFile() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path,
                                                     OutputFormat format) {
  if (path == "-") {
    return std::unique_ptr<OutputFile>(new OutputFile(stdout, false, "<stdout>", format));
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return IoError(path + ": " + std::strerror(errno));
  return std::unique_ptr<OutputFile>(new OutputFile(f, true, path, format));
}

void OutputFile::Render(const Document& doc, const DocumentResult& result,
                        const RecordJsonOptions& options, std::string* out) const {
  switch (format_) {
    case OutputFormat::kJsonl:
    case OutputFormat::kAcledCsv:
    case OutputFormat::kGeoJson:
      AppendDocumentRecord(doc, result, options, out);
      break;
  }
}

void OutputFile::Write(const std::string& rendered) {
  if (failed_ || rendered.empty()) return;
  if (std::fwrite(rendered.data(), 1, rendered.size(), file_) != rendered.size()) failed_ = true;
}

Status OutputFile::Close() {
  if (std::fflush(file_) != 0) failed_ = true;
  if (owned_) {
    if (std::fclose(file_) != 0) failed_ = true;
    file_ = nullptr;
  }
  if (failed_) return IoError(path_ + ": write failed: " + std::strerror(errno));
  return Status::Ok();
}

Result<std::unique_ptr<RejectsFile>> RejectsFile::Open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return IoError(path + ": " + std::strerror(errno));
  return std::unique_ptr<RejectsFile>(new RejectsFile(f));
}

RejectsFile::~RejectsFile() { std::fclose(file_); }

void RejectsFile::Write(const std::string& raw) {
  std::fwrite(raw.data(), 1, raw.size(), file_);
  if (raw.empty() || raw.back() != '\n') std::fputc('\n', file_);
  std::fflush(file_);
}

}  // namespace rasd::cli
