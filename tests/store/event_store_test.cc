// The event store on real SQLite files: what is written, idempotent
// re-ingest, replacement of a changed article, migration from schema v1, and
// clear errors (read-only file, full disk) that leave the database intact.
#include "store/event_store.h"

#include <sstream>

#include <gtest/gtest.h>

#include "gold_fixture.h"
#include "store/fts_tokenizer.h"
#include "store/query.h"
#include "store/schema.h"
#include "test_util.h"

namespace rasd::store {
namespace {

using testing::GoldArticle;
using testing::IntegrityCheck;
using testing::QueryInt;
using testing::TempDir;

const Versions kVersions{"0.1.0-test", "data-test"};

struct Batch {
  std::vector<Document> docs;
  std::vector<DocumentResult> results;
};

Batch ToBatch(const std::vector<GoldArticle>& articles) {
  Batch b;
  for (const GoldArticle& a : articles) {
    b.docs.push_back(a.doc);
    b.results.push_back(a.result);
  }
  return b;
}

std::size_t EventCount(const std::vector<GoldArticle>& articles) {
  std::size_t n = 0;
  for (const auto& a : articles) n += a.result.events.size();
  return n;
}

const GoldArticle& Article(const std::vector<GoldArticle>& all, const std::string& id) {
  for (const auto& a : all) {
    if (a.doc.doc_id == id) return a;
  }
  ADD_FAILURE() << "no article " << id;
  return all.front();
}

std::unique_ptr<EventStore> OpenOrDie(const std::string& path) {
  auto store = EventStore::Open(path, {});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store.value());
}

// Every document's sentences ("b-e,b-e") are ordered, non-empty byte spans of
// its text that start and end on characters; at least `min_split` documents
// have more than one.
void ExpectSentencesInsideTheirText(Database* db, int min_split) {
  auto rows = db->Prepare("SELECT doc_id, text, sentences FROM documents");
  ASSERT_TRUE(rows.ok());
  Status status;
  int split = 0;
  while (rows->Step(&status)) {
    const std::string id = rows->String(0);
    const std::string text = rows->String(1);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::istringstream in(rows->String(2));
    std::string span;
    while (std::getline(in, span, ',')) {
      const std::size_t dash = span.find('-');
      ASSERT_NE(dash, std::string::npos) << id << ": " << span;
      spans.emplace_back(std::stoul(span.substr(0, dash)), std::stoul(span.substr(dash + 1)));
    }
    ASSERT_FALSE(spans.empty()) << id;
    std::size_t last_end = 0;
    for (const auto& [begin, end] : spans) {
      EXPECT_LE(last_end, begin) << id;
      EXPECT_LT(begin, end) << id;
      ASSERT_LE(end, text.size()) << id;
      // UTF-8 continuation bytes are 10xxxxxx: a span never cuts a character.
      EXPECT_NE(static_cast<unsigned char>(text[begin]) & 0xC0, 0x80) << id;
      if (end < text.size()) {
        EXPECT_NE(static_cast<unsigned char>(text[end]) & 0xC0, 0x80) << id;
      }
      last_end = end;
    }
    if (spans.size() > 1) ++split;
  }
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_GE(split, min_split);
}

TEST(EventStoreTest, StoresEveryMentionWithItsVersions) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  ASSERT_EQ(articles.size(), 60u);
  auto store = OpenOrDie(dir.File("rasd.db"));
  const Batch b = ToBatch(articles);
  auto summary = store->PutBatch(b.docs, b.results, kVersions);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->inserted, 60u);
  Database* db = store->db();
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 60);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM event_mentions"),
            static_cast<std::int64_t>(EventCount(articles)));
  EXPECT_EQ(QueryInt(db,
                     "SELECT count(*) FROM event_mentions WHERE rasd_version <> '0.1.0-test'"
                     " OR data_version <> 'data-test' OR canonical IS NULL"),
            0);
  ExpectSentencesInsideTheirText(db, 60);
  EXPECT_EQ(QueryInt(db, "PRAGMA user_version"), kSchemaVersion);
  auto mode = db->Prepare("PRAGMA journal_mode");
  Status st;
  ASSERT_TRUE(mode->Step(&st));
  EXPECT_EQ(mode->Text(0), "wal");
  // Deduplication merged some reports, and every canonical event has a mention.
  const auto canonical = QueryInt(db, "SELECT count(*) FROM canonical_events");
  EXPECT_LT(canonical, static_cast<std::int64_t>(EventCount(articles)));
  EXPECT_EQ(QueryInt(db,
                     "SELECT count(*) FROM canonical_events c WHERE NOT EXISTS"
                     " (SELECT 1 FROM event_mentions m WHERE m.canonical = c.id)"),
            0);
  // The evidence text is the gold trigger, cut from the original text.
  auto ev = db->Prepare(
      "SELECT evidence_text FROM event_mentions m JOIN documents d"
      " ON d.id = m.doc WHERE d.doc_id = 'snn-035' ORDER BY m.ordinal");
  ASSERT_TRUE(ev->Step(&st));
  EXPECT_NE(ev->String(0).find("سوق مزدحم"), std::string::npos);
}

