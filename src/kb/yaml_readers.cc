// Reads actors.yaml and sources.yaml with yaml-cpp. yaml-cpp reports problems
// by throwing; every exception stops here and becomes a diagnostic with the
// line its Mark gives, so nothing thrown leaves the kb stage.
#include <string>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "kb/readers.h"

namespace rasd::kb {
namespace {

int LineOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return mark.line < 0 ? 0 : mark.line + 1;
}

// Collects diagnostics for one record; `failed` marks the record unusable.
class RecordReader {
 public:
  RecordReader(const std::string& file, const YAML::Node& record,
               std::vector<Diagnostic>* diagnostics)
      : file_(file), record_(record), diagnostics_(diagnostics) {}

  void Error(const YAML::Node& at, const std::string& message) {
    diagnostics_->push_back({file_, LineOf(at), Severity::kError, message});
  }

  // A scalar field; empty when absent or null. `required` fields must be non-empty.
  std::string String(const char* key, bool required) {
    const YAML::Node node = record_[key];
    if (!node.IsDefined() || node.IsNull()) {
      if (required) Error(record_, std::string("missing required field '") + key + "'");
      return {};
    }
    if (!node.IsScalar()) {
      Error(node, std::string("field '") + key + "' must be a single value");
      return {};
    }
    std::string value = node.Scalar();
    if (required && value.empty()) Error(node, std::string("field '") + key + "' is empty");
    return value;
  }

  int Int(const char* key) {
    const std::string text = String(key, true);
    if (text.empty()) return 0;
    int value = 0;
    std::size_t used = 0;
    try {
      value = std::stoi(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != text.size())
      Error(record_[key], std::string("field '") + key + "' must be an integer");
    return value;
  }

  // A date field of a mapping: null / absent = open.
  DayKey Day(const YAML::Node& map, const char* key, DayKey open) {
    const YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull()) return open;
    if (!node.IsScalar()) {
      Error(node, std::string("'") + key + "' must be an ISO date or null");
      return open;
    }
    const std::optional<DayKey> day = ParseIsoDay(node.Scalar());
    if (!day) {
      Error(node, std::string("'") + key + "' is not an ISO date (YYYY-MM-DD): " + node.Scalar());
      return open;
    }
    return *day;
  }

  DayRange Range(const YAML::Node& map) {
    DayRange range{Day(map, "from", kOpenStart), Day(map, "to", kOpenEnd)};
    if (range.from >= range.to) {
      Error(map, "'from' must be before 'to' (ranges are half-open)");
    }
    return range;
  }

