// Internal header. The event store: one SQLite file (WAL mode) holding the
// documents rasd read, their sentences, actor and place mentions, event
// mentions with evidence and claims, and the canonical events that
// deduplication builds from the mentions of many articles.
//
// Writes come in batches (one transaction each), so a killed ingest loses at
// most the batch in flight and never leaves half a document behind. A
// document is keyed by doc_id and its content hash: storing it again with the
// same hash changes nothing; with a new hash its old mentions are replaced.
#ifndef RASD_STORE_EVENT_STORE_H_
#define RASD_STORE_EVENT_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rasd/document.h"
#include "rasd/engine.h"
#include "rasd/status.h"

#include "store/dedup.h"
#include "store/fts_tokenizer.h"
#include "store/sqlite.h"

namespace rasd::store {

struct StoreOptions {
  bool create = true;  // create the file when missing
  // actor id -> lineage id, for the actor rule of deduplication (a renamed
  // group is still one actor); ids not listed are their own lineage.
  std::map<std::string, std::string> lineages;
  DedupOptions dedup;
};

// The versions every stored event records.
struct Versions {
  std::string rasd_version;
  std::string data_version;
};

enum class PutOutcome { kInserted, kUnchanged, kReplaced };

struct BatchSummary {
  std::size_t inserted = 0;
  std::size_t unchanged = 0;
  std::size_t replaced = 0;
  std::size_t events = 0;  // event mentions written
};

struct StoreCounts {
  std::int64_t documents = 0;
  std::int64_t event_mentions = 0;
  std::int64_t canonical_events = 0;
  std::int64_t claims = 0;
};

class EventStore {
 public:
  // Opens or creates the store at `path` (a file name or a file: URI such as
  // "file:rasd.db?mode=ro"), migrating an older schema. A read-only store can
  // be queried; writing to it fails with a clear IoError.
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path,
                                                  const StoreOptions& options);

  // "fnv1a64:<16 hex>:<bytes>" over title and text: what decides whether an
  // article changed.
  static std::string ContentHash(const Document& doc);

  // True when doc_id is stored with exactly this content hash (resume skips it).
  Result<bool> IsStored(const std::string& doc_id, const std::string& content_hash);

  // Stores documents[i] with results[i], all in one transaction.
  Result<BatchSummary> PutBatch(const std::vector<Document>& documents,
                                const std::vector<DocumentResult>& results,
                                const Versions& versions);

  Result<StoreCounts> Counts();
  int migrated_from() const { return migrated_from_; }
  // True when the file was opened read-only (mode=ro, or no write permission).
  bool read_only() { return sqlite3_db_readonly(db_.get(), "main") == 1; }
  Database* db() { return &db_; }

  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  struct Statements;

 private:
  EventStore(Database db, StoreOptions options);
  Status Prepare();
  Result<PutOutcome> Put(const Document& doc, const DocumentResult& result,
                         const Versions& versions, std::set<std::int64_t>* touched);
  Status RemoveDocument(std::int64_t doc_row, std::set<std::int64_t>* touched);
  Result<std::int64_t> InsertDocument(const Document& doc, const DocumentResult& result,
                                      const std::string& hash, const Versions& versions);
  // One normalisation of the article: its sentences (stmts_->sentence_spans)
  // and its full-text terms (fts_cache_).
  void AnalyzeArticle(const Document& doc);
  Status InsertActorsAndPlaces(std::int64_t doc_row, const DocumentResult& result);
  Status InsertEvent(std::int64_t doc_row, int ordinal, const Document& doc, const Event& event,
                     const Versions& versions, std::set<std::int64_t>* touched);
  // The canonical event the mention joins (its stems and day updated), or
  // nullopt when it starts a new one. `document_canonicals` lists the
  // canonical events the document's other mentions belong to, when known
  // (a document being stored); nullptr asks the database.
  Result<std::optional<std::int64_t>> AssignCanonical(
      std::int64_t doc_row, const MentionFeatures& features,
      const std::vector<std::int64_t>* document_canonicals);
  // True when the document already has a mention of the canonical event.
  Result<bool> DocumentReports(std::int64_t doc_row, std::int64_t canonical,
                               const std::vector<std::int64_t>* document_canonicals);
  // Writes the joined stems of `canonical` if the row is behind the cache.
  Status FlushStems(std::int64_t canonical);
  // Match features of a canonical event, from the cache or the database.
  Result<MentionFeatures*> CandidateFeatures(std::int64_t id);
  // Reads the batch's deduplication candidates (canonical events of its event
  // types within the day window of its reports) into candidate_cache_ and
  // batch_candidates_: one query per run of nearby days instead of one per report.
  Status PrefetchCandidates(const std::vector<Document>& documents,
                            const std::vector<DocumentResult>& results);
  // Appends to candidate_ids_ the prefetched candidates of a mention.
  void CollectCandidates(const MentionFeatures& features);
  // Keeps batch_candidates_ in step with the rows: a day moved by a join, a
  // canonical event recomputed after a removal, or deleted.
  void SetCandidateDay(const std::string& event_type, std::int64_t id, std::int64_t day);
  Status RefreshCandidate(std::int64_t id);
  void ForgetCandidate(std::int64_t id);
  Result<std::int64_t> InsertCanonical(const Document& doc, const Event& event,
                                       const MentionFeatures& features, const std::string& lineage1,
                                       const std::string& lineage2);
  Status RecomputeCanonical(std::int64_t canonical);
  // Counts, fatalities, sources and pending joined stems of the canonical
  // events joined in the batch, in one statement.
  Status RecomputeAggregates(const std::set<std::int64_t>& canonicals);
  // Full-text indexes the documents and mentions written since the last call.
  Status IndexPendingText();
  Status RecomputeStems(std::int64_t canonical);
  Status ClusterPending();  // mentions without a canonical event (after a migration)
  std::string LineageOf(const std::string& actor) const;

  // Terms of the open batch's article and evidence texts, analysed once for
  // sentences and stems and replayed to FTS5 (declared before db_: the
  // connection's tokenizers point at it until the connection closes).
  FtsTermCache fts_cache_;
  Database db_;
  StoreOptions options_;
  std::unique_ptr<Statements> stmts_;
  int migrated_from_ = 0;
  // Rows of the open batch not yet in doc_fts / evidence_fts.
  std::vector<std::int64_t> fts_documents_;
  std::vector<std::int64_t> fts_mentions_;
  std::string ids_json_;
  // Match features of the canonical events seen in the open transaction.
  std::unordered_map<std::int64_t, MentionFeatures> candidate_cache_;
  std::vector<std::int64_t> candidate_ids_;
  // The open batch's candidates by event type, with their current day (see
  // PrefetchCandidates); used instead of a query per report while prefetched.
  struct CandidateEntry {
    std::int64_t id = 0;
    std::int64_t day = 0;
  };
  std::unordered_map<std::string, std::vector<CandidateEntry>> batch_candidates_;
  bool candidates_prefetched_ = false;
  // Canonical events whose stems in candidate_cache_ are newer than the row.
  std::unordered_set<std::int64_t> stems_pending_;
  // Canonical events of the mentions of the document being stored.
  std::vector<std::int64_t> document_canonicals_;
};

}  // namespace rasd::store

#endif  // RASD_STORE_EVENT_STORE_H_