TEST(EventStoreTest, ReingestingTheSameArticlesChangesNothing) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  auto store = OpenOrDie(dir.File("rasd.db"));
  const Batch b = ToBatch(articles);
  ASSERT_TRUE(store->PutBatch(b.docs, b.results, kVersions).ok());
  Database* db = store->db();
  const auto mentions = QueryInt(db, "SELECT count(*) FROM event_mentions");
  const auto canonical = QueryInt(db, "SELECT count(*) FROM canonical_events");
  const auto max_id = QueryInt(db, "SELECT max(id) FROM event_mentions");
  auto again = store->PutBatch(b.docs, b.results, kVersions);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 60u);
  EXPECT_EQ(again->inserted + again->replaced, 0u);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 60);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM event_mentions"), mentions);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM canonical_events"), canonical);
  EXPECT_EQ(QueryInt(db, "SELECT max(id) FROM event_mentions"), max_id);
  auto stored = store->IsStored("snn-001", EventStore::ContentHash(b.docs[0]));
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(*stored);
}

TEST(EventStoreTest, ChangedArticleTextReplacesItsOldMentions) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  auto store = OpenOrDie(dir.File("rasd.db"));
  const Batch b = ToBatch(articles);
  ASSERT_TRUE(store->PutBatch(b.docs, b.results, kVersions).ok());
  Database* db = store->db();
  const auto before = QueryInt(db, "SELECT count(*) FROM event_mentions");
  const GoldArticle& ariha = Article(articles, "snn-046");
  const auto old_mentions = static_cast<std::int64_t>(ariha.result.events.size());
  ASSERT_GT(old_mentions, 1);

  // A corrected edition: the same doc_id, one sentence less, one event left.
  Document edited = ariha.doc;
  DocumentResult edited_result = ariha.result;
  edited.text = edited.text.substr(0, edited_result.events[0].evidence.end.value);
  edited_result.events.resize(1);
  auto summary = store->PutBatch({edited}, {edited_result}, kVersions);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->replaced, 1u);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 60);
  EXPECT_EQ(QueryInt(db,
                     "SELECT count(*) FROM event_mentions m JOIN documents d ON d.id = m.doc"
                     " WHERE d.doc_id = 'snn-046'"),
            1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM event_mentions"), before - old_mentions + 1);
  EXPECT_EQ(QueryInt(db,
                     "SELECT count(*) FROM canonical_events c WHERE NOT EXISTS"
                     " (SELECT 1 FROM event_mentions m WHERE m.canonical = c.id)"),
            0);
  EXPECT_EQ(QueryInt(db, "SELECT sum(n_mentions) FROM canonical_events"),
            before - old_mentions + 1);
  EXPECT_EQ(IntegrityCheck(db), "ok");
}

