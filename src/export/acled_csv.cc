// ACLED CSV rows. Column meanings follow the ACLED codebook; where rasd lacks
// a value (assoc actors' names, admin levels) the field is empty, never guessed.
#include "export/acled_csv.h"

#include <cstdio>
#include <vector>

namespace rasd {
namespace {

constexpr std::string_view kColumns[] = {
    "event_id_cnty", "event_date",     "year",      "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",    "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",    "interaction",    "civilian_targeting",
    "iso",           "country",        "admin1",    "admin2",         "admin3",
    "location",      "latitude",       "longitude", "geo_precision",  "source",
    "notes",         "fatalities"};

constexpr int kCiviliansInter = 7;
constexpr std::string_view kSyriaIso = "760";  // ISO 3166-1 numeric, as ACLED writes it

std::string ActorName(const EventContext& context, const std::string& id) {
  if (id.empty() || !context.actor_name) return id;
  std::string name = context.actor_name(id);
  return name.empty() ? id : name;
}

std::string Joined(const EventContext& context, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += "; ";
    out += ActorName(context, id);
  }
  return out;
}

std::string Coordinate(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", *v);
  return buf;
}

std::string IntOrEmpty(int v) { return v == 0 ? "" : std::to_string(v); }

}  // namespace

std::string_view AcledDisorderType(std::string_view event_type, std::string_view sub_event_type) {
  if (event_type == "Strategic developments") return "Strategic developments";
  if (event_type == "Protests") {
    return sub_event_type == "Excessive force against protesters"
               ? "Political violence; Demonstrations"
               : "Demonstrations";
  }
  if (event_type == "Riots") {
    return sub_event_type == "Violent demonstration" ? "Demonstrations" : "Political violence";
  }
  return "Political violence";
}

int AcledInteraction(int inter1, int inter2) {
  if (inter1 == 0) return inter2 * 10;
  if (inter2 == 0) return inter1 * 10;
  return inter1 < inter2 ? inter1 * 10 + inter2 : inter2 * 10 + inter1;
}

void AppendCsvField(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (const char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void WriteAcledCsvHeader(std::string* out) {
  bool first = true;
  for (const std::string_view column : kColumns) {
    if (!first) out->push_back(',');
    first = false;
    out->append(column);
  }
  out->append("\r\n");
}

void AppendAcledCsvRow(const Event& e, const EventContext& context, std::string* out) {
  const Location empty;
  const Location& loc = e.location ? *e.location : empty;
  const bool civilians = e.inter2 == kCiviliansInter || e.actor2 == "CIVILIANS";
  const std::string fields[] = {
      context.event_id,
      e.date,
      e.date.size() >= 4 ? e.date.substr(0, 4) : "",
      IntOrEmpty(e.time_precision),
      std::string(AcledDisorderType(e.event_type, e.sub_event_type)),
      e.event_type,
      e.sub_event_type,
      ActorName(context, e.actor1),
      Joined(context, e.assoc_actor_1),
      IntOrEmpty(e.inter1),
      ActorName(context, e.actor2),
      Joined(context, e.assoc_actor_2),
      IntOrEmpty(e.inter2),
      std::to_string(AcledInteraction(e.inter1, e.inter2)),
      civilians ? "Civilian targeting" : "",
      loc.country == "Syria" || loc.country.empty() ? std::string(kSyriaIso) : "",
      loc.country.empty() ? "Syria" : loc.country,
      loc.admin1,
      loc.admin2,
      loc.admin3,
      loc.name,
      Coordinate(loc.lat),
      Coordinate(loc.lon),
      e.location ? std::to_string(loc.geo_precision) : "",
      context.source,
      context.notes,
      std::to_string(e.fatalities.value_or(0)),  // ACLED writes 0 for no reported deaths
  };
  bool first = true;
  for (const std::string& field : fields) {
    if (!first) out->push_back(',');
    first = false;
    AppendCsvField(field, out);
  }
  out->append("\r\n");
}

}  // namespace rasd
