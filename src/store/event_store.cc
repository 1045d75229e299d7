// The event store's write path: documents, mentions and incremental
// deduplication, one transaction per batch. Every SQL statement is prepared
// once per store (Statements), because ingest runs them millions of times.
#include "store/event_store.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <utility>

#include "common/json_writer.h"
#include "store/fts_tokenizer.h"
#include "store/schema.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace rasd::store {

struct EventStore::Statements {
  Statement find_document;
  Statement insert_document;
  Statement delete_document;
  Statement mentions_of_document;
  Statement insert_actor;
  Statement insert_place;
  Statement insert_mention;
  Statement insert_claim;
  Statement candidates;
  Statement candidates_in_range;
  Statement candidate;
  Statement has_document_mention;
  Statement insert_canonical;
  Statement insert_canonical_of_mention;
  Statement set_first_mention;
  Statement recompute_canonical;
  Statement recompute_aggregates;
  Statement canonical_stems;
  Statement update_stems;
  Statement update_day;
  Statement index_documents;
  Statement index_evidence;
  Statement mention_count;
  Statement delete_canonical;
  // Scratch reused across documents: one analysis per article serves its
  // sentence split and its full-text terms, one per evidence its stems and terms.
  FtsAnalysis article;
  FtsAnalysis evidence;
  text::NormalizedText whole;  // an article with invalid UTF-8, for sentences
  std::vector<text::Token> whole_tokens;
  std::vector<text::Sentence> sentences;
  std::string sentence_spans;  // "b-e,b-e", as documents.sentences holds them
};

namespace {

constexpr char kFindDocument[] = "SELECT id, content_hash FROM documents WHERE doc_id = ?1";
constexpr char kInsertDocument[] =
    "INSERT INTO documents(doc_id, title, text, pub_date, source, url, origin, content_hash,"
    " rasd_version, data_version, sentence_count, token_count, ingested_at, sentences)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
constexpr char kDeleteDocument[] = "DELETE FROM documents WHERE id = ?1";
constexpr char kMentionsOfDocument[] =
    "SELECT DISTINCT canonical FROM event_mentions WHERE doc = ?1 AND canonical IS NOT NULL";
constexpr char kInsertActor[] =
    "INSERT INTO actor_mentions(doc, actor_id, text, is_source, confidence, spans)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kInsertPlace[] =
    "INSERT INTO place_mentions(doc, name, place_id, lat, lon, admin1, pcode, confidence,"
    " dateline_only, spans) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr char kInsertMention[] =
    "INSERT INTO event_mentions(doc, ordinal, event_type, sub_event_type, actor1, actor2,"
    " assoc_actor_1, assoc_actor_2, inter1, inter2, location_name, place_id, lat, lon,"
    " geo_precision, admin1, admin2, admin3, pcode, country, date, time_precision, fatalities,"
    " fatalities_text, status, confidence, evidence_start, evidence_end, trigger_start,"
    " trigger_end, evidence_text, rasd_version, data_version, day, canonical, lineage1,"
    " lineage2, stems) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,"
    " ?32, ?33, ?34, ?35, ?36, ?37, ?38)";
constexpr char kInsertClaim[] =
    "INSERT INTO claims(mention, source, stance, cue, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
// Deduplication candidates: ids only, read from the (event_type, day) index.
constexpr char kCandidates[] =
    "SELECT id FROM canonical_events WHERE event_type = ?1 AND day BETWEEN ?2 AND ?3";
constexpr char kCandidate[] =
    "SELECT event_type, sub_event_type, day, place_id, lat, lon, geo_precision, admin1, lineage1,"
    " lineage2, stems, location_name FROM canonical_events WHERE id = ?1";
// A batch's candidates with their features, one range of days at a time: the
// same columns as kCandidate, then the id.
constexpr char kCandidatesInRange[] =
    "SELECT event_type, sub_event_type, day, place_id, lat, lon, geo_precision, admin1, lineage1,"
    " lineage2, stems, location_name, id FROM canonical_events"
    " WHERE event_type = ?1 AND day BETWEEN ?2 AND ?3";
constexpr char kHasDocumentMention[] =
    "SELECT 1 FROM event_mentions WHERE canonical = ?1 AND doc = ?2 LIMIT 1";
// A canonical event made by migration clustering; RecomputeCanonical fills it.
constexpr char kInsertCanonical[] =
    "INSERT INTO canonical_events(event_type, sub_event_type, day, status, stems)"
    " VALUES (?1, ?2, ?3, 'current', ?4)";
// A new canonical event is written whole, from its one mention, in one insert:
// each later UPDATE of an indexed column rewrites up to ten index entries.
constexpr char kInsertCanonicalOfMention[] =
    "INSERT INTO canonical_events(event_type, sub_event_type, day, date, time_precision,"
    " location_name, place_id, lat, lon, geo_precision, admin1, admin2, admin3, pcode, country,"
    " actor1, actor2, lineage1, lineage2, inter1, inter2, status, fatalities, fatalities_max,"
    " n_mentions, n_articles, n_sources, first_report, stems) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
    " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23,"
    " 1, 1, 1, ?24, ?25)";
// first_mention is in no index: setting it after the mention row exists is cheap.
constexpr char kSetFirstMention[] = "UPDATE canonical_events SET first_mention = ?2 WHERE id = ?1";
// Representative fields come from the first mention (lowest id), so the
// result does not depend on which mention was compared last; counts,
// fatalities and dates are aggregates over all mentions.
constexpr char kRecomputeCanonical[] = R"sql(
UPDATE canonical_events SET
  (sub_event_type, time_precision, location_name, place_id, lat, lon, geo_precision, admin1,
   admin2, admin3, pcode, country, actor1, actor2, lineage1, lineage2, inter1, inter2,
   first_mention) =
  (SELECT sub_event_type, time_precision, location_name, place_id, lat, lon, geo_precision,
          admin1, admin2, admin3, pcode, country, actor1, actor2, lineage1, lineage2, inter1,
          inter2, id
   FROM event_mentions WHERE canonical = ?1 ORDER BY id LIMIT 1),
  (day, date, n_mentions, n_articles, fatalities, fatalities_max, status) =
  (SELECT min(day), date(min(day) + 2440587.5), count(*), count(DISTINCT doc),
          coalesce(min(fatalities) FILTER (WHERE fatalities > 0), min(fatalities)),
          max(fatalities),
          CASE WHEN sum(status = 'current') > 0 THEN 'current' ELSE min(status) END
   FROM event_mentions WHERE canonical = ?1),
  (n_sources, first_report) =
  (SELECT count(DISTINCT CASE WHEN d.source <> '' THEN d.source ELSE d.doc_id END),
          min(d.pub_date)
   FROM event_mentions m JOIN documents d ON d.id = m.doc WHERE m.canonical = ?1)
WHERE id = ?1
)sql";
// After joins: counts, fatalities and sources over all mentions. Neither the
// representative fields (the first mention stays first) nor the day (kept at
// each join) change, so no index on them is rewritten. One statement for the
// whole batch: ?1 is a JSON array of [canonical id, joined stems or null].
constexpr char kRecomputeAggregates[] = R"sql(
UPDATE canonical_events SET
  (n_mentions, n_articles, fatalities, fatalities_max, status, n_sources, first_report) =
  (a.n_mentions, a.n_articles, a.fatalities, a.fatalities_max, a.status, a.n_sources,
   a.first_report),
  date = date(canonical_events.day + 2440587.5),
  stems = coalesce(a.stems, canonical_events.stems)
