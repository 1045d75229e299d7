// Full-text search with the rasd tokenizer (clitics stripped, highlights on
// the original words) and every filter of the canonical-event query, on the
// dev articles with their gold events.
#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "gold_fixture.h"
#include "store/event_store.h"
#include "store/fts_tokenizer.h"
#include "store/query.h"
#include "test_util.h"

namespace rasd::store {
namespace {

using testing::TempDir;

const Versions kVersions{"0.1.0-test", "data-test"};

Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.doc_id = id;
  d.text = text;
  d.pub_date = "2015-08-08";
  d.source = "test";
  return d;
}

// A real sentence of snn-004 (with والنصرة), one of snn-027 (with «جبهة النصرة»),
// and the snn-027 sentence with the spelling the corpus lacks: للنصرة.
const char kWaNusra[] =
    "فإننا نؤكد أيضًا على كل إخواننا تحقيق واجب النهوض والنصرة لإخوانهم في منطقة الزبداني";
const char kJabhatNusra[] =
    "بعد هجوم شنته «جبهة النصرة» وحلفاؤها من المقاتلين الإسلاميين، ضد مقر «الفرقة 30»";
const char kLilNusra[] =
    "بعد هجوم شنته الفصائل الموالية للنصرة وحلفاؤها من المقاتلين الإسلاميين، ضد مقر «الفرقة 30»";
const char kOther[] = "قتل خمسة أشخاص وأصيب 37 آخرون بجروح جراء سقوط قذائف صاروخية";

TEST(FtsTokenizerTest, IndexesOneBareStemPerWordThatTheQueryFormFinds) {
  const std::vector<FtsTerm> terms = FtsTerms(kWaNusra, /*query=*/false);
  const std::string text = kWaNusra;
  const std::size_t at = text.find("والنصرة");
  ASSERT_EQ(std::count_if(terms.begin(), terms.end(),
                          [&](const FtsTerm& t) { return t.start == static_cast<int>(at); }),
            1);
  const FtsTerm& stem = *std::find_if(terms.begin(), terms.end(), [&](const FtsTerm& t) {
    return t.start == static_cast<int>(at);
  });
  EXPECT_FALSE(stem.colocated);
  EXPECT_EQ(stem.end, static_cast<int>(at + std::string("والنصرة").size()));
  EXPECT_TRUE(
      std::none_of(terms.begin(), terms.end(), [](const FtsTerm& t) { return t.colocated; }));
  // The query form of النصرة (and of للنصرة) starts with that same bare stem.
  for (const char* word : {"النصرة", "للنصرة"}) {
    const std::vector<FtsTerm> query = FtsTerms(word, /*query=*/true);
    ASSERT_FALSE(query.empty()) << word;
    EXPECT_EQ(query[0].text, stem.text) << word;
  }
}

// A real dev sentence with براميل (no article), whose most stripped reading
// cuts a preposition letter: the query البراميل still finds and marks it.
TEST(FtsTokenizerTest, QueryWithTheArticleFindsTheBareNoun) {
  auto db = Database::Open(":memory:", true);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(RegisterRasdTokenizer(db->get()).ok());
  ASSERT_TRUE(db->Exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='rasd')").ok());
  const std::string sentence =
      "وتحدث ناشطون عن قصف الطيران المروحي بأربعة براميل متفجرة مناطق في الطريق";
  auto insert = db->Prepare("INSERT INTO t(body) VALUES (?1)");
  insert->Bind(1, sentence);
  ASSERT_TRUE(insert->Run().ok());
  for (const char* query : {"البراميل", "براميل", "\"براميل متفجرة\""}) {
    auto q = db->Prepare("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1");
    q->Bind(1, query);
    Status st;
    ASSERT_TRUE(q->Step(&st)) << query << " " << st.ToString();
    EXPECT_NE(q->String(0).find("[براميل"), std::string::npos) << query << ": " << q->String(0);
  }
}

// Replaying cached terms gives FTS5 exactly what tokenizing gives: same rows
// found, same highlights, and an index that passes integrity-check after a
// delete that tokenizes for real.
TEST(FtsTokenizerTest, CachedTermsIndexAsTokenizedTermsDo) {
  auto db = Database::Open(":memory:", true);
  ASSERT_TRUE(db.ok());
  FtsTermCache cache;
  ASSERT_TRUE(RegisterRasdTokenizer(db->get(), &cache).ok());
  ASSERT_TRUE(db->Exec("CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);"
                       " CREATE VIRTUAL TABLE cached USING fts5(body, content='docs',"
                       " content_rowid='id', tokenize='rasd');"
                       " CREATE VIRTUAL TABLE plain USING fts5(body, tokenize='rasd')")
                  .ok());
  FtsAnalysis analysis;
  std::int64_t id = 0;
  for (const char* text : {kWaNusra, kJabhatNusra, kLilNusra, kOther}) {
    AnalyzeForFts(text, &analysis);
    cache.Add(text, analysis);
    auto insert = db->Prepare("INSERT INTO docs(id, body) VALUES (?1, ?2)");
    insert->Bind(1, ++id);
    insert->Bind(2, text);
    ASSERT_TRUE(insert->Run().ok());
  }
  ASSERT_TRUE(db->Exec("INSERT INTO cached(rowid, body) SELECT id, body FROM docs;"
                       " INSERT INTO plain(rowid, body) SELECT id, body FROM docs")
                  .ok());
  cache.Clear();
  auto highlights = [&](const char* table) {
    auto q = db->Prepare(std::string("SELECT rowid, highlight(") + table + ", 0, '[', ']') FROM " +
                         table + " WHERE " + table + " MATCH 'النصرة' ORDER BY rowid");
    std::vector<std::string> out;
    Status st;
    while (q->Step(&st)) out.push_back(std::to_string(q->Int(0)) + q->String(1));
    return out;
  };
  const std::vector<std::string> cached = highlights("cached");
  EXPECT_EQ(cached.size(), 3u);
  EXPECT_EQ(cached, highlights("plain"));
  ASSERT_TRUE(db->Exec("INSERT INTO cached(cached, rowid, body) SELECT 'delete', id, body FROM docs"
                       " WHERE id = 1; DELETE FROM docs WHERE id = 1;"
                       " INSERT INTO cached(cached) VALUES ('integrity-check')")
                  .ok());
}

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = EventStore::Open(dir_.File("rasd.db"), {});
    ASSERT_TRUE(store.ok());
    store_ = std::move(store.value());
    const std::vector<Document> docs = {Doc("wa", kWaNusra), Doc("jabhat", kJabhatNusra),
                                        Doc("lil", kLilNusra), Doc("other", kOther)};
    ASSERT_TRUE(store_->PutBatch(docs, std::vector<DocumentResult>(docs.size()), kVersions).ok());
  }
  std::vector<std::string> Ids(const std::string& query) {
    auto hits = SearchArticles(store_->db(), query, {});
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<std::string> ids;
    for (const auto& h : *hits) ids.push_back(h.doc_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

TEST_F(SearchTest, NusraFindsEveryCliticForm) {
  EXPECT_EQ(Ids("النصرة"), (std::vector<std::string>{"jabhat", "lil", "wa"}));
  EXPECT_EQ(Ids("للنصرة"), (std::vector<std::string>{"jabhat", "lil", "wa"}));
  EXPECT_EQ(Ids("قذائف"), (std::vector<std::string>{"other"}));
  EXPECT_TRUE(Ids("داعش").empty());
}

TEST_F(SearchTest, SnippetHighlightsTheOriginalWord) {
  SearchOptions options;
  options.open_mark = "[";
  options.close_mark = "]";
  auto hits = SearchArticles(store_->db(), "النصرة", options);
  ASSERT_TRUE(hits.ok());
  const std::map<std::string, std::string> marked = {
      {"wa", "[والنصرة]"}, {"lil", "[للنصرة]"}, {"jabhat", "«جبهة [النصرة]»"}};
  ASSERT_EQ(hits->size(), 3u);
  for (const SearchHit& h : *hits) {
    EXPECT_NE(h.snippet.find(marked.at(h.doc_id)), std::string::npos) << h.snippet;
  }
}

TEST_F(SearchTest, BadQuerySyntaxIsAnInvalidArgument) {
  auto hits = SearchArticles(store_->db(), "\"unbalanced", {});
  ASSERT_FALSE(hits.ok());
  EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument);
}

class QueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    StoreOptions options;
    options.lineages = {{"JABHAT_AL_NUSRA", "NUSRA_LINEAGE"}, {"HTS", "NUSRA_LINEAGE"}};
    auto store = EventStore::Open(dir_->File("rasd.db"), options);
    ASSERT_TRUE(store.ok());
    store_ = store.value().release();
    std::vector<Document> docs;
    std::vector<DocumentResult> results;
    for (auto& a : testing::LoadGoldArticles()) {
      // Governorates for the admin1 filter: the gold gives coordinates only.
      for (Event& e : a.result.events) {
        if (e.location && e.location->place_id == "gn:172059") e.location->admin1 = "ريف دمشق";
      }
      docs.push_back(a.doc);
      results.push_back(a.result);
    }
    ASSERT_TRUE(store_->PutBatch(docs, results, kVersions).ok());
    auto all = QueryEvents(store_->db(), {});
    ASSERT_TRUE(all.ok());
    all_ = new std::vector<CanonicalEvent>(std::move(all.value()));
  }
  static void TearDownTestSuite() {
    delete all_;
    delete store_;
    delete dir_;
  }
  // Runs `filter`; expects a non-empty strict subset where every event satisfies `holds`.
  template <typename Pred>
  void ExpectFilter(const EventFilter& filter, Pred holds) {
    auto events = QueryEvents(store_->db(), filter);
    ASSERT_TRUE(events.ok()) << events.status().ToString();
    EXPECT_FALSE(events->empty());
    EXPECT_LT(events->size(), all_->size());
    for (const CanonicalEvent& c : *events) EXPECT_TRUE(holds(c)) << "event " << c.id;
    const auto expected = std::count_if(all_->begin(), all_->end(), holds);
    EXPECT_EQ(static_cast<long>(events->size()), expected);
  }
  static TempDir* dir_;
  static EventStore* store_;
  static std::vector<CanonicalEvent>* all_;
};
TempDir* QueryTest::dir_ = nullptr;
EventStore* QueryTest::store_ = nullptr;
std::vector<CanonicalEvent>* QueryTest::all_ = nullptr;