// Two real reports of the Ariha jet crash, written as rasd 0.0 (schema v1) wrote them.
void WriteVersion1File(const std::string& path, const std::vector<GoldArticle>& articles) {
  auto db = Database::Open(path, true);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(db->Exec(kSchemaV1).ok());
  auto doc = db->Prepare(
      "INSERT INTO documents(doc_id, title, text, pub_date, source, content_hash, rasd_version,"
      " ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, '0.0.9', '2026-01-01T00:00:00Z')");
  auto mention = db->Prepare(
      "INSERT INTO event_mentions(doc, ordinal, event_type, sub_event_type, actor1, actor2,"
      " location_name, place_id, lat, lon, geo_precision, date, time_precision, fatalities,"
      " status, confidence, evidence_start, evidence_end, trigger_start, trigger_end,"
      " evidence_text) VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, 1, ?11,"
      " 'current', 1.0, ?12, ?13, ?12, ?13, ?14)");
  for (const char* id : {"snn-035", "snn-046"}) {
    const GoldArticle& a = Article(articles, id);
    const Event& e = a.result.events[0];
    doc->Bind(1, a.doc.doc_id);
    doc->Bind(2, a.doc.title);
    doc->Bind(3, a.doc.text);
    doc->Bind(4, a.doc.pub_date);
    doc->Bind(5, a.doc.source);
    doc->Bind(6, EventStore::ContentHash(a.doc));
    ASSERT_TRUE(doc->Run().ok());
    mention->Bind(1, db->LastInsertId());
    mention->Bind(2, e.event_type);
    mention->Bind(3, e.sub_event_type);
    mention->Bind(4, e.actor1);
    mention->Bind(5, e.actor2);
    mention->Bind(6, e.location->name);
    mention->Bind(7, e.location->place_id);
    mention->Bind(8, *e.location->lat);
    mention->Bind(9, *e.location->lon);
    mention->Bind(10, e.date);
    mention->Bind(11, e.fatalities);
    mention->Bind(12, e.evidence.begin.value);
    mention->Bind(13, e.evidence.end.value);
    mention->Bind(14, a.doc.text.substr(e.evidence.begin.value, e.evidence.size()));
    ASSERT_TRUE(mention->Run().ok());
  }
}

TEST(EventStoreTest, MigratesAVersion1File) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  const std::string path = dir.File("v1.db");
  WriteVersion1File(path, articles);
  auto store = OpenOrDie(path);
  EXPECT_EQ(store->migrated_from(), 1);
  Database* db = store->db();
  EXPECT_EQ(QueryInt(db, "PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM event_mentions WHERE canonical IS NULL"), 0);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM event_mentions WHERE rasd_version = '0.0.9'"), 2);
  // The two reports of one crash become one canonical event: 27 and 31 dead.
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM canonical_events"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT fatalities FROM canonical_events"), 27);
  EXPECT_EQ(QueryInt(db, "SELECT fatalities_max FROM canonical_events"), 31);
  EXPECT_EQ(QueryInt(db, "SELECT n_articles FROM canonical_events"), 2);
  // The full-text index was built for the old rows.
  auto hits = SearchArticles(db, "أريحا", {});
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 2u);
  // New writes work on the migrated file.
  const Batch b = ToBatch({Article(articles, "snn-049")});
  EXPECT_TRUE(store->PutBatch(b.docs, b.results, kVersions).ok());
  EXPECT_EQ(IntegrityCheck(db), "ok");
}