FROM (
  SELECT m.canonical AS id, count(*) AS n_mentions, count(DISTINCT m.doc) AS n_articles,
         coalesce(min(m.fatalities) FILTER (WHERE m.fatalities > 0), min(m.fatalities))
           AS fatalities,
         max(m.fatalities) AS fatalities_max,
         CASE WHEN sum(m.status = 'current') > 0 THEN 'current' ELSE min(m.status) END AS status,
         count(DISTINCT CASE WHEN d.source <> '' THEN d.source ELSE d.doc_id END) AS n_sources,
         min(d.pub_date) AS first_report, t.stems AS stems
  FROM (SELECT value ->> 0 AS id, value ->> 1 AS stems FROM json_each(?1)) AS t
  JOIN event_mentions m ON m.canonical = t.id
  JOIN documents d ON d.id = m.doc
  GROUP BY m.canonical) AS a
WHERE canonical_events.id = a.id
)sql";
constexpr char kCanonicalStems[] = "SELECT stems FROM event_mentions WHERE canonical = ?1";
constexpr char kUpdateStems[] = "UPDATE canonical_events SET stems = ?2 WHERE id = ?1";
constexpr char kUpdateDay[] = "UPDATE canonical_events SET day = ?2 WHERE id = ?1";
// Full-text indexing of a batch's new rows, one statement each (see schema.cc,
// version 3: FTS5 writes a segment per statement). ?1 is a JSON array of rowids.
constexpr char kIndexDocuments[] =
    "INSERT INTO doc_fts(rowid, title, text) SELECT id, title, text FROM documents"
    " WHERE id IN (SELECT value FROM json_each(?1))";
constexpr char kIndexEvidence[] =
    "INSERT INTO evidence_fts(rowid, evidence_text) SELECT id, evidence_text FROM event_mentions"
    " WHERE id IN (SELECT value FROM json_each(?1))";
constexpr char kMentionCount[] = "SELECT count(*) FROM event_mentions WHERE canonical = ?1";
constexpr char kDeleteCanonical[] = "DELETE FROM canonical_events WHERE id = ?1";

std::string NowIso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += '|';
    out += id;
  }
  return out;
}

std::string SpansText(const std::vector<ByteSpan>& spans) {
  std::string out;
  for (const ByteSpan& s : spans) {
    if (!out.empty()) out += ',';
    out += std::to_string(s.begin.value) + '-' + std::to_string(s.end.value);
  }
  return out;
}

// The text of `span` in `text`, empty when the span does not fit.
std::string_view SpanText(const std::string& text, ByteSpan span) {
  if (span.begin.value > span.end.value || span.end.value > text.size()) return {};
  return std::string_view(text).substr(span.begin.value, span.size());
}

Status Prepared(Database* db, const char* sql, Statement* out) {
  Result<Statement> stmt = db->Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  *out = std::move(stmt.value());
  return Status::Ok();
}

}  // namespace

EventStore::EventStore(Database db, StoreOptions options)
    : db_(std::move(db)), options_(std::move(options)), stmts_(std::make_unique<Statements>()) {}

EventStore::~EventStore() = default;

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path,
                                                     const StoreOptions& options) {
  Result<Database> db = Database::Open(path, options.create);
  if (!db.ok()) return db.status();
  std::unique_ptr<EventStore> store(new EventStore(std::move(db.value()), options));
  Database* d = &store->db_;
  const bool read_only = sqlite3_db_readonly(d->get(), "main") == 1;
  RASD_RETURN_IF_ERROR(RegisterRasdTokenizer(d->get(), &store->fts_cache_));
  RASD_RETURN_IF_ERROR(d->Exec("PRAGMA foreign_keys = ON"));
  RASD_RETURN_IF_ERROR(d->Exec("PRAGMA cache_size = -65536"));  // 64 MiB
  // Queries touch rows scattered over the file (an index on day points all
  // over a store ingested in any order); mapped pages cost no read() call each.
  RASD_RETURN_IF_ERROR(d->Exec("PRAGMA mmap_size = 8589934592"));  // 8 GiB of address space
  if (!read_only) {
    // WAL: readers never block the ingest, and a killed writer loses only its
    // open transaction. NORMAL sync is durable across process crashes (kill -9);
    // only a power cut can lose the last commits, never consistency.
    RASD_RETURN_IF_ERROR(d->Exec("PRAGMA journal_mode = WAL"));
    RASD_RETURN_IF_ERROR(d->Exec("PRAGMA synchronous = NORMAL"));
    // A batch of 512 articles writes several MB: checkpoint (and fsync) every
    // ~64 MB of WAL rather than at every commit, and keep hot pages in memory.
    RASD_RETURN_IF_ERROR(d->Exec("PRAGMA wal_autocheckpoint = 16384"));
  }
  Result<std::int64_t> version = d->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (read_only && *version != kSchemaVersion) {
    return FailedPrecondition(path + " is read-only and has schema version " +
                              std::to_string(*version) + "; open it writable once to migrate");
  }
  RASD_RETURN_IF_ERROR(CreateOrMigrate(d, &store->migrated_from_));

  RASD_RETURN_IF_ERROR(store->Prepare());
  if (store->migrated_from_ > 0 && store->migrated_from_ < kSchemaVersion) {
    RASD_RETURN_IF_ERROR(store->ClusterPending());
  }
  return store;
}