TEST_F(QueryTest, ByActorIdOrLineage) {
  EventFilter f;
  f.actors = {"NUSRA_LINEAGE"};
  ExpectFilter(f, [](const CanonicalEvent& c) {
    for (const std::string* a : {&c.event.actor1, &c.event.actor2}) {
      if (*a == "JABHAT_AL_NUSRA" || *a == "HTS") return true;
    }
    return false;
  });
  f.actors = {"ISLAMIC_STATE"};
  ExpectFilter(f, [](const CanonicalEvent& c) {
    return c.event.actor1 == "ISLAMIC_STATE" || c.event.actor2 == "ISLAMIC_STATE";
  });
}

TEST_F(QueryTest, ByTypeAndSubType) {
  EventFilter f;
  f.event_type = "Battles";
  ExpectFilter(f, [](const CanonicalEvent& c) { return c.event.event_type == "Battles"; });
  f.event_type.clear();
  f.sub_event_type = "Air/drone strike";
  ExpectFilter(
      f, [](const CanonicalEvent& c) { return c.event.sub_event_type == "Air/drone strike"; });
}

TEST_F(QueryTest, ByPlaceNearAndAdmin1) {
  EventFilter f;
  f.place_ids = {"gn:172059"};  // الزبداني
  f.place = "الزبداني";
  auto zabadani = [](const CanonicalEvent& c) {
    return c.event.location &&
           (c.event.location->place_id == "gn:172059" || c.event.location->name == "الزبداني");
  };
  ExpectFilter(f, zabadani);
  EventFilter near;
  near.near = NearFilter{33.72488, 36.1005, 10.0};
  ExpectFilter(near, [](const CanonicalEvent& c) {
    const auto& l = c.event.location;
    return l && l->lat && l->lon && DistanceKm(33.72488, 36.1005, *l->lat, *l->lon) <= 10.0;
  });
  EventFilter admin;
  admin.admin1 = "ريف دمشق";
  ExpectFilter(admin, [](const CanonicalEvent& c) {
    return c.event.location && c.event.location->admin1 == "ريف دمشق";
  });
}

