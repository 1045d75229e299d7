// Writes a DocumentResult as the JSON record of spec/events.md, converting
// every byte span to code points with one CharIndex per document.
#include "export/record_json.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "common/json_writer.h"
#include "common/utf8.h"

namespace rasd {
namespace {

// {"start":S,"end":E}, formatted in one buffer: records hold thousands of spans.
void WriteSpan(JsonWriter& w, const utf8::CharIndex& index, ByteSpan span) {
  const CharSpan c = index.ToChar(span);
  constexpr std::string_view kStart = "{\"start\":";
  constexpr std::string_view kEnd = ",\"end\":";
  // Numbers are written with room to spare before the buffer's end, so the
  // punctuation after each (and GCC's bounds analysis) always fits.
  char buf[80];
  char* const numbers_end = buf + sizeof buf - 16;
  char* p = std::copy(kStart.begin(), kStart.end(), buf);
  p = std::to_chars(p, numbers_end, static_cast<std::int64_t>(c.begin.value)).ptr;
  p = std::copy(kEnd.begin(), kEnd.end(), p);
  p = std::to_chars(p, numbers_end, static_cast<std::int64_t>(c.end.value)).ptr;
  *p++ = '}';
  w.Raw(std::string_view(buf, static_cast<std::size_t>(p - buf)));
}

void WriteSpanList(JsonWriter& w, const utf8::CharIndex& index,
                   const std::vector<ByteSpan>& spans) {
  w.BeginArray();
  for (const ByteSpan& s : spans) {  // [start,end], formatted in one buffer
    const CharSpan c = index.ToChar(s);
    char buf[64];
    char* const numbers_end = buf + sizeof buf - 8;
    char* p = buf;
    *p++ = '[';
    p = std::to_chars(p, numbers_end, static_cast<std::int64_t>(c.begin.value)).ptr;
    *p++ = ',';
    p = std::to_chars(p, numbers_end, static_cast<std::int64_t>(c.end.value)).ptr;
    *p++ = ']';
    w.Raw(std::string_view(buf, static_cast<std::size_t>(p - buf)));
  }
  w.EndArray();
}

void WriteOptionalDouble(JsonWriter& w, std::string_view key, std::optional<double> v) {
  w.Key(key);
  if (v) {
    w.Double(*v);
  } else {
    w.Null();
  }
}

void WriteIdList(JsonWriter& w, std::string_view key, const std::vector<std::string>& ids) {
  w.Key(key);
  w.BeginArray();
  for (const auto& id : ids) w.String(id);
  w.EndArray();
}

void WriteLocation(JsonWriter& w, const utf8::CharIndex& index, const Location& loc) {
  w.BeginObject();
  w.Field("name", loc.name);
  WriteOptionalDouble(w, "lat", loc.lat);
  WriteOptionalDouble(w, "lon", loc.lon);
  w.FieldOrNull("place_id", loc.place_id);
  w.Field("geo_precision", loc.geo_precision);
  w.FieldOrNull("admin1", loc.admin1);
  w.FieldOrNull("pcode", loc.pcode);
  w.Field("country", loc.country);
  w.Key("span");
  WriteSpan(w, index, loc.span);
  w.EndObject();
}

void WriteEvent(JsonWriter& w, const utf8::CharIndex& index, const std::string& text,
                const Event& e) {
  w.BeginObject();
  w.Field("event_type", e.event_type);
  w.Field("sub_event_type", e.sub_event_type);
  w.FieldOrNull("actor1", e.actor1);
  w.FieldOrNull("actor2", e.actor2);
  WriteIdList(w, "assoc_actor_1", e.assoc_actor_1);
  WriteIdList(w, "assoc_actor_2", e.assoc_actor_2);
  w.Field("inter1", e.inter1);
  w.Field("inter2", e.inter2);
  w.Key("location");
  if (e.location) {
    WriteLocation(w, index, *e.location);
  } else {
    w.Null();
  }
  w.FieldOrNull("date", e.date);
  w.Key("time_precision");
  if (e.time_precision > 0) {
    w.Int(e.time_precision);
  } else {
    w.Null();
  }
  w.Key("fatalities");
  if (e.fatalities) {
    w.Int(*e.fatalities);
  } else {
    w.Null();
  }
  w.FieldOrNull("fatalities_text", e.fatalities_text);
  w.Field("status", EventStatusName(e.status));
  w.Key("claims");
  w.BeginArray();
  for (const Claim& c : e.claims) {
    w.BeginObject();
    w.Field("source", c.source);
    w.Field("stance", ClaimStanceName(c.stance));
    w.Field("cue", c.cue);
    w.Key("span");
    WriteSpan(w, index, c.span);
    w.EndObject();
  }
  w.EndArray();
  // Where each argument stands in the text (the location's span is in "location").
  w.Key("argument_spans");
  w.BeginObject();
  for (const auto& [name, span] :
       {std::pair{"actor1", e.actor1_span}, std::pair{"actor2", e.actor2_span},
        std::pair{"date", e.date_span}, std::pair{"fatalities", e.fatalities_span}}) {
    if (!span) continue;
    w.Key(name);
    WriteSpan(w, index, *span);
  }
  w.EndObject();
  w.Key("evidence");
  WriteSpan(w, index, e.evidence);
  w.Key("trigger");
  WriteSpan(w, index, e.trigger);
  w.Field("trigger_text", std::string_view(text).substr(e.trigger.begin.value, e.trigger.size()));
  w.Key("confidence");
  w.Double(e.confidence, 2);
  w.EndObject();
}

void WriteActors(JsonWriter& w, const utf8::CharIndex& index, std::string_view key,
                 const std::vector<ActorMention>& actors) {
  w.Key(key);
  w.BeginArray();
  for (const ActorMention& a : actors) {
    w.BeginObject();
    w.Field("id", a.id);
    w.Field("text", a.text);
    w.Key("spans");
    WriteSpanList(w, index, a.spans);
    w.Key("confidence");
    w.Double(a.confidence, 2);
    w.EndObject();
  }
  w.EndArray();
}

void WritePlaces(JsonWriter& w, const utf8::CharIndex& index,
                 const std::vector<PlaceMention>& places) {
  w.Key("places");
  w.BeginArray();
  for (const PlaceMention& p : places) {
    w.BeginObject();
    w.Field("name", p.name);
    w.FieldOrNull("place_id", p.place_id);
    WriteOptionalDouble(w, "lat", p.lat);
    WriteOptionalDouble(w, "lon", p.lon);
    w.FieldOrNull("admin1", p.admin1);
    w.FieldOrNull("pcode", p.pcode);
    w.Key("spans");
    WriteSpanList(w, index, p.spans);
    w.Key("confidence");
    w.Double(p.confidence, 2);
    w.Field("dateline_only", p.dateline_only);
    w.EndObject();
  }
  w.EndArray();
}

// Room for the record, so that it is written without reallocating: about a
// kilobyte per event and a hundred bytes per mention on the dev corpus.
std::size_t ExpectedRecordBytes(const Document& doc, const DocumentResult& result,
                                const RecordJsonOptions& options) {
  constexpr std::size_t kFixed = 256;
  constexpr std::size_t kPerEvent = 1280;
  constexpr std::size_t kPerMention = 160;
  std::size_t bytes =
      kFixed + kPerEvent * result.events.size() +
      kPerMention * (result.actors.size() + result.places.size() + result.sources.size());
  if (options.with_text) bytes += doc.text.size() + doc.origin.size() + 64;
  return bytes;
}

}  // namespace

void AppendDocumentRecord(const Document& doc, const DocumentResult& result,
                          const RecordJsonOptions& options, std::string* out) {
  out->reserve(out->size() + ExpectedRecordBytes(doc, result, options));
  const utf8::CharIndex index(doc.text);
  JsonWriter w(out);
  w.BeginObject();
  w.Field("doc_id", doc.doc_id);
  w.FieldOrNull("pub_date", doc.pub_date);
  w.FieldOrNull("source", doc.source);
  w.Key("events");
  w.BeginArray();
  for (const Event& e : result.events) WriteEvent(w, index, doc.text, e);
  w.EndArray();
  WriteActors(w, index, "actors", result.actors);
  WritePlaces(w, index, result.places);
  WriteActors(w, index, "sources", result.sources);
  w.Field("sentences", static_cast<std::int64_t>(result.sentence_count));
  w.Field("tokens", static_cast<std::int64_t>(result.token_count));
  if (options.with_text) {
    w.Field("origin", doc.origin);
    w.Field("text", doc.text);
  }
  w.EndObject();
  out->push_back('\n');
}

}  // namespace rasd