Status EventStore::Prepare() {
  Statements& s = *stmts_;
  const std::pair<const char*, Statement*> all[] = {
      {kFindDocument, &s.find_document},
      {kInsertDocument, &s.insert_document},
      {kDeleteDocument, &s.delete_document},
      {kMentionsOfDocument, &s.mentions_of_document},
      {kInsertActor, &s.insert_actor},
      {kInsertPlace, &s.insert_place},
      {kInsertMention, &s.insert_mention},
      {kInsertClaim, &s.insert_claim},
      {kCandidates, &s.candidates},
      {kCandidatesInRange, &s.candidates_in_range},
      {kCandidate, &s.candidate},
      {kHasDocumentMention, &s.has_document_mention},
      {kInsertCanonical, &s.insert_canonical},
      {kInsertCanonicalOfMention, &s.insert_canonical_of_mention},
      {kSetFirstMention, &s.set_first_mention},
      {kRecomputeCanonical, &s.recompute_canonical},
      {kRecomputeAggregates, &s.recompute_aggregates},
      {kCanonicalStems, &s.canonical_stems},
      {kUpdateStems, &s.update_stems},
      {kUpdateDay, &s.update_day},
      {kIndexDocuments, &s.index_documents},
      {kIndexEvidence, &s.index_evidence},
      {kMentionCount, &s.mention_count},
      {kDeleteCanonical, &s.delete_canonical},
  };
  for (const auto& [sql, stmt] : all) RASD_RETURN_IF_ERROR(Prepared(&db_, sql, stmt));
  return Status::Ok();
}

std::string EventStore::ContentHash(const Document& doc) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a 64
  auto mix = [&h](std::string_view s) {
    for (const unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
  };
  mix(doc.title);
  mix(std::string_view("\0", 1));
  mix(doc.text);
  char buf[64];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016llx:%zu", static_cast<unsigned long long>(h),
                doc.title.size() + doc.text.size());
  return buf;
}

Result<bool> EventStore::IsStored(const std::string& doc_id, const std::string& content_hash) {
  Statement& find = stmts_->find_document;
  find.Bind(1, doc_id);
  Status status;
  const bool found = find.Step(&status) && find.Text(1) == content_hash;
  find.Reset();
  if (!status.ok()) return status;
  return found;
}

Result<BatchSummary> EventStore::PutBatch(const std::vector<Document>& documents,
                                          const std::vector<DocumentResult>& results,
                                          const Versions& versions) {
  if (documents.size() != results.size()) {
    return InvalidArgument("PutBatch: documents and results differ in number");
  }
  BatchSummary summary;
  Transaction txn(&db_);
  RASD_RETURN_IF_ERROR(txn.Begin());
  // The cache holds copies of this batch's texts: emptied when it ends, however it ends.
  fts_cache_.Clear();
  struct ClearCache {
    FtsTermCache* cache;
    ~ClearCache() { cache->Clear(); }
  } clear_cache{&fts_cache_};
  std::set<std::int64_t> touched;
  fts_documents_.clear();
  fts_mentions_.clear();
  // Another writer may have changed the file between batches, and a failed
  // batch was rolled back: cached features are valid within one transaction.
  candidate_cache_.clear();
  stems_pending_.clear();
  batch_candidates_.clear();
  struct EndPrefetch {
    bool* prefetched;
    ~EndPrefetch() { *prefetched = false; }
  } end_prefetch{&candidates_prefetched_};
  RASD_RETURN_IF_ERROR(PrefetchCandidates(documents, results));
  for (std::size_t i = 0; i < documents.size(); ++i) {
    Result<PutOutcome> outcome = Put(documents[i], results[i], versions, &touched);
    if (!outcome.ok()) return outcome.status();
    switch (*outcome) {
      case PutOutcome::kInserted:
        ++summary.inserted;
        break;
      case PutOutcome::kUnchanged:
        ++summary.unchanged;
        break;
      case PutOutcome::kReplaced:
        ++summary.replaced;
        break;
    }
    if (*outcome != PutOutcome::kUnchanged) summary.events += results[i].events.size();
  }
  RASD_RETURN_IF_ERROR(RecomputeAggregates(touched));
  while (!stems_pending_.empty()) RASD_RETURN_IF_ERROR(FlushStems(*stems_pending_.begin()));
  RASD_RETURN_IF_ERROR(IndexPendingText());
  RASD_RETURN_IF_ERROR(txn.Commit());
  return summary;
}