// A version 2 file (FTS insert triggers, v2 indexes) holding the two Ariha
// reports migrated to version 3: old rows stay searchable, the insert
// triggers and unused indexes are gone, and new batches are indexed too.
TEST(EventStoreTest, MigratesAVersion2File) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  const std::string path = dir.File("v2.db");
  WriteVersion1File(path, articles);
  {
    auto db = Database::Open(path, false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(RegisterRasdTokenizer(db->get()).ok());
    ASSERT_TRUE(db->Exec(kMigrateV1ToV2).ok());
    ASSERT_EQ(QueryInt(&db.value(), "PRAGMA user_version"), 2);
  }
  auto store = OpenOrDie(path);
  EXPECT_EQ(store->migrated_from(), 2);
  Database* db = store->db();
  EXPECT_EQ(QueryInt(db, "PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%fts_insert'"), 0);
  EXPECT_EQ(QueryInt(db,
                     "SELECT count(*) FROM sqlite_master WHERE name IN ('canonical_place',"
                     " 'canonical_pcode', 'canonical_fatalities')"),
            0);
  auto old_hits = SearchArticles(db, "أريحا", {});
  ASSERT_TRUE(old_hits.ok()) << old_hits.status().ToString();
  EXPECT_EQ(old_hits->size(), 2u);
  const GoldArticle& added = Article(articles, "snn-049");
  const Batch b = ToBatch({added});
  ASSERT_TRUE(store->PutBatch(b.docs, b.results, kVersions).ok());
  const std::string word = added.doc.text.substr(added.result.events[0].trigger.begin.value,
                                                 added.result.events[0].trigger.size());
  EventFilter filter;
  filter.text = word;
  auto events = QueryEvents(db, filter);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  EXPECT_FALSE(events->empty()) << word;
  EXPECT_TRUE(db->Exec("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')").ok());
  EXPECT_TRUE(db->Exec("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')").ok());
  EXPECT_EQ(IntegrityCheck(db), "ok");
}

// A version 3 file holding the two Ariha reports, with sentence rows and a
// stray evidence term, migrated to version 4: the sentences move into their
// document, evidence_fts is recreated (without column sizes) and rebuilt from
// the mentions alone, and replacing an article still removes its old
// evidence terms through the delete trigger.
TEST(EventStoreTest, MigratesAVersion3File) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  const std::string path = dir.File("v3.db");
  WriteVersion1File(path, articles);
  const char kStray[] = "zzstrayterm";
  {
    auto db = Database::Open(path, false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(RegisterRasdTokenizer(db->get()).ok());
    ASSERT_TRUE(db->Exec(kMigrateV1ToV2).ok());
    ASSERT_TRUE(db->Exec(kMigrateV2ToV3).ok());
    ASSERT_EQ(QueryInt(&db.value(), "PRAGMA user_version"), 3);
    ASSERT_TRUE(db->Exec("INSERT INTO sentences(doc, ordinal, start, end) VALUES"
                         " (1, 1, 120, 260), (1, 0, 0, 119)")
                    .ok());
    ASSERT_TRUE(
        db->Exec(std::string("INSERT INTO evidence_fts(rowid, evidence_text) VALUES (1, '") +
                 kStray + "')")
            .ok());
  }
  auto store = OpenOrDie(path);
  EXPECT_EQ(store->migrated_from(), 3);
  Database* db = store->db();
  EXPECT_EQ(QueryInt(db, "PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sentences'"), 0);
  auto sentences = db->Prepare("SELECT sentences FROM documents ORDER BY id");
  ASSERT_TRUE(sentences.ok());
  Status st;
  ASSERT_TRUE(sentences->Step(&st));
  EXPECT_EQ(sentences->Text(0), "0-119,120-260");  // in ordinal order
  ASSERT_TRUE(sentences->Step(&st));
  EXPECT_EQ(sentences->Text(0), "");  // v1 wrote no sentences for it
  sentences->Reset();
  ASSERT_TRUE(
      db->Exec("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, evidence_fts, row)").ok());
  EXPECT_EQ(
      QueryInt(db, std::string("SELECT count(*) FROM temp.terms WHERE term = '") + kStray + "'"),
      0);
  EXPECT_GT(QueryInt(db, "SELECT count(*) FROM temp.terms"), 10);
  // --near reads the box from canonical_day's entries.
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM pragma_index_info('canonical_day')"), 3);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE name = 'evidence_fts_docsize'"),
            0);
  auto old_hits = SearchArticles(db, "أريحا", {});
  ASSERT_TRUE(old_hits.ok()) << old_hits.status().ToString();
  EXPECT_EQ(old_hits->size(), 2u);
  // A changed text replaces the article: its old evidence terms must go too.
  GoldArticle changed = Article(articles, "snn-035");
  changed.doc.text += " ";
  const Batch b = ToBatch({changed});
  auto summary = store->PutBatch(b.docs, b.results, kVersions);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->replaced, 1u);
  EXPECT_TRUE(db->Exec("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')").ok());
  EXPECT_TRUE(db->Exec("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')").ok());
  EXPECT_EQ(IntegrityCheck(db), "ok");
}

