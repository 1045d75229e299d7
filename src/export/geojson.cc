// GeoJSON features, written with the streaming JsonWriter.
#include "export/geojson.h"

#include "common/json_writer.h"

namespace rasd {
namespace {

constexpr int kCoordinateDecimals = 5;  // about 1 m: more than any gazetteer claims

std::string Actor(const EventContext& context, const std::string& id) {
  if (id.empty() || !context.actor_name) return id;
  std::string name = context.actor_name(id);
  return name.empty() ? id : name;
}

void Properties(const Event& e, const EventContext& context, JsonWriter* w) {
  const Location& loc = *e.location;
  w->Key("properties");
  w->BeginObject();
  w->Field("event_id", context.event_id);
  w->FieldOrNull("event_date", e.date);
  w->Field("event_type", e.event_type);
  w->Field("sub_event_type", e.sub_event_type);
  w->FieldOrNull("actor1", Actor(context, e.actor1));
  w->FieldOrNull("actor2", Actor(context, e.actor2));
  w->Field("location", loc.name);
  w->FieldOrNull("place_id", loc.place_id);
  w->FieldOrNull("admin1", loc.admin1);
  w->Field("geo_precision", loc.geo_precision);
  w->Key("fatalities");
  if (e.fatalities) {
    w->Int(*e.fatalities);
  } else {
    w->Null();
  }
  if (context.fatalities_max) w->Field("fatalities_max", *context.fatalities_max);
  w->Field("status", EventStatusName(e.status));
  w->Field("articles", context.articles);
  w->Field("distinct_sources", context.distinct_sources);
  w->Field("source", context.source);
  w->Field("notes", context.notes);
  w->EndObject();
}

}  // namespace

void GeoJsonWriter::Begin() { out_->append("{\"type\":\"FeatureCollection\",\"features\":[\n"); }

bool GeoJsonWriter::Append(const Event& e, const EventContext& context) {
  if (!e.location || !e.location->lat || !e.location->lon) return false;
  if (!first_) out_->append(",\n");
  first_ = false;
  JsonWriter w(out_);
  w.BeginObject();
  w.Field("type", "Feature");
  w.Key("geometry");
  w.BeginObject();
  w.Field("type", "Point");
  w.Key("coordinates");
  w.BeginArray();
  w.Double(*e.location->lon, kCoordinateDecimals);  // RFC 7946: longitude first
  w.Double(*e.location->lat, kCoordinateDecimals);
  w.EndArray();
  w.EndObject();
  Properties(e, context, &w);
  w.EndObject();
  return true;
}

void GeoJsonWriter::End() { out_->append("\n]}\n"); }

}  // namespace rasd