Result<PutOutcome> EventStore::Put(const Document& doc, const DocumentResult& result,
                                   const Versions& versions, std::set<std::int64_t>* touched) {
  const std::string hash = ContentHash(doc);
  Statement& find = stmts_->find_document;
  find.Bind(1, doc.doc_id);
  Status status;
  std::optional<std::int64_t> old_row;
  if (find.Step(&status)) {
    if (find.Text(1) == hash) {
      find.Reset();
      return PutOutcome::kUnchanged;
    }
    old_row = find.Int(0);
  }
  find.Reset();
  if (!status.ok()) return status;
  if (old_row) RASD_RETURN_IF_ERROR(RemoveDocument(*old_row, touched));

  AnalyzeArticle(doc);
  Result<std::int64_t> row = InsertDocument(doc, result, hash, versions);
  if (!row.ok()) return row.status();
  RASD_RETURN_IF_ERROR(InsertActorsAndPlaces(*row, result));
  document_canonicals_.clear();  // the new row has no mentions yet
  for (std::size_t i = 0; i < result.events.size(); ++i) {
    RASD_RETURN_IF_ERROR(
        InsertEvent(*row, static_cast<int>(i), doc, result.events[i], versions, touched));
  }
  return old_row ? PutOutcome::kReplaced : PutOutcome::kInserted;
}

Status EventStore::RemoveDocument(std::int64_t doc_row, std::set<std::int64_t>* touched) {
  // The FTS delete triggers remove the row's terms: they must be indexed first.
  if (std::find(fts_documents_.begin(), fts_documents_.end(), doc_row) != fts_documents_.end()) {
    RASD_RETURN_IF_ERROR(IndexPendingText());
  }
  Statement& mentions = stmts_->mentions_of_document;
  mentions.Bind(1, doc_row);
  std::vector<std::int64_t> canonicals;
  Status status;
  while (mentions.Step(&status)) canonicals.push_back(mentions.Int(0));
  mentions.Reset();
  RASD_RETURN_IF_ERROR(status);
  Statement& del = stmts_->delete_document;
  del.Bind(1, doc_row);
  RASD_RETURN_IF_ERROR(del.Run());  // mentions, claims, sentences go by ON DELETE CASCADE
  for (const std::int64_t c : canonicals) {
    touched->insert(c);
    RASD_RETURN_IF_ERROR(RecomputeCanonical(c));
    RASD_RETURN_IF_ERROR(RecomputeStems(c));
    // Its day and stems may have changed (the earliest report went), or it went.
    if (candidates_prefetched_) RASD_RETURN_IF_ERROR(RefreshCandidate(c));
  }
  return Status::Ok();
}

Result<std::int64_t> EventStore::InsertDocument(const Document& doc, const DocumentResult& result,
                                                const std::string& hash, const Versions& versions) {
  Statement& s = stmts_->insert_document;
  s.Bind(1, doc.doc_id);
  s.Bind(2, doc.title);
  s.Bind(3, doc.text);
  s.BindTextOrNull(4, doc.pub_date);
  s.Bind(5, doc.source);
  s.Bind(6, doc.url);
  s.Bind(7, doc.origin);
  s.Bind(8, hash);
  s.Bind(9, versions.rasd_version);
  s.Bind(10, versions.data_version);
  s.Bind(11, static_cast<std::int64_t>(result.sentence_count));
  s.Bind(12, static_cast<std::int64_t>(result.token_count));
  s.Bind(13, NowIso());
  s.Bind(14, stmts_->sentence_spans);
  RASD_RETURN_IF_ERROR(s.Run());
  fts_documents_.push_back(db_.LastInsertId());
  return fts_documents_.back();
}

namespace {

// "[1,2,3]": rowids for json_each.
void JsonIds(const std::vector<std::int64_t>& ids, std::string* out) {
  out->assign("[");
  for (const std::int64_t id : ids) {
    if (out->size() > 1) out->push_back(',');
    out->append(std::to_string(id));
  }
  out->push_back(']');
}

}  // namespace

Status EventStore::IndexPendingText() {
  Statements& s = *stmts_;
  const std::pair<std::vector<std::int64_t>*, Statement*> pending[] = {
      {&fts_documents_, &s.index_documents}, {&fts_mentions_, &s.index_evidence}};
  for (const auto& [ids, stmt] : pending) {
    if (ids->empty()) continue;
    JsonIds(*ids, &ids_json_);
    stmt->Bind(1, ids_json_);
    RASD_RETURN_IF_ERROR(stmt->Run());
    ids->clear();
  }
  return Status::Ok();
}

void EventStore::AnalyzeArticle(const Document& doc) {
  Statements& s = *stmts_;
  const std::size_t analysed = AnalyzeForFts(doc.text, &s.article);
  fts_cache_.Add(doc.text, s.article);
  if (analysed == doc.text.size()) {
    text::SplitSentences(s.article.norm, s.article.tokens, &s.sentences);
  } else {  // the tokenizer stops at invalid UTF-8; sentences cover the whole text
    text::Normalize(doc.text, &s.whole);
    text::Tokenize(s.whole, &s.whole_tokens);
    text::SplitSentences(s.whole, s.whole_tokens, &s.sentences);
  }
  s.sentence_spans.clear();
  char buf[32];
  for (const text::Sentence& sentence : s.sentences) {
    const int n = std::snprintf(buf, sizeof buf, "%s%u-%u", s.sentence_spans.empty() ? "" : ",",
                                sentence.original.begin.value, sentence.original.end.value);
    s.sentence_spans.append(buf, static_cast<std::size_t>(n));
  }
}

