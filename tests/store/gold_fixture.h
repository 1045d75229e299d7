// Test fixture: the dev corpus articles with their GOLD events turned into
// rasd::Event records (evidence = the gold trigger's byte span in the text),
// so that store tests run on real Arabic articles and real event shapes
// without depending on how good extraction is today.
#ifndef RASD_TESTS_STORE_GOLD_FIXTURE_H_
#define RASD_TESTS_STORE_GOLD_FIXTURE_H_

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "rasd/document.h"
#include "rasd/engine.h"

namespace rasd::testing {

struct GoldArticle {
  Document doc;
  DocumentResult result;
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get_string().get(v) != simdjson::SUCCESS) return "";
  return std::string(v);
}

inline std::optional<double> Num(simdjson::dom::element e, const char* key) {
  double v = 0;
  if (e[key].get_double().get(v) != simdjson::SUCCESS) return std::nullopt;
  return v;
}

inline Event GoldEvent(simdjson::dom::element g, const std::string& text) {
  Event e;
  e.event_type = Str(g, "event_type");
  e.sub_event_type = Str(g, "sub_event_type");
  e.actor1 = Str(g, "actor1");
  e.actor2 = Str(g, "actor2");
  e.date = Str(g, "date");
  int64_t tp = 0;
  if (g["time_precision"].get_int64().get(tp) == simdjson::SUCCESS) e.time_precision = int(tp);
  int64_t f = 0;
  if (g["fatalities"].get_int64().get(f) == simdjson::SUCCESS) e.fatalities = f;
  e.fatalities_text = Str(g, "fatalities_text");
  const std::string status = Str(g, "status");
  if (status == "background") e.status = EventStatus::kBackground;
  if (status == "planned") e.status = EventStatus::kPlanned;
  if (status == "denied") e.status = EventStatus::kDenied;
  simdjson::dom::element loc;
  if (g["location"].get(loc) == simdjson::SUCCESS && loc.is_object()) {
    Location l;
    l.name = Str(loc, "name");
    l.place_id = Str(loc, "place_id");
    l.lat = Num(loc, "lat");
    l.lon = Num(loc, "lon");
    int64_t p = 1;
    if (loc["geo_precision"].get_int64().get(p) == simdjson::SUCCESS) l.geo_precision = int(p);
    e.location = l;
  }
  simdjson::dom::array claims;
  if (g["claims"].get(claims) == simdjson::SUCCESS) {
    for (simdjson::dom::element c : claims) {
      Claim claim;
      claim.source = Str(c, "source");
      claim.cue = Str(c, "cue");
      claim.stance = Str(c, "stance") == "denies" ? ClaimStance::kDenies : ClaimStance::kAsserts;
      e.claims.push_back(claim);
    }
  }
  const std::string trigger = Str(g, "trigger");
  const std::size_t at = text.find(trigger);
  const std::uint32_t begin = at == std::string::npos ? 0 : static_cast<std::uint32_t>(at);
  const std::uint32_t end =
      at == std::string::npos ? 0 : static_cast<std::uint32_t>(at + trigger.size());
  e.evidence = {ByteOffset(begin), ByteOffset(end)};
  e.trigger = e.evidence;
  e.confidence = 1.0;
  return e;
}

// The dev articles in corpus order, each with its gold events.
inline std::vector<GoldArticle> LoadGoldArticles() {
  const std::string root = RASD_SOURCE_DIR;
  simdjson::dom::parser parser;
  std::map<std::string, GoldArticle> by_id;
  std::vector<std::string> order;
  std::istringstream corpus(ReadAll(root + "/eval/corpus/dev.jsonl"));
  for (std::string line; std::getline(corpus, line);) {
    simdjson::dom::element d = parser.parse(line);
    GoldArticle a;
    a.doc.doc_id = Str(d, "doc_id");
    a.doc.title = Str(d, "title");
    a.doc.text = Str(d, "text");
    a.doc.pub_date = Str(d, "pub_date");
    a.doc.source = Str(d, "source");
    a.doc.url = Str(d, "url");
    a.result.doc_id = a.doc.doc_id;
    order.push_back(a.doc.doc_id);
    by_id[a.doc.doc_id] = std::move(a);
  }
  std::istringstream gold(ReadAll(root + "/eval/gold/dev.jsonl"));
  for (std::string line; std::getline(gold, line);) {
    simdjson::dom::element d = parser.parse(line);
    auto it = by_id.find(Str(d, "doc_id"));
    if (it == by_id.end()) continue;
    for (simdjson::dom::element g : d["events"].get_array()) {
      it->second.result.events.push_back(GoldEvent(g, it->second.doc.text));
    }
  }
  std::vector<GoldArticle> out;
  for (const std::string& id : order) out.push_back(std::move(by_id[id]));
  return out;
}

}  // namespace rasd::testing

#endif  // RASD_TESTS_STORE_GOLD_FIXTURE_H_
