// Loading the knowledge base: reads the registry files of a data folder and
// fingerprints them (data_version) so every event records the data it came from.
#include "kb/knowledge_base.h"

#include <algorithm>
#include <filesystem>

#include "common/file.h"
#include "common/limits.h"
#include "kb/readers.h"

namespace rasd::kb {
namespace {

bool IsDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// FNV-1a 64: small, dependency-free and stable across platforms; a version
// fingerprint, not a defence against tampering.
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

void HashBytes(std::string_view bytes, std::uint64_t* hash) {
  for (const char c : bytes) {
    *hash ^= static_cast<unsigned char>(c);
    *hash *= kFnvPrime;
  }
}

std::string Hex64(std::uint64_t v) {
  constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = kDigits[v & 0xF];
  return out;
}

std::string JoinPath(const std::string& dir, const std::string& name) {
  return (std::filesystem::path(dir) / name).string();
}

}  // namespace

std::optional<DayKey> ParseIsoDay(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const std::string_view y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (!IsDigits(y) || !IsDigits(m) || !IsDigits(d)) return std::nullopt;
  const int year = std::stoi(std::string(y));
  const int month = std::stoi(std::string(m));
  const int day = std::stoi(std::string(d));
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return MakeDayKey(year, month, day);
}

std::vector<std::string> DataFiles(const std::string& data_dir) {
  std::vector<std::string> files = {JoinPath(data_dir, "actors.yaml"),
                                    JoinPath(data_dir, "sources.yaml"),
                                    JoinPath(data_dir, "places.tsv")};
  // Every lexicon the engine reads from the folder changes what it extracts:
  // the linker's and the event assembler's. (text/ is compiled into the
  // binary: rasd_version covers it.)
  for (const char* folder : {"link", "extract"}) {
    std::vector<std::string> lexicons;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(JoinPath(data_dir, folder), ec)) {
      if (entry.is_regular_file(ec)) lexicons.push_back(entry.path().string());
    }
    std::sort(lexicons.begin(), lexicons.end());
    files.insert(files.end(), lexicons.begin(), lexicons.end());
  }
  return files;
}

Status ReadKnowledgeBase(const std::string& data_dir, KnowledgeBase* kb,
                         std::vector<Diagnostic>* diagnostics) {
  std::uint64_t hash = kFnvOffset;
  const std::vector<std::string> files = DataFiles(data_dir);
  for (std::size_t i = 0; i < files.size(); ++i) {
    Result<std::string> bytes = ReadFile(files[i], limits::kMaxKnowledgeBaseFileBytes);
    if (!bytes.ok()) return bytes.status();
    HashBytes(files[i].substr(files[i].find_last_of('/') + 1), &hash);
    HashBytes(*bytes, &hash);
    if (i == 0) ReadActors(files[i], *bytes, &kb->actors, diagnostics);
    if (i == 1) ReadSources(files[i], *bytes, &kb->sources, diagnostics);
    if (i == 2) ReadPlaces(files[i], *bytes, &kb->places, diagnostics);
  }
  kb->data_version = Hex64(hash);
  return Status::Ok();
}

Result<KnowledgeBase> LoadKnowledgeBase(const std::string& data_dir) {
  KnowledgeBase kb;
  std::vector<Diagnostic> diagnostics;
  RASD_RETURN_IF_ERROR(ReadKnowledgeBase(data_dir, &kb, &diagnostics));
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) {
      return BadInput(d.file + ":" + std::to_string(d.line) + ": " + d.message);
    }
  }
  return kb;
}

}  // namespace rasd::kb