TEST_F(QueryTest, ByDateRange) {
  EventFilter f;
  f.from = "2015-08-01";
  f.to = "2015-08-07";
  ExpectFilter(f, [](const CanonicalEvent& c) {
    return c.event.date >= "2015-08-01" && c.event.date <= "2015-08-07";
  });
  f.from = "2015-13-01";
  EXPECT_EQ(QueryEvents(store_->db(), f).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(QueryTest, BySourceStatusAndFatalities) {
  EventFilter f;
  f.source = "alriyadh";
  ExpectFilter(f, [](const CanonicalEvent& c) {
    return std::find(c.outlets.begin(), c.outlets.end(), "alriyadh") != c.outlets.end() ||
           std::any_of(c.claims.begin(), c.claims.end(),
                       [](const SourceClaim& cl) { return cl.source == "alriyadh"; });
  });
  EventFilter status;
  status.status = "background";
  ExpectFilter(status,
               [](const CanonicalEvent& c) { return c.event.status == EventStatus::kBackground; });
  EventFilter dead;
  dead.min_fatalities = 10;
  ExpectFilter(dead, [](const CanonicalEvent& c) {
    return c.event.fatalities && *c.event.fatalities >= 10;
  });
}

TEST_F(QueryTest, ByTextOverEvidenceAndArticles) {
  EventFilter f;
  f.text = "أريحا";
  auto events = QueryEvents(store_->db(), f);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_FALSE(events->empty());
  EXPECT_LT(events->size(), all_->size());
  bool crash = false;
  for (const auto& c : *events) {
    crash = crash || (c.event.fatalities == 27 && c.fatalities_max == 31);
  }
  EXPECT_TRUE(crash) << "the Ariha crash (27 to 31 dead) is found by its town";
}

TEST_F(QueryTest, FiltersCombine) {
  EventFilter f;
  f.event_type = "Explosions/Remote violence";
  f.from = "2015-07-22";
  f.to = "2015-07-25";
  f.min_fatalities = 1;
  ExpectFilter(f, [](const CanonicalEvent& c) {
    return c.event.event_type == "Explosions/Remote violence" && c.event.date >= "2015-07-22" &&
           c.event.date <= "2015-07-25" && c.event.fatalities && *c.event.fatalities >= 1;
  });
}

TEST_F(QueryTest, StatsAddUpToTheEvents) {
  auto stats = ComputeStats(store_->db());
  ASSERT_TRUE(stats.ok());
  std::int64_t by_admin1 = 0;
  std::int64_t by_pair = 0;
  for (const auto& r : stats->by_admin1) by_admin1 += r.events;
  for (const auto& r : stats->by_actor_pair) by_pair += r.events;
  EXPECT_EQ(by_admin1, static_cast<std::int64_t>(all_->size()));
  EXPECT_EQ(by_pair, static_cast<std::int64_t>(all_->size()));
  for (const auto& r : stats->by_week_and_type) {
    EXPECT_EQ(DayNumber(r.key).value_or(0) % 7, 4) << r.key << " is not a Monday";
  }
  std::string json;
  AppendStatsJson(*stats, &json);
  EXPECT_NE(json.find("\"by_week_and_type\""), std::string::npos);
}

}  // namespace
}  // namespace rasd::store
