// Internal header. Where `rasd extract` writes: standard output or a file,
// in one of the output formats, and the --rejects file.
#ifndef RASD_CLI_OUTPUT_H_
#define RASD_CLI_OUTPUT_H_

#include <cstdio>
#include <memory>
#include <string>

#include "rasd/document.h"
#include "rasd/engine.h"
#include "rasd/status.h"

#include "export/record_json.h"

namespace rasd::cli {

enum class OutputFormat { kJsonl, kAcledCsv, kGeoJson, kTable };

Result<OutputFormat> ParseOutputFormat(const std::string& name);

class OutputFile {
 public:
  // "-" is standard output. Formats with a header or footer write them here and in Close.
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path, OutputFormat format);
  ~OutputFile();

  // Formats one document; thread-safe (called from the workers).
  void Render(const Document& doc, const DocumentResult& result, const RecordJsonOptions& options,
              std::string* out) const;
  // Writes rendered text; called in input order from one thread.
  void Write(const std::string& rendered);
  Status Close();

 private:
  OutputFile(std::FILE* file, bool owned, std::string path, OutputFormat format);
  void WriteRaw(const std::string& bytes);

  std::FILE* file_;
  bool owned_;
  std::string path_;
  OutputFormat format_;
  bool first_feature_ = true;
  bool failed_ = false;
};

class RejectsFile {
 public:
  static Result<std::unique_ptr<RejectsFile>> Open(const std::string& path);
  ~RejectsFile();
  // Writes the rejected bytes unchanged, then a newline unless they end with one.
  void Write(const std::string& raw);

 private:
  explicit RejectsFile(std::FILE* file) : file_(file) {}
  std::FILE* file_;
};

}  // namespace rasd::cli

#endif  // RASD_CLI_OUTPUT_H_