Status EventStore::InsertActorsAndPlaces(std::int64_t doc_row, const DocumentResult& result) {
  Statement& actor = stmts_->insert_actor;
  auto put_actor = [&](const ActorMention& a) {
    actor.Bind(1, doc_row);
    actor.Bind(2, a.id);
    actor.Bind(3, a.text);
    actor.Bind(4, a.is_source ? 1 : 0);
    actor.Bind(5, a.confidence);
    actor.Bind(6, SpansText(a.spans));
    return actor.Run();
  };
  for (const ActorMention& a : result.actors) RASD_RETURN_IF_ERROR(put_actor(a));
  for (const ActorMention& a : result.sources) {
    ActorMention source = a;
    source.is_source = true;
    RASD_RETURN_IF_ERROR(put_actor(source));
  }
  Statement& place = stmts_->insert_place;
  for (const PlaceMention& p : result.places) {
    place.Bind(1, doc_row);
    place.Bind(2, p.name);
    place.BindTextOrNull(3, p.place_id);
    place.Bind(4, p.lat);
    place.Bind(5, p.lon);
    place.BindTextOrNull(6, p.admin1);
    place.BindTextOrNull(7, p.pcode);
    place.Bind(8, p.confidence);
    place.Bind(9, p.dateline_only ? 1 : 0);
    place.Bind(10, SpansText(p.spans));
    RASD_RETURN_IF_ERROR(place.Run());
  }
  return Status::Ok();
}

std::string EventStore::LineageOf(const std::string& actor) const {
  const auto it = options_.lineages.find(actor);
  return it == options_.lineages.end() ? actor : it->second;
}

Status EventStore::InsertEvent(std::int64_t doc_row, int ordinal, const Document& doc,
                               const Event& e, const Versions& versions,
                               std::set<std::int64_t>* touched) {
  MentionFeatures f;
  f.event_type = e.event_type;
  f.sub_event_type = e.sub_event_type;
  f.day = DayNumber(e.date);
  if (!f.day) f.day = DayNumber(doc.pub_date);
  if (e.location) {
    f.place_id = e.location->place_id;
    f.place_name = text::NormalizeForMatch(e.location->name);
    f.lat = e.location->lat;
    f.lon = e.location->lon;
    f.geo_precision = e.location->geo_precision;
    f.admin1 = e.location->admin1;
  }
  const std::string lineage1 = e.actor1.empty() ? "" : LineageOf(e.actor1);
  const std::string lineage2 = e.actor2.empty() ? "" : LineageOf(e.actor2);
  for (const std::string* l : {&lineage1, &lineage2}) {
    if (!l->empty()) f.lineages.push_back(*l);
  }
  std::sort(f.lineages.begin(), f.lineages.end());
  f.lineages.erase(std::unique(f.lineages.begin(), f.lineages.end()), f.lineages.end());
  const std::string_view evidence = SpanText(doc.text, e.evidence);
  AnalyzeForFts(evidence, &stmts_->evidence);
  f.stems = EvidenceStems(stmts_->evidence);
  fts_cache_.Add(evidence, stmts_->evidence);

  Result<std::optional<std::int64_t>> match = AssignCanonical(doc_row, f, &document_canonicals_);
  if (!match.ok()) return match.status();
  std::optional<std::int64_t> canonical = *match;
  const bool created = !canonical;
  if (created) {
    Result<std::int64_t> id = InsertCanonical(doc, e, f, lineage1, lineage2);
    if (!id.ok()) return id.status();
    canonical = *id;
    candidate_cache_.emplace(*id, f);
    if (candidates_prefetched_ && f.day) batch_candidates_[f.event_type].push_back({*id, *f.day});
  }
  document_canonicals_.push_back(*canonical);

  Statement& s = stmts_->insert_mention;
  const Location empty_location;
  const Location& loc = e.location ? *e.location : empty_location;
  s.Bind(1, doc_row);
  s.Bind(2, ordinal);
  s.Bind(3, e.event_type);
  s.Bind(4, e.sub_event_type);
  s.BindTextOrNull(5, e.actor1);
  s.BindTextOrNull(6, e.actor2);
  s.Bind(7, JoinIds(e.assoc_actor_1));
  s.Bind(8, JoinIds(e.assoc_actor_2));
  s.Bind(9, e.inter1);
  s.Bind(10, e.inter2);
  if (e.location) {
    s.Bind(11, loc.name);
    s.BindTextOrNull(12, loc.place_id);
    s.Bind(13, loc.lat);
    s.Bind(14, loc.lon);
    s.Bind(15, loc.geo_precision);
    s.BindTextOrNull(16, loc.admin1);
    s.BindTextOrNull(17, loc.admin2);
    s.BindTextOrNull(18, loc.admin3);
    s.BindTextOrNull(19, loc.pcode);
    s.BindTextOrNull(20, loc.country);
  }  // else columns 11..20 stay NULL (Reset clears bindings)
  s.BindTextOrNull(21, e.date);
  s.Bind(22, e.time_precision);
  s.Bind(23, e.fatalities);
  s.BindTextOrNull(24, e.fatalities_text);
  s.Bind(25, EventStatusName(e.status));
  s.Bind(26, e.confidence);
  s.Bind(27, e.evidence.begin.value);
  s.Bind(28, e.evidence.end.value);
  s.Bind(29, e.trigger.begin.value);
  s.Bind(30, e.trigger.end.value);
  s.Bind(31, evidence);
  s.Bind(32, versions.rasd_version);
  s.Bind(33, versions.data_version);
  s.Bind(34, f.day);
  s.Bind(35, *canonical);
  s.BindTextOrNull(36, lineage1);
  s.BindTextOrNull(37, lineage2);
  s.Bind(38, JoinWords(f.stems));
  RASD_RETURN_IF_ERROR(s.Run());
  const std::int64_t mention = db_.LastInsertId();
  fts_mentions_.push_back(mention);

  Statement& claim = stmts_->insert_claim;
  for (const Claim& c : e.claims) {
    claim.Bind(1, mention);
    claim.Bind(2, c.source);
    claim.Bind(3, ClaimStanceName(c.stance));
    claim.Bind(4, c.cue);
    claim.Bind(5, c.span.begin.value);
    claim.Bind(6, c.span.end.value);
    RASD_RETURN_IF_ERROR(claim.Run());
  }
  // Aggregates of joined events wait for the batch end; a new one is complete.
  if (!created) {
    touched->insert(*canonical);
    return Status::Ok();
  }
  Statement& first = stmts_->set_first_mention;
  first.Bind(1, *canonical);
  first.Bind(2, mention);
  return first.Run();
}

