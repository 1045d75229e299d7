// Deduplication on real pairs: the labelled pairs of dedup_pairs.tsv (gold
// events of two dev articles; same incident or not) after storing all 60 dev
// articles with their gold events, plus the rules themselves on small cases.
#include "store/dedup.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "gold_fixture.h"
#include "store/event_store.h"
#include "store/query.h"
#include "test_util.h"

namespace rasd::store {
namespace {

using testing::QueryInt;
using testing::TempDir;

struct LabelledPair {
  std::string doc_a;
  int event_a = 0;
  std::string doc_b;
  int event_b = 0;
  bool same = false;
  std::string what;
};

std::vector<LabelledPair> ReadPairs() {
  std::ifstream in(std::string(RASD_SOURCE_DIR) + "/tests/store/dedup_pairs.tsv");
  std::vector<LabelledPair> pairs;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    LabelledPair p;
    std::string label;
    fields >> p.doc_a >> p.event_a >> p.doc_b >> p.event_b >> label;
    std::getline(fields, p.what);
    p.same = label == "same";
    pairs.push_back(p);
  }
  return pairs;
}

std::int64_t CanonicalOf(Database* db, const std::string& doc, int ordinal) {
  return QueryInt(db,
                  "SELECT m.canonical FROM event_mentions m JOIN documents d ON d.id = m.doc"
                  " WHERE d.doc_id = '" +
                      doc + "' AND m.ordinal = " + std::to_string(ordinal));
}

std::unique_ptr<EventStore> StoreGold(const std::string& path, bool reversed = false,
                                      double threshold = DedupOptions().merge_threshold) {
  StoreOptions options;
  options.dedup.merge_threshold = threshold;
  options.lineages = {{"JABHAT_AL_NUSRA", "NUSRA_LINEAGE"},
                      {"JABHAT_FATAH_AL_SHAM", "NUSRA_LINEAGE"},
                      {"HTS", "NUSRA_LINEAGE"}};
  auto store = EventStore::Open(path, options);
  EXPECT_TRUE(store.ok());
  std::vector<Document> docs;
  std::vector<DocumentResult> results;
  for (auto& a : testing::LoadGoldArticles()) {
    docs.push_back(std::move(a.doc));
    results.push_back(std::move(a.result));
  }
  if (reversed) {
    std::reverse(docs.begin(), docs.end());
    std::reverse(results.begin(), results.end());
  }
  EXPECT_TRUE((*store)->PutBatch(docs, results, {"test", "test"}).ok());
  return std::move(store.value());
}

struct PairFigures {
  int same = 0, merged = 0, different = 0, apart = 0;
};

PairFigures ScorePairs(EventStore* store, bool print_errors) {
  const std::vector<LabelledPair> pairs = ReadPairs();
  PairFigures fig;
  for (const LabelledPair& p : pairs) {
    const bool together = CanonicalOf(store->db(), p.doc_a, p.event_a) ==
                          CanonicalOf(store->db(), p.doc_b, p.event_b);
    if (p.same) {
      ++fig.same;
      fig.merged += together;
    } else {
      ++fig.different;
      fig.apart += !together;
    }
    if (print_errors && together != p.same) {
      std::printf("  %s: %s#%d %s#%d (%s)\n", p.same ? "missed" : "wrongly merged", p.doc_a.c_str(),
                  p.event_a, p.doc_b.c_str(), p.event_b, p.what.c_str());
    }
  }
  return fig;
}

void CheckLabelledPairs(bool reversed) {
  const std::vector<LabelledPair> pairs = ReadPairs();
  ASSERT_GE(pairs.size(), 39u);
  TempDir dir;
  auto store = StoreGold(dir.File("rasd.db"), reversed);
  int same = 0, merged = 0, different = 0, apart = 0;
  for (const LabelledPair& p : pairs) {
    const bool together = CanonicalOf(store->db(), p.doc_a, p.event_a) ==
                          CanonicalOf(store->db(), p.doc_b, p.event_b);
    if (p.same) {
      ++same;
      merged += together;
    } else {
      ++different;
      apart += !together;
    }
    if (together != p.same) {
      std::printf("  %s: %s#%d %s#%d (%s)\n", p.same ? "missed" : "wrongly merged", p.doc_a.c_str(),
                  p.event_a, p.doc_b.c_str(), p.event_b, p.what.c_str());
    }
  }
  std::printf(
      "%s order: same-incident pairs merged: %d/%d; different-incident pairs kept apart:"
      " %d/%d; %lld mentions -> %lld canonical events\n",
      reversed ? "reversed" : "corpus", merged, same, apart, different,
      static_cast<long long>(QueryInt(store->db(), "SELECT count(*) FROM event_mentions")),
      static_cast<long long>(QueryInt(store->db(), "SELECT count(*) FROM canonical_events")));
  // Figures recorded in docs/deduplication.md; a rule change that loses
  // either side fails here.
  EXPECT_GE(merged * 10, same * 6);
  EXPECT_GE(apart * 10, different * 9);
}

TEST(DedupTest, LabelledPairsFromTheDevGold) { CheckLabelledPairs(false); }

// Clustering is greedy and incremental, so input order can change which
// cluster a borderline mention joins; the labelled figures must hold anyway.
TEST(DedupTest, LabelledPairsInReverseOrder) { CheckLabelledPairs(true); }

// A higher threshold can only merge less: figures per threshold for
// docs/deduplication.md, and the monotony as a check.
TEST(DedupTest, ThresholdSensitivity) {
  PairFigures previous{0, 1000, 0, -1};
  for (const double threshold : {2.0, 3.0, 4.0, 5.0, 6.0}) {
    TempDir dir;
    auto store = StoreGold(dir.File("rasd.db"), false, threshold);
    const PairFigures fig = ScorePairs(store.get(), false);
    std::printf(
        "threshold %.1f: merged %d/%d, kept apart %d/%d, %lld canonical events\n", threshold,
        fig.merged, fig.same, fig.apart, fig.different,
        static_cast<long long>(QueryInt(store->db(), "SELECT count(*) FROM canonical_events")));
    EXPECT_LE(fig.merged, previous.merged);
    EXPECT_GE(fig.apart, previous.apart);
    previous = fig;
  }
}

TEST(DedupTest, CanonicalEventKeepsEverySourceAndTheConservativeFigure) {
  TempDir dir;
  auto store = StoreGold(dir.File("rasd.db"));
  const std::int64_t crash = CanonicalOf(store->db(), "snn-035", 0);
  ASSERT_EQ(crash, CanonicalOf(store->db(), "snn-046", 0));
  auto events = QueryEvents(store->db(), {});
  ASSERT_TRUE(events.ok());
  const auto it = std::find_if(events->begin(), events->end(),
                               [&](const CanonicalEvent& c) { return c.id == crash; });
  ASSERT_NE(it, events->end());
  EXPECT_EQ(it->event.fatalities, 27);  // spec: where sources differ, the lowest
  EXPECT_EQ(it->fatalities_max, 31);
  EXPECT_EQ(it->articles, 2);
  EXPECT_EQ(it->distinct_sources, 2);
  EXPECT_EQ(it->doc_ids, (std::vector<std::string>{"snn-035", "snn-046"}));
  EXPECT_EQ(it->first_report, "2015-08-03");
}

TEST(DedupTest, ClaimsOfEverySourceStayVisible) {
  TempDir dir;
  auto store = StoreGold(dir.File("rasd.db"));
  auto events = QueryEvents(store->db(), {});
  ASSERT_TRUE(events.ok());
  std::size_t claims = 0;
  for (const auto& c : *events) {
    for (const auto& cl : c.claims) {
      EXPECT_TRUE(cl.stance == "asserts" || cl.stance == "denies");
      EXPECT_NE(std::find(c.doc_ids.begin(), c.doc_ids.end(), cl.doc_id), c.doc_ids.end());
      ++claims;
    }
  }
  EXPECT_EQ(static_cast<std::int64_t>(claims),
            QueryInt(store->db(), "SELECT count(*) FROM claims"));
}

MentionFeatures Strike(const std::string& place, double lat, double lon, std::int64_t day) {
  MentionFeatures f;
  f.event_type = "Explosions/Remote violence";
  f.sub_event_type = "Air/drone strike";
  f.day = day;
  f.place_id = place;
  f.lat = lat;
  f.lon = lon;
  f.geo_precision = 1;
  f.lineages = {"CIVILIANS", "SYRIAN_AIR_FORCE"};
  return f;
}

TEST(DedupRulesTest, VetoesAndScores) {
  const DedupOptions options;
  const auto day = DayNumber("2015-08-03").value();
  const MentionFeatures ariha = Strike("gn:ariha", 35.81, 36.61, day);
  EXPECT_GE(MatchScore(ariha, ariha, options).value(), options.merge_threshold);
  MentionFeatures later = ariha;
  later.day = day + 3;
  EXPECT_FALSE(MatchScore(ariha, later, options));  // outside the date window
  MentionFeatures other_town = Strike("gn:other", 35.85, 36.61, day);
  EXPECT_FALSE(MatchScore(ariha, other_town, options));  // two named towns
  MentionFeatures far = Strike("", 36.2, 37.15, day);
  far.geo_precision = 2;
  EXPECT_FALSE(MatchScore(ariha, far, options));  // Aleppo is 60 km away
  MentionFeatures battle = ariha;
  battle.event_type = "Battles";
  EXPECT_FALSE(MatchScore(ariha, battle, options));
}

TEST(DedupRulesTest, DaysAndStems) {
  EXPECT_EQ(IsoDate(DayNumber("2015-07-31").value()), "2015-07-31");
  EXPECT_EQ(DayNumber("2015-08-01").value() - DayNumber("2015-07-31").value(), 1);
  EXPECT_FALSE(DayNumber("2015-7-31"));
  // Two real wordings of the Ariha crash share stems; clitics do not split them.
  const auto a = EvidenceStems("سقطت مقاتلة سورية على سوق مزدحم في بلدة أريحا");
  const auto b = EvidenceStems("تحطمت طائرة حربية سورية أمس بعد سقوطها في سوق بأريحا");
  EXPECT_GT(Jaccard(a, b), 0.0);
  EXPECT_LT(Jaccard(a, b), 1.0);
  EXPECT_DOUBLE_EQ(Jaccard(a, a), 1.0);
}

}  // namespace
}  // namespace rasd::store