// A version 4 file holding the two Ariha reports, migrated to version 5: both
// full-text indexes merge 8 segments a level instead of FTS5's 4, old rows stay
// searchable and new batches (a segment each) are indexed and merged soundly.
TEST(EventStoreTest, MigratesAVersion4File) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  const std::string path = dir.File("v4.db");
  WriteVersion1File(path, articles);
  {
    auto db = Database::Open(path, false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(RegisterRasdTokenizer(db->get()).ok());
    for (const char* migration : {kMigrateV1ToV2, kMigrateV2ToV3, kMigrateV3ToV4}) {
      ASSERT_TRUE(db->Exec(migration).ok());
    }
    ASSERT_EQ(QueryInt(&db.value(), "PRAGMA user_version"), 4);
    ASSERT_EQ(QueryInt(&db.value(), "SELECT count(*) FROM doc_fts_config WHERE k = 'automerge'"),
              0);
  }
  auto store = OpenOrDie(path);
  EXPECT_EQ(store->migrated_from(), 4);
  Database* db = store->db();
  EXPECT_EQ(QueryInt(db, "PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(QueryInt(db, "SELECT v FROM doc_fts_config WHERE k = 'automerge'"), 8);
  EXPECT_EQ(QueryInt(db, "SELECT v FROM evidence_fts_config WHERE k = 'automerge'"), 8);
  auto old_hits = SearchArticles(db, "أريحا", {});
  ASSERT_TRUE(old_hits.ok()) << old_hits.status().ToString();
  EXPECT_EQ(old_hits->size(), 2u);
  // Twelve batches of one article: more segments than one level holds.
  std::size_t stored = 0;
  const GoldArticle* last = nullptr;
  for (const GoldArticle& a : articles) {
    if (stored == 12 || a.result.events.empty()) continue;
    const Batch b = ToBatch({a});
    auto summary = store->PutBatch(b.docs, b.results, kVersions);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    stored += summary->inserted;
    if (summary->inserted == 1) last = &a;
  }
  ASSERT_EQ(stored, 12u);
  EventFilter filter;
  filter.text = last->doc.text.substr(last->result.events[0].trigger.begin.value,
                                      last->result.events[0].trigger.size());
  auto events = QueryEvents(db, filter);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  EXPECT_FALSE(events->empty()) << filter.text;
  EXPECT_TRUE(db->Exec("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')").ok());
  EXPECT_TRUE(db->Exec("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')").ok());
  EXPECT_EQ(IntegrityCheck(db), "ok");
}

TEST(EventStoreTest, RefusesAFileFromANewerRasd) {
  TempDir dir;
  const std::string path = dir.File("future.db");
  {
    auto db = Database::Open(path, true);
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 99").ok());
  }
  auto store = EventStore::Open(path, {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);
}

// Stores the first `n` articles and closes the store.
void StoreFirst(const std::string& path, const std::vector<GoldArticle>& articles, std::size_t n) {
  auto store = OpenOrDie(path);
  const Batch b = ToBatch({articles.begin(), articles.begin() + static_cast<long>(n)});
  ASSERT_TRUE(store->PutBatch(b.docs, b.results, kVersions).ok());
}

TEST(EventStoreTest, ReadOnlyDatabaseGivesAClearErrorAndStaysIntact) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  const std::string path = dir.File("rasd.db");
  StoreFirst(path, articles, 10);
  auto store = EventStore::Open("file:" + path + "?mode=ro", {});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  // Reading works.
  auto events = QueryEvents((*store)->db(), {});
  ASSERT_TRUE(events.ok());
  EXPECT_FALSE(events->empty());
  // Writing fails with a message that says why.
  const Batch b = ToBatch({articles[20]});
  auto put = (*store)->PutBatch(b.docs, b.results, kVersions);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), StatusCode::kIoError);
  EXPECT_NE(put.status().message().find("read-only"), std::string::npos) << put.status().message();
  EXPECT_EQ(QueryInt((*store)->db(), "SELECT count(*) FROM documents"), 10);
  EXPECT_EQ(IntegrityCheck((*store)->db()), "ok");
}