Result<std::int64_t> EventStore::InsertCanonical(const Document& doc, const Event& e,
                                                 const MentionFeatures& f,
                                                 const std::string& lineage1,
                                                 const std::string& lineage2) {
  Statement& s = stmts_->insert_canonical_of_mention;
  s.Bind(1, e.event_type);
  s.Bind(2, e.sub_event_type);
  s.Bind(3, f.day);
  if (f.day) s.Bind(4, IsoDate(*f.day));
  s.Bind(5, e.time_precision);
  if (e.location) {
    const Location& loc = *e.location;
    s.Bind(6, loc.name);
    s.BindTextOrNull(7, loc.place_id);
    s.Bind(8, loc.lat);
    s.Bind(9, loc.lon);
    s.Bind(10, loc.geo_precision);
    s.BindTextOrNull(11, loc.admin1);
    s.BindTextOrNull(12, loc.admin2);
    s.BindTextOrNull(13, loc.admin3);
    s.BindTextOrNull(14, loc.pcode);
    s.BindTextOrNull(15, loc.country);
  }  // else columns 6..15 stay NULL, as in the mention row
  s.BindTextOrNull(16, e.actor1);
  s.BindTextOrNull(17, e.actor2);
  s.BindTextOrNull(18, lineage1);
  s.BindTextOrNull(19, lineage2);
  s.Bind(20, e.inter1);
  s.Bind(21, e.inter2);
  s.Bind(22, EventStatusName(e.status));
  s.Bind(23, e.fatalities);
  s.BindTextOrNull(24, doc.pub_date);
  s.Bind(25, JoinWords(f.stems));
  RASD_RETURN_IF_ERROR(s.Run());
  return db_.LastInsertId();
}

namespace {

// Match features from the columns of kCandidate (and kCandidatesInRange).
MentionFeatures ReadFeatures(const Statement& row) {
  MentionFeatures c;
  c.event_type = row.String(0);
  c.sub_event_type = row.String(1);
  c.day = row.OptInt(2);
  c.place_id = row.String(3);
  c.lat = row.OptDouble(4);
  c.lon = row.OptDouble(5);
  c.geo_precision = static_cast<int>(row.Int(6));
  c.admin1 = row.String(7);
  for (int col : {8, 9}) {
    if (!row.IsNull(col)) c.lineages.push_back(row.String(col));
  }
  std::sort(c.lineages.begin(), c.lineages.end());
  c.lineages.erase(std::unique(c.lineages.begin(), c.lineages.end()), c.lineages.end());
  c.stems = SplitWords(row.Text(10));
  if (c.place_id.empty()) c.place_name = text::NormalizeForMatch(row.Text(11));
  return c;
}

}  // namespace

Result<MentionFeatures*> EventStore::CandidateFeatures(std::int64_t id) {
  const auto cached = candidate_cache_.find(id);
  if (cached != candidate_cache_.end()) return &cached->second;
  Statement& row = stmts_->candidate;
  row.Bind(1, id);
  Status status;
  if (!row.Step(&status)) {
    row.Reset();
    if (!status.ok()) return status;
    return NotFound("canonical event " + std::to_string(id));
  }
  MentionFeatures c = ReadFeatures(row);
  row.Reset();
  return &candidate_cache_.emplace(id, std::move(c)).first->second;
}

Status EventStore::PrefetchCandidates(const std::vector<Document>& documents,
                                      const std::vector<DocumentResult>& results) {
  // The days each event type is reported on in this batch, as InsertEvent dates them.
  std::map<std::string_view, std::vector<std::int64_t>> days_by_type;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    for (const Event& e : results[i].events) {
      std::optional<std::int64_t> day = DayNumber(e.date);
      if (!day) day = DayNumber(documents[i].pub_date);
      if (day) days_by_type[e.event_type].push_back(*day);
    }
  }
  const std::int64_t window = options_.dedup.day_window;
  Statement& range = stmts_->candidates_in_range;
  for (auto& [type, days] : days_by_type) {
    std::sort(days.begin(), days.end());
    std::vector<CandidateEntry>& entries = batch_candidates_[std::string(type)];
    // Windows of nearby days overlap: one query per run of them.
    for (std::size_t i = 0; i < days.size();) {
      std::size_t j = i;
      while (j + 1 < days.size() && days[j + 1] - window <= days[j] + window + 1) ++j;
      range.Bind(1, type);
      range.Bind(2, days[i] - window);
      range.Bind(3, days[j] + window);
      Status status;
      while (range.Step(&status)) {
        const std::int64_t id = range.Int(12);
        MentionFeatures c = ReadFeatures(range);
        entries.push_back({id, *c.day});
        candidate_cache_.emplace(id, std::move(c));
      }
      range.Reset();
      RASD_RETURN_IF_ERROR(status);
      i = j + 1;
    }
  }
  candidates_prefetched_ = true;
  return Status::Ok();
}

void EventStore::ForgetCandidate(std::int64_t id) {
  for (auto& [type, entries] : batch_candidates_) {
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [id](const CandidateEntry& e) { return e.id == id; }),
                  entries.end());
  }
}

Status EventStore::RefreshCandidate(std::int64_t id) {
  ForgetCandidate(id);
  candidate_cache_.erase(id);
  Result<MentionFeatures*> features = CandidateFeatures(id);
  if (!features.ok())
    return features.status().code() == StatusCode::kNotFound ? Status::Ok() : features.status();
  const MentionFeatures& c = **features;
  if (c.day) batch_candidates_[c.event_type].push_back({id, *c.day});
  return Status::Ok();
}

void EventStore::SetCandidateDay(const std::string& event_type, std::int64_t id, std::int64_t day) {
  if (!candidates_prefetched_) return;
  for (CandidateEntry& e : batch_candidates_[event_type]) {
    if (e.id == id) e.day = day;
  }
}

