// Output files for `rasd extract`. Write errors (a full disk) are remembered
// and reported by Close, so the exit status says the output is incomplete.
#include "cli/output.h"

#include <cerrno>
#include <cstring>

#include "export/acled_csv.h"
#include "export/geojson.h"
#include "export/table.h"

namespace rasd::cli {

Result<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "acled-csv") return OutputFormat::kAcledCsv;
  if (name == "geojson") return OutputFormat::kGeoJson;
  if (name == "table") return OutputFormat::kTable;
  return InvalidArgument("unknown output format '" + name +
                         "' (expected jsonl, acled-csv, geojson or table)");
}

OutputFile::OutputFile(std::FILE* file, bool owned, std::string path, OutputFormat format)
    : file_(file), owned_(owned), path_(std::move(path)), format_(format) {
  std::string header;
  if (format_ == OutputFormat::kAcledCsv) WriteAcledCsvHeader(&header);
  if (format_ == OutputFormat::kGeoJson) GeoJsonWriter(&header).Begin();
  WriteRaw(header);
}

namespace {

// The ACLED/GeoJSON context of one extracted event: its id within the
// document, the outlet, and the evidence sentence as the notes.
EventContext ContextOf(const Document& doc, const Event& e, std::size_t index) {
  EventContext c;
  c.event_id = doc.doc_id + ":" + std::to_string(index + 1);
  c.source = doc.source;
  c.notes = doc.text.substr(e.evidence.begin.value, e.evidence.size());
  return c;
}

// One article as a table for the terminal: what a person reads first.
void AppendEventTable(const Document& doc, const DocumentResult& result, std::string* out) {
  *out += "== " + doc.doc_id + ": " + std::to_string(result.events.size()) + " events, " +
          std::to_string(result.actors.size()) + " actors, " +
          std::to_string(result.places.size()) + " places\n";
  if (result.events.empty()) return;
  TextTable table(
      {"status", "sub_event_type", "actor1", "actor2", "place", "date", "deaths", "trigger"}, 32);
  for (const Event& e : result.events) {
    table.AddRow({std::string(EventStatusName(e.status)), e.sub_event_type, e.actor1, e.actor2,
                  e.location ? e.location->name : "", e.date,
                  e.fatalities ? std::to_string(*e.fatalities) : "",
                  doc.text.substr(e.trigger.begin.value, e.trigger.size())});
  }
  *out += table.Render();
}

// ACLED records what happened: planned and denied events stay in the JSONL only.
bool HappenedEvent(const Event& e) {
  return e.status == EventStatus::kCurrent || e.status == EventStatus::kBackground;
}

}  // namespace

OutputFile::~OutputFile() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path, OutputFormat format) {
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
      AppendDocumentRecord(doc, result, options, out);
      break;
    case OutputFormat::kAcledCsv:
      for (std::size_t i = 0; i < result.events.size(); ++i) {
        if (!HappenedEvent(result.events[i])) continue;
        AppendAcledCsvRow(result.events[i], ContextOf(doc, result.events[i], i), out);
      }
      break;
    case OutputFormat::kTable:
      AppendEventTable(doc, result, out);
      break;
    case OutputFormat::kGeoJson: {
      GeoJsonWriter features(out);
      for (std::size_t i = 0; i < result.events.size(); ++i) {
        if (!HappenedEvent(result.events[i])) continue;
        features.Append(result.events[i], ContextOf(doc, result.events[i], i));
      }
      break;
    }
  }
}

void OutputFile::Write(const std::string& rendered) {
  if (rendered.empty()) return;
  // GeoJSON features of different documents are rendered apart: join them here.
  if (format_ == OutputFormat::kGeoJson && !first_feature_) WriteRaw(",\n");
  first_feature_ = false;
  WriteRaw(rendered);
}

void OutputFile::WriteRaw(const std::string& bytes) {
  if (failed_ || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed_ = true;
}

Status OutputFile::Close() {
  if (format_ == OutputFormat::kGeoJson) {
    std::string footer;
    GeoJsonWriter(&footer).End();
    WriteRaw(footer);
  }
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