  std::vector<std::string> StringList(const char* key) {
    std::vector<std::string> out;
    const YAML::Node node = record_[key];
    if (!node.IsDefined() || node.IsNull()) return out;
    if (!node.IsSequence()) {
      Error(node, std::string("field '") + key + "' must be a list");
      return out;
    }
    for (const YAML::Node& item : node) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        Error(item, std::string("'") + key + "' entries must be non-empty names");
        continue;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

  std::vector<Alias> Aliases() {
    std::vector<Alias> out;
    const YAML::Node node = record_["aliases"];
    if (!node.IsDefined() || node.IsNull()) return out;
    if (!node.IsSequence()) {
      Error(node, "field 'aliases' must be a list");
      return out;
    }
    for (const YAML::Node& item : node) out.push_back(ReadAlias(item));
    return out;
  }

  std::vector<Affiliation> Affiliations() {
    std::vector<Affiliation> out;
    const YAML::Node node = record_["affiliations"];
    if (!node.IsDefined() || node.IsNull()) return out;
    if (!node.IsSequence()) {
      Error(node, "field 'affiliations' must be a list");
      return out;
    }
    for (const YAML::Node& item : node) {
      if (!item.IsMap() || !item["id"].IsScalar()) {
        Error(item, "an affiliation must be a mapping with an 'id'");
        continue;
      }
      Affiliation a;
      a.id = item["id"].Scalar();
      if (item["relation"].IsScalar()) a.relation = item["relation"].Scalar();
      a.range = Range(item);
      a.line = LineOf(item);
      out.push_back(std::move(a));
    }
    return out;
  }

 private:
  Alias ReadAlias(const YAML::Node& item) {
    Alias alias;
    alias.line = LineOf(item);
    if (item.IsScalar()) {
      alias.name = item.Scalar();
    } else if (item.IsMap() && item["name"].IsScalar()) {
      alias.name = item["name"].Scalar();
      alias.range = Range(item);
      const YAML::Node weak = item["weak"];
      if (weak.IsDefined() && !weak.IsNull()) {
        bool value = false;
        if (!weak.IsScalar() || !YAML::convert<bool>::decode(weak, value)) {
          Error(weak, "'weak' must be true or false");
        }
        alias.weak = value;
      }
    } else {
      Error(item, "an alias must be a name or a mapping {name, from, to, weak}");
    }
    if (alias.name.empty()) Error(item, "an alias name is empty");
    return alias;
  }

  const std::string& file_;
  YAML::Node record_;
  std::vector<Diagnostic>* diagnostics_;
};

Actor ReadActor(RecordReader* r, const YAML::Node& record) {
  Actor a;
  a.line = LineOf(record);
  a.id = r->String("id", true);
  a.name_en = r->String("name_en", true);
  a.name_ar = r->String("name_ar", true);
  a.acled_name = r->String("acled_name", false);
  a.inter = r->Int("inter");
  if (a.inter < 1 || a.inter > 8) r->Error(record["inter"], "'inter' must be an ACLED code 1..8");
  a.kind = r->String("kind", true);
  a.country = r->String("country", false);
  a.lineage = r->String("lineage", false);
  a.parent = r->String("parent", false);
  a.notes = r->String("notes", false);
  const YAML::Node active = record["active"];
  if (active.IsMap()) {
    a.active = r->Range(active);
  } else if (active.IsDefined() && !active.IsNull()) {
    r->Error(active, "'active' must be a mapping {from, to}");
  }
  a.affiliations = r->Affiliations();
  a.aliases.push_back({a.name_ar, a.active, false, a.line});
  for (Alias& alias : r->Aliases()) a.aliases.push_back(std::move(alias));
  a.leaders = r->StringList("leaders");
  return a;
}

Source ReadSource(RecordReader* r, const YAML::Node& record) {
  Source s;
  s.line = LineOf(record);
  s.id = r->String("id", true);
  s.name_ar = r->String("name_ar", true);
  s.name_en = r->String("name_en", false);
  s.kind = r->String("kind", false);
  s.notes = r->String("notes", false);
  s.aliases.push_back(s.name_ar);
  for (std::string& alias : r->StringList("aliases")) s.aliases.push_back(std::move(alias));
  return s;
}

// Parses a YAML list of records and hands each mapping to `read`.
template <typename Record, typename ReadFn>
void ReadRecordList(const std::string& file, std::string_view bytes, ReadFn read,
                    std::vector<Record>* out, std::vector<Diagnostic>* diagnostics) {
  try {
    const YAML::Node root = YAML::Load(std::string(bytes));
    if (!root.IsSequence()) {
      diagnostics->push_back(
          {file, LineOf(root), Severity::kError, "the file must be a YAML list of records"});
      return;
    }
    for (const YAML::Node& record : root) {
      if (!record.IsMap()) {
        diagnostics->push_back(
            {file, LineOf(record), Severity::kError, "a record must be a mapping"});
        continue;
      }
      RecordReader reader(file, record, diagnostics);
      // A record with errors is kept when it has an id, so that references to
      // it still resolve and each mistake is reported once.
      Record value = read(&reader, record);
      if (!value.id.empty()) out->push_back(std::move(value));
    }
  } catch (const YAML::Exception& e) {
    const int line = e.mark.line < 0 ? 0 : e.mark.line + 1;
    diagnostics->push_back({file, line, Severity::kError, "YAML: " + e.msg});
  }
}

}  // namespace

void ReadActors(const std::string& file, std::string_view bytes, std::vector<Actor>* out,
                std::vector<Diagnostic>* diagnostics) {
  ReadRecordList(file, bytes, ReadActor, out, diagnostics);
}

void ReadSources(const std::string& file, std::string_view bytes, std::vector<Source>* out,
                 std::vector<Diagnostic>* diagnostics) {
  ReadRecordList(file, bytes, ReadSource, out, diagnostics);
}

}  // namespace rasd::kb
