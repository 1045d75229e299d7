// The evaluation floors: runs `rasd extract` over the bundled corpus, scores
// it with the reference scorer (eval/score.py) and checks every figure
// against eval/event_floors.tsv, and each seed article on its own. The
// figures are printed, so a CI log shows where rasd stands.
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "cli_test_util.h"

namespace rasd::testing {
namespace {

struct Floor {
  double enforced = 0;
  double target = 0;
};

std::map<std::string, Floor> ReadFloors() {
  std::map<std::string, Floor> floors;
  std::istringstream in(ReadAll(SourceDir() + "/eval/event_floors.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream row(line);
    std::string metric;
    Floor f;
    row >> metric >> f.enforced >> f.target;
    floors[metric] = f;
  }
  return floors;
}

// Runs score.py --json and returns its figures.
std::map<std::string, double> Score(const std::string& gold, const std::string& pred,
                                    const std::string& corpus) {
  const std::string cmd = "python3 " + SourceDir() + "/eval/score.py " + gold + " " + pred + " " +
                          corpus + " --json 2>/dev/null";
  std::string out;
  FILE* pipe = popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n = 0;
  while (pipe != nullptr && (n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  if (pipe != nullptr) pclose(pipe);
  std::map<std::string, double> figures;
  simdjson::dom::parser parser;
  simdjson::dom::object obj;
  if (parser.parse(out).get(obj) != simdjson::SUCCESS) return figures;
  for (auto [key, value] : obj) {
    double v = 0;
    if (value.get_double().get(v) == simdjson::SUCCESS) {
      figures[std::string(key)] = v;
    } else if (std::int64_t i = 0; value.get_int64().get(i) == simdjson::SUCCESS) {
      figures[std::string(key)] = static_cast<double>(i);
    }
  }
  return figures;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

class EvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string corpus = SourceDir() + "/eval/corpus/";
    const std::string gold = SourceDir() + "/eval/gold/";
    WriteAll(dir_.path() / "corpus.jsonl",
             ReadAll(corpus + "seeds.jsonl") + ReadAll(corpus + "dev.jsonl"));
    WriteAll(dir_.path() / "gold.jsonl",
             ReadAll(gold + "seeds.jsonl") + ReadAll(gold + "dev.jsonl"));
    const RunResult r = RunRasd("extract " + Path("corpus.jsonl"));
    ASSERT_EQ(r.exit_code, 0);
    WriteAll(dir_.path() / "pred.jsonl", r.out);
  }
  std::string Path(const char* name) const { return (dir_.path() / name).string(); }

  TempDir dir_;
  std::map<std::string, Floor> floors_ = ReadFloors();
};

TEST_F(EvalTest, CorpusFiguresStayAboveTheFloors) {
  const auto figures = Score(Path("gold.jsonl"), Path("pred.jsonl"), Path("corpus.jsonl"));
  ASSERT_FALSE(figures.empty()) << "score.py gave no figures";
  for (const auto& [metric, floor] : floors_) {
    if (metric.rfind("seed_", 0) == 0) continue;
    ASSERT_TRUE(figures.count(metric)) << metric;
    const double v = figures.at(metric);
    std::printf("%-32s %.3f  (floor %.2f, target %.2f%s)\n", metric.c_str(), v, floor.enforced,
                floor.target, v >= floor.target ? "" : ", target not met");
    EXPECT_GE(v, floor.enforced) << metric;
  }
}

TEST_F(EvalTest, EverySeedArticleYieldsItsEvents) {
  const auto gold = Lines(ReadAll(Path("gold.jsonl")));
  const auto pred = Lines(ReadAll(Path("pred.jsonl")));
  const auto corpus = Lines(ReadAll(Path("corpus.jsonl")));
  const Floor floor = floors_.at("seed_event_recall");
  // The actor pairs are counted over the five together: one article has too
  // few events for a share of its own to say much.
  double pairs_right = 0;
  double pairs = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    WriteAll(dir_.path() / "g1.jsonl", gold[i] + "\n");
    WriteAll(dir_.path() / "p1.jsonl", pred[i] + "\n");
    WriteAll(dir_.path() / "c1.jsonl", corpus[i] + "\n");
    const auto figures = Score(Path("g1.jsonl"), Path("p1.jsonl"), Path("c1.jsonl"));
    ASSERT_TRUE(figures.count("event_recall"));
    const double recall = figures.at("event_recall");
    std::printf(
        "seed %zu: %g of %g current events found (recall %.2f), sub-type %.2f, actors %.2f, "
        "place %.2f\n",
        i, figures.at("event_tp"), figures.at("event_gold"), recall,
        figures.at("arg_sub_event_type_accuracy"), figures.at("arg_actors_accuracy"),
        figures.at("arg_location_accuracy"));
    EXPECT_GE(recall, floor.enforced) << "seed " << i;
    pairs += figures.at("arg_actors_n");
    pairs_right += figures.at("arg_actors_accuracy") * figures.at("arg_actors_n");
  }
  const Floor actors = floors_.at("seed_arg_actors_accuracy");
  const double share = pairs > 0 ? pairs_right / pairs : 0;
  std::printf("seeds: actor pair right in %.0f of %.0f matched events (%.2f, floor %.2f)\n",
              pairs_right, pairs, share, actors.enforced);
  EXPECT_GE(share, actors.enforced);
}

}  // namespace
}  // namespace rasd::testing