void EventStore::CollectCandidates(const MentionFeatures& f) {
  const std::int64_t lo = *f.day - options_.dedup.day_window;
  const std::int64_t hi = *f.day + options_.dedup.day_window;
  const auto entries = batch_candidates_.find(f.event_type);
  if (entries == batch_candidates_.end()) return;
  for (const CandidateEntry& e : entries->second) {
    if (e.day >= lo && e.day <= hi) candidate_ids_.push_back(e.id);
  }
}

Result<bool> EventStore::DocumentReports(std::int64_t doc_row, std::int64_t canonical,
                                         const std::vector<std::int64_t>* document_canonicals) {
  if (document_canonicals != nullptr) {
    return std::find(document_canonicals->begin(), document_canonicals->end(), canonical) !=
           document_canonicals->end();
  }
  Statement& s = stmts_->has_document_mention;
  s.Bind(1, canonical);
  s.Bind(2, doc_row);
  Status status;
  const bool found = s.Step(&status);
  s.Reset();
  if (!status.ok()) return status;
  return found;
}

namespace {

// The largest Jaccard index of two sets of these sizes.
double MostJaccard(std::size_t a, std::size_t b) {
  const std::size_t larger = std::max(a, b);
  return larger == 0 ? 0.0 : static_cast<double>(std::min(a, b)) / static_cast<double>(larger);
}

}  // namespace

Result<std::optional<std::int64_t>> EventStore::AssignCanonical(
    std::int64_t doc_row, const MentionFeatures& f,
    const std::vector<std::int64_t>* document_canonicals) {
  Statements& s = *stmts_;
  if (!f.day) return std::optional<std::int64_t>();
  // Ids from the index alone; features from the cache (read once per batch).
  candidate_ids_.clear();
  if (candidates_prefetched_) {
    CollectCandidates(f);
  } else {
    s.candidates.Bind(1, f.event_type);
    s.candidates.Bind(2, *f.day - options_.dedup.day_window);
    s.candidates.Bind(3, *f.day + options_.dedup.day_window);
    Status status;
    while (s.candidates.Step(&status)) candidate_ids_.push_back(s.candidates.Int(0));
    s.candidates.Reset();
    RASD_RETURN_IF_ERROR(status);
  }
  std::sort(candidate_ids_.begin(), candidate_ids_.end());  // ties keep the older event

  std::optional<std::int64_t> best;
  double best_score = 0.0;
  MentionFeatures* best_features = nullptr;
  for (const std::int64_t id : candidate_ids_) {
    Result<MentionFeatures*> features = CandidateFeatures(id);
    if (!features.ok()) return features.status();
    MentionFeatures& c = **features;
    // Without stems first: most candidates fail a rule or cannot reach the
    // threshold even with identical wording.
    std::optional<double> score = MatchScoreWithoutText(f, c, options_.dedup);
    if (!score) continue;
    // The wording term is at most the smaller stem set's size over the larger's:
    // a candidate that cannot pass the threshold or beat the best so far with
    // it is left before the stems are compared.
    const double most_text = kTextWeight * MostJaccard(f.stems.size(), c.stems.size());
    if (*score + most_text < options_.dedup.merge_threshold) continue;
    if (best && *score + most_text <= best_score) continue;
    *score += kTextWeight * Jaccard(f.stems, c.stems);
    if (*score < options_.dedup.merge_threshold) continue;
    if (best && *score <= best_score) continue;
    // One article reports an event once; two mentions of it are two events.
    Result<bool> same_document = DocumentReports(doc_row, id, document_canonicals);
    if (!same_document.ok()) return same_document.status();
    if (*same_document) continue;
    best = id;
    best_score = *score;
    best_features = &c;
  }
  if (!best) return best;
  // What deduplication compares is kept current at every join (stems, earliest
  // day), so that clusters do not depend on where batches begin and end. The
  // day is in the candidates index, so it is written at once.
  // The stems reach the row once per batch (RecomputeAggregates, FlushStems):
  // until then the cache, which every later comparison reads, is the truth.
  best_features->stems = UnionOf(best_features->stems, f.stems);
  stems_pending_.insert(*best);
  if (best_features->day && *f.day < *best_features->day) {
    best_features->day = f.day;
    SetCandidateDay(f.event_type, *best, *f.day);
    s.update_day.Bind(1, *best);
    s.update_day.Bind(2, *f.day);
    RASD_RETURN_IF_ERROR(s.update_day.Run());
  }
  return best;
}

Status EventStore::FlushStems(std::int64_t canonical) {
  if (stems_pending_.erase(canonical) == 0) return Status::Ok();
  const auto cached = candidate_cache_.find(canonical);
  if (cached == candidate_cache_.end()) return Internal("stems of an uncached canonical event");
  Statement& s = stmts_->update_stems;
  s.Bind(1, canonical);
  s.Bind(2, JoinWords(cached->second.stems));
  return s.Run();
}

Status EventStore::RecomputeCanonical(std::int64_t canonical) {
  RASD_RETURN_IF_ERROR(FlushStems(canonical));
  candidate_cache_.erase(canonical);  // the representative mention may change
  Statements& s = *stmts_;
  s.mention_count.Bind(1, canonical);
  Status status;
  const std::int64_t count = s.mention_count.Step(&status) ? s.mention_count.Int(0) : 0;
  s.mention_count.Reset();
  RASD_RETURN_IF_ERROR(status);
  if (count == 0) {
    s.delete_canonical.Bind(1, canonical);
    return s.delete_canonical.Run();
  }
  s.recompute_canonical.Bind(1, canonical);
  RASD_RETURN_IF_ERROR(s.recompute_canonical.Run());
  return Status::Ok();
}

