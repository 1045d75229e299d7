// The linking floor (LinkEval.*): runs the text core and the linker over the
// evaluation corpus (eval/corpus/*.jsonl), writes the document-level actors and
// places as predictions and scores them with eval/score.py against eval/gold.
// Prints the figures and the targets; fails below the enforced floors of
// eval/floors.tsv (regression guards; the targets are printed, not asserted).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "common/json_writer.h"
#include "link/linker.h"
#include "text/analyzer.h"

namespace rasd::link {
namespace {

struct Scores {
  std::map<std::string, double> figures;
};

std::string Source(const std::string& rel) { return std::string(RASD_SOURCE_DIR) + "/" + rel; }

struct Floor {
  double enforced = 0;
  double target = 0;
};

// eval/floors.tsv: metric <TAB> enforced floor <TAB> target; # comments.
std::map<std::string, Floor> ReadFloors() {
  std::map<std::string, Floor> floors;
  std::ifstream in(Source("eval/floors.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream ss(line);
    std::string metric, enforced, target;
    if (!std::getline(ss, metric, '\t') || !std::getline(ss, enforced, '\t')) continue;
    std::getline(ss, target, '\t');
    floors[metric] = {std::atof(enforced.c_str()), std::atof(target.c_str())};
  }
  return floors;
}

void WritePredictions(const Linker& linker, const std::string& corpus, std::string* out) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string json = simdjson::padded_string::load(corpus);
  simdjson::ondemand::document_stream docs = parser.iterate_many(json);
  text::AnalyzedText analyzed;
  LinkedText linked;
  DocumentMentions mentions;
  for (auto doc : docs) {
    std::string_view doc_id = doc["doc_id"].get_string().value();
    std::string_view body = doc["text"].get_string().value();
    std::optional<text::CivilDate> date;
    std::string_view pub;
    if (doc["pub_date"].get_string().get(pub) == simdjson::SUCCESS) {
      date = text::CivilDate::FromIso(pub);
    }
    text::Analyze(body, date, &analyzed);
    linker.Link(analyzed, body, date, &linked);
    CollectDocumentMentions(linked, body, &mentions);
    JsonWriter w(out);
    w.BeginObject();
    w.Field("doc_id", doc_id);
    w.Key("events");
    w.BeginArray();
    w.EndArray();
    w.Key("actors");
    w.BeginArray();
    for (const ActorMention& a : mentions.actors) w.String(a.id);
    w.EndArray();
    w.Key("places");
    w.BeginArray();
    for (const PlaceMention& p : mentions.places) {
      if (!p.dateline_only) w.String(p.name);
    }
    w.EndArray();
    w.EndObject();
    out->push_back('\n');
  }
}

Scores Score(const std::string& gold, const std::string& pred, const std::string& corpus) {
  const std::string cmd = "python3 " + Source("eval/score.py") + " " + gold + " " + pred + " " +
                          corpus + " 2>/dev/null";
  Scores scores;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return scores;
  char line[512];
  while (std::fgets(line, sizeof line, pipe) != nullptr) {
    std::string s(line);
    const std::size_t colon = s.find(':');
    if (colon == std::string::npos) continue;
    scores.figures[s.substr(0, colon)] = std::atof(s.c_str() + colon + 1);
  }
  pclose(pipe);
  return scores;
}

TEST(LinkEval, ActorsAndPlacesAboveTheFloors) {
  auto linker = Linker::Create(Source("data"));
  ASSERT_TRUE(linker.ok()) << linker.status().ToString();
  const std::string dir = std::filesystem::temp_directory_path().string();
  std::string gold_all, corpus_all, pred_all;
  for (const char* part : {"seeds", "dev"}) {
    std::string pred;
    WritePredictions(**linker, Source("eval/corpus/") + part + ".jsonl", &pred);
    pred_all += pred;
    std::ifstream g(Source("eval/gold/") + part + ".jsonl");
    std::stringstream gs;
    gs << g.rdbuf();
    gold_all += gs.str();
    std::ifstream c(Source("eval/corpus/") + part + ".jsonl");
    std::stringstream cs;
    cs << c.rdbuf();
    corpus_all += cs.str();
  }
  const std::string tag = std::to_string(::getpid());
  const std::string gold = dir + "/rasd_link_gold_" + tag + ".jsonl";
  const std::string corpus = dir + "/rasd_link_corpus_" + tag + ".jsonl";
  const std::string pred = dir + "/rasd_link_pred_" + tag + ".jsonl";
  std::ofstream(gold) << gold_all;
  std::ofstream(corpus) << corpus_all;
  std::ofstream(pred) << pred_all;
  const Scores s = Score(gold, pred, corpus);
  std::remove(gold.c_str());
  std::remove(corpus.c_str());
  if (std::getenv("RASD_KEEP_PRED") == nullptr) std::remove(pred.c_str());
  ASSERT_FALSE(s.figures.empty()) << "eval/score.py printed nothing";
  for (const char* k : {"actors_precision", "actors_recall", "actors_f1", "places_precision",
                        "places_recall", "places_f1"}) {
    std::printf("LinkEval %s: %.3f\n", k, s.figures.at(k));
  }
  const std::map<std::string, Floor> floors = ReadFloors();
  int checked = 0;
  for (const auto& [metric, floor] : floors) {
    if (metric.rfind("actors_", 0) != 0 && metric.rfind("places_", 0) != 0) continue;
    ASSERT_EQ(s.figures.count(metric), 1u) << "eval/floors.tsv names an unknown metric " << metric;
    const double got = s.figures.at(metric);
    std::printf("LinkEval %s: measured %.3f, enforced floor %.3f, target %.3f%s\n", metric.c_str(),
                got, floor.enforced, floor.target, got >= floor.target ? "" : " (target not met)");
    EXPECT_GE(got, floor.enforced) << metric << " fell below its floor in eval/floors.tsv";
    ++checked;
  }
  EXPECT_GE(checked, 4) << "eval/floors.tsv lacks the linking rows";
}

}  // namespace
}  // namespace rasd::link