TEST(EventStoreTest, FullDiskRollsTheBatchBackAndSaysSo) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  const std::string path = dir.File("rasd.db");
  StoreFirst(path, articles, 10);
  auto store = OpenOrDie(path);
  Database* db = store->db();
  const auto docs = QueryInt(db, "SELECT count(*) FROM documents");
  const auto mentions = QueryInt(db, "SELECT count(*) FROM event_mentions");
  const auto pages = QueryInt(db, "PRAGMA page_count");
  // The disk "fills up" two pages from now (SQLite's own limit, as a full disk reports).
  ASSERT_TRUE(db->Exec("PRAGMA max_page_count = " + std::to_string(pages + 2)).ok());
  const Batch rest = ToBatch({articles.begin() + 10, articles.end()});
  auto put = store->PutBatch(rest.docs, rest.results, kVersions);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(put.status().message().find("full"), std::string::npos) << put.status().message();
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), docs);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM event_mentions"), mentions);
  EXPECT_EQ(IntegrityCheck(db), "ok");
  // With room again, the same batch goes in whole.
  ASSERT_TRUE(db->Exec("PRAGMA max_page_count = 1073741823").ok());
  auto retry = store->PutBatch(rest.docs, rest.results, kVersions);
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 60);
}

TEST(EventStoreTest, SameInputOrderGivesTheSameClusters) {
  TempDir dir;
  const auto articles = testing::LoadGoldArticles();
  const Batch b = ToBatch(articles);
  std::vector<std::string> clusterings;
  for (const char* name : {"a.db", "b.db"}) {
    auto store = OpenOrDie(dir.File(name));
    // In batches of 7, so batch edges differ from one big batch.
    for (std::size_t i = 0; i < b.docs.size(); i += 7) {
      const std::size_t end = std::min(b.docs.size(), i + 7);
      ASSERT_TRUE(store
                      ->PutBatch({b.docs.begin() + static_cast<long>(i),
                                  b.docs.begin() + static_cast<long>(end)},
                                 {b.results.begin() + static_cast<long>(i),
                                  b.results.begin() + static_cast<long>(end)},
                                 kVersions)
                      .ok());
    }
    auto rows = store->db()->Prepare(
        "SELECT group_concat(d.doc_id || ':' || m.ordinal || '>' || m.canonical, ' ') FROM"
        " (SELECT * FROM event_mentions ORDER BY id) m JOIN documents d ON d.id = m.doc");
    Status st;
    ASSERT_TRUE(rows->Step(&st));
    clusterings.push_back(rows->String(0));
  }
  EXPECT_EQ(clusterings[0], clusterings[1]);
}

}  // namespace
}  // namespace rasd::store