Status EventStore::RecomputeAggregates(const std::set<std::int64_t>& canonicals) {
  if (canonicals.empty()) return Status::Ok();
  std::string& json = ids_json_;
  json.assign("[");
  for (const std::int64_t canonical : canonicals) {
    if (json.size() > 1) json.push_back(',');
    json.push_back('[');
    json.append(std::to_string(canonical));
    json.push_back(',');
    const auto cached = candidate_cache_.find(canonical);
    if (stems_pending_.erase(canonical) > 0 && cached != candidate_cache_.end()) {
      AppendJsonString(JoinWords(cached->second.stems), &json);
    } else {
      json.append("null");  // the stems as they are
    }
    json.push_back(']');
  }
  json.push_back(']');
  Statement& s = stmts_->recompute_aggregates;
  s.Bind(1, json);
  return s.Run();
}

Status EventStore::RecomputeStems(std::int64_t canonical) {
  // After a removal the union must lose the removed report's words; a join
  // only adds words, so AssignCanonical keeps the union without this.
  Statements& s = *stmts_;
  std::vector<std::string> stems;
  s.canonical_stems.Bind(1, canonical);
  Status status;
  while (s.canonical_stems.Step(&status)) {
    stems = UnionOf(stems, SplitWords(s.canonical_stems.Text(0)));
  }
  s.canonical_stems.Reset();
  RASD_RETURN_IF_ERROR(status);
  if (stems.empty()) return Status::Ok();  // deleted with its last mention
  s.update_stems.Bind(1, canonical);
  s.update_stems.Bind(2, JoinWords(stems));
  return s.update_stems.Run();
}

Status EventStore::ClusterPending() {
  // Mentions written by schema v1 have no day, lineages, stems or canonical
  // event: derive them, then cluster in mention order, as an ingest would have.
  Result<Statement> pending = db_.Prepare(
      "SELECT m.id, m.doc, m.event_type, m.sub_event_type, coalesce(m.date, d.pub_date),"
      " m.place_id, m.lat, m.lon, m.geo_precision, m.admin1, m.actor1, m.actor2,"
      " m.evidence_text, m.location_name FROM event_mentions m JOIN documents d ON d.id = m.doc"
      " WHERE m.canonical IS NULL ORDER BY m.id");
  if (!pending.ok()) return pending.status();
  Result<Statement> update = db_.Prepare(
      "UPDATE event_mentions SET day = ?2, lineage1 = ?3, lineage2 = ?4, stems = ?5,"
      " canonical = ?6 WHERE id = ?1");
  if (!update.ok()) return update.status();
  // Read first: the loop below rewrites the very column the query filters on.
  struct Pending {
    std::int64_t id = 0;
    std::int64_t doc = 0;
    MentionFeatures features;
    std::string lineage1;
    std::string lineage2;
  };
  std::vector<Pending> rows;
  Status status;
  while (pending->Step(&status)) {
    Pending p;
    p.id = pending->Int(0);
    p.doc = pending->Int(1);
    MentionFeatures& f = p.features;
    f.event_type = pending->String(2);
    f.sub_event_type = pending->String(3);
    f.day = DayNumber(pending->Text(4));
    f.place_id = pending->String(5);
    f.lat = pending->OptDouble(6);
    f.lon = pending->OptDouble(7);
    f.geo_precision = static_cast<int>(pending->Int(8));
    f.admin1 = pending->String(9);
    p.lineage1 = pending->IsNull(10) ? "" : LineageOf(pending->String(10));
    p.lineage2 = pending->IsNull(11) ? "" : LineageOf(pending->String(11));
    for (const std::string* l : {&p.lineage1, &p.lineage2}) {
      if (!l->empty()) f.lineages.push_back(*l);
    }
    std::sort(f.lineages.begin(), f.lineages.end());
    f.lineages.erase(std::unique(f.lineages.begin(), f.lineages.end()), f.lineages.end());
    f.stems = EvidenceStems(pending->Text(12));
    f.place_name = text::NormalizeForMatch(pending->Text(13));
    rows.push_back(std::move(p));
  }
  RASD_RETURN_IF_ERROR(status);
  Transaction txn(&db_);
  RASD_RETURN_IF_ERROR(txn.Begin());
  candidate_cache_.clear();
  stems_pending_.clear();
  for (const Pending& p : rows) {
    // The document's other mentions are in the table: ask it (nullptr).
    Result<std::optional<std::int64_t>> match = AssignCanonical(p.doc, p.features, nullptr);
    if (!match.ok()) return match.status();
    std::optional<std::int64_t> canonical = *match;
    if (!canonical) {
      Statement& insert = stmts_->insert_canonical;
      insert.Bind(1, p.features.event_type);
      insert.Bind(2, p.features.sub_event_type);
      insert.Bind(3, p.features.day);
      insert.Bind(4, JoinWords(p.features.stems));
      RASD_RETURN_IF_ERROR(insert.Run());
      canonical = db_.LastInsertId();
    }
    update->Bind(1, p.id);
    update->Bind(2, p.features.day);
    update->BindTextOrNull(3, p.lineage1);
    update->BindTextOrNull(4, p.lineage2);
    update->Bind(5, JoinWords(p.features.stems));
    update->Bind(6, *canonical);
    RASD_RETURN_IF_ERROR(update->Run());
    RASD_RETURN_IF_ERROR(RecomputeCanonical(*canonical));
  }
  return txn.Commit();
}

Result<StoreCounts> EventStore::Counts() {
  StoreCounts counts;
  const std::pair<const char*, std::int64_t*> queries[] = {
      {"SELECT count(*) FROM documents", &counts.documents},
      {"SELECT count(*) FROM event_mentions", &counts.event_mentions},
      {"SELECT count(*) FROM canonical_events", &counts.canonical_events},
      {"SELECT count(*) FROM claims", &counts.claims},
  };
  for (const auto& [sql, out] : queries) {
    Result<std::int64_t> n = db_.QueryInt(sql);
    if (!n.ok()) return n.status();
    *out = *n;
  }
  return counts;
}

}  // namespace rasd::store
