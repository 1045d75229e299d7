// The schema versions of the event store and the migrations between them.
// Each migration is plain SQL run in one transaction with the version bump, so
// an interrupted upgrade leaves the file at the old version, never half-way.
#include "store/schema.h"

#include <string>

namespace rasd::store {

const char kSchemaV1[] = R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  pub_date TEXT,
  source TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  rasd_version TEXT NOT NULL,
  sentence_count INTEGER NOT NULL DEFAULT 0,
  token_count INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL
);
CREATE TABLE sentences(
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY(doc, ordinal)
) WITHOUT ROWID;
CREATE TABLE actor_mentions(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL,
  text TEXT NOT NULL,
  is_source INTEGER NOT NULL DEFAULT 0,
  confidence REAL NOT NULL,
  spans TEXT NOT NULL
);
CREATE INDEX actor_mentions_doc ON actor_mentions(doc);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
CREATE TABLE place_mentions(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  place_id TEXT,
  lat REAL,
  lon REAL,
  admin1 TEXT,
  pcode TEXT,
  confidence REAL NOT NULL,
  dateline_only INTEGER NOT NULL DEFAULT 0,
  spans TEXT NOT NULL
);
CREATE INDEX place_mentions_doc ON place_mentions(doc);
CREATE TABLE event_mentions(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  actor1 TEXT,
  actor2 TEXT,
  assoc_actor_1 TEXT NOT NULL DEFAULT '',
  assoc_actor_2 TEXT NOT NULL DEFAULT '',
  inter1 INTEGER NOT NULL DEFAULT 0,
  inter2 INTEGER NOT NULL DEFAULT 0,
  location_name TEXT,
  place_id TEXT,
  lat REAL,
  lon REAL,
  geo_precision INTEGER,
  admin1 TEXT,
  admin2 TEXT,
  admin3 TEXT,
  pcode TEXT,
  country TEXT,
  date TEXT,
  time_precision INTEGER NOT NULL DEFAULT 0,
  fatalities INTEGER,
  fatalities_text TEXT,
  status TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL
);
CREATE INDEX event_mentions_doc ON event_mentions(doc);
CREATE TABLE claims(
  id INTEGER PRIMARY KEY,
  mention INTEGER NOT NULL REFERENCES event_mentions(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  stance TEXT NOT NULL,
  cue TEXT NOT NULL DEFAULT '',
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX claims_mention ON claims(mention);
PRAGMA user_version = 1;
)sql";

// Version 1 -> 2: versions on every event, canonical events (deduplication),
// full-text indexes with the rasd tokenizer, and the indexes the query filters use.
const char kMigrateV1ToV2[] = R"sql(
ALTER TABLE documents ADD COLUMN data_version TEXT NOT NULL DEFAULT '';
ALTER TABLE event_mentions ADD COLUMN rasd_version TEXT NOT NULL DEFAULT '';
ALTER TABLE event_mentions ADD COLUMN data_version TEXT NOT NULL DEFAULT '';
ALTER TABLE event_mentions ADD COLUMN day INTEGER;
ALTER TABLE event_mentions ADD COLUMN canonical INTEGER REFERENCES canonical_events(id);
ALTER TABLE event_mentions ADD COLUMN lineage1 TEXT;
ALTER TABLE event_mentions ADD COLUMN lineage2 TEXT;
ALTER TABLE event_mentions ADD COLUMN stems TEXT NOT NULL DEFAULT '';
UPDATE event_mentions SET rasd_version =
  (SELECT rasd_version FROM documents WHERE documents.id = event_mentions.doc);
CREATE INDEX event_mentions_canonical ON event_mentions(canonical, doc);
CREATE TABLE canonical_events(
  id INTEGER PRIMARY KEY,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  day INTEGER,
  date TEXT,
  time_precision INTEGER NOT NULL DEFAULT 0,
  location_name TEXT,
  place_id TEXT,
  lat REAL,
  lon REAL,
  geo_precision INTEGER,
  admin1 TEXT,
  admin2 TEXT,
  admin3 TEXT,
  pcode TEXT,
  country TEXT,
  actor1 TEXT,
  actor2 TEXT,
  lineage1 TEXT,
  lineage2 TEXT,
  inter1 INTEGER NOT NULL DEFAULT 0,
  inter2 INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  fatalities INTEGER,
  fatalities_max INTEGER,
  n_mentions INTEGER NOT NULL DEFAULT 0,
  n_articles INTEGER NOT NULL DEFAULT 0,
  n_sources INTEGER NOT NULL DEFAULT 0,
  first_report TEXT,
  first_mention INTEGER,
  stems TEXT NOT NULL DEFAULT ''
);
CREATE INDEX canonical_type_day ON canonical_events(event_type, day);
CREATE INDEX canonical_day ON canonical_events(day);
CREATE INDEX canonical_admin1 ON canonical_events(admin1, day);
CREATE INDEX canonical_place ON canonical_events(place_id);
CREATE INDEX canonical_pcode ON canonical_events(pcode);
CREATE INDEX canonical_lat ON canonical_events(lat, lon);
CREATE INDEX canonical_actor1 ON canonical_events(actor1, day);
CREATE INDEX canonical_actor2 ON canonical_events(actor2, day);
CREATE INDEX canonical_lineage1 ON canonical_events(lineage1, day);
CREATE INDEX canonical_lineage2 ON canonical_events(lineage2, day);
CREATE INDEX canonical_fatalities ON canonical_events(fatalities);
CREATE INDEX canonical_sub_type ON canonical_events(sub_event_type, day);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX claims_source ON claims(source);
CREATE VIRTUAL TABLE doc_fts USING fts5(title, text, content='documents', content_rowid='id',
  tokenize='rasd');
CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence_text, content='event_mentions',
  content_rowid='id', tokenize='rasd');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO doc_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO doc_fts(doc_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO doc_fts(doc_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO doc_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER event_mentions_fts_insert AFTER INSERT ON event_mentions BEGIN
  INSERT INTO evidence_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;
CREATE TRIGGER event_mentions_fts_delete AFTER DELETE ON event_mentions BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, evidence_text)
    VALUES ('delete', old.id, old.evidence_text);
END;
INSERT INTO doc_fts(doc_fts) VALUES ('rebuild');
INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild');
PRAGMA user_version = 2;
)sql";

// Version 2 -> 3, for ingest speed and the two slowest queries (docs/storage.md
// shows the query plans):
// - No FTS insert triggers: FTS5 flushes its pending terms to a new segment at
//   the end of every statement that writes it, so a trigger per row meant a
//   segment (and merges) per article and per event mention. The store indexes
//   a whole batch's new rows in one INSERT ... SELECT instead. The delete
//   triggers stay (replacements are rare).
// - Dedup candidates and the actor filter read (event_type, day) with the
//   actor columns in the index, and the sub-type filter reads (sub_event_type,
//   day) with admin1 and fatalities: the filters are decided in the index and
//   only matching rows are read from the table.
// - The indexes on place_id, pcode and fatalities are never used (the place
//   filter ORs unindexed columns; fatalities alone is not selective) but cost
//   a write per canonical event.
const char kMigrateV2ToV3[] = R"sql(
DROP TRIGGER documents_fts_insert;
DROP TRIGGER event_mentions_fts_insert;
DROP INDEX canonical_type_day;
CREATE INDEX canonical_type_day
  ON canonical_events(event_type, day, actor1, actor2, lineage1, lineage2);
DROP INDEX canonical_sub_type;
CREATE INDEX canonical_sub_type ON canonical_events(sub_event_type, day, admin1, fatalities);
DROP INDEX canonical_place;
DROP INDEX canonical_pcode;
DROP INDEX canonical_fatalities;
PRAGMA user_version = 3;
)sql";

// Version 3 -> 4, for ingest speed:
// - The rasd tokenizer indexes each word once, as its bare stem, no longer its
//   surface form beside it (queries carry the alternative instead; see
//   fts_tokenizer.cc): half the terms FTS5 hashes and writes per article.
//   Both indexes are rebuilt, so that deleting a row removes exactly what
//   indexing it wrote.
// - evidence_fts gets columnsize=0: it is only matched (never ranked with
//   bm25, which needs the sizes), so a size row per event mention was waste.
//   It is recreated and rebuilt; the delete trigger on event_mentions names
//   the table and works again once it exists.
// - canonical_day becomes (day, lat, lon): --near over a date range read
//   every event of the range from the table (18,200 rows for a quarter of the
//   1M-event bench store, 346 in the box); with the coordinates in the index
//   the box is decided on index entries. Same number of index writes.
// - Sentences become one column of their document, "b-e,b-e" byte spans as
//   the mention spans are, instead of a row (and a B-tree entry) each: they
//   are only ever read whole, with their document.
const char kMigrateV3ToV4[] = R"sql(
ALTER TABLE documents ADD COLUMN sentences TEXT NOT NULL DEFAULT '';
UPDATE documents SET sentences = coalesce(
  (SELECT group_concat(start || '-' || end, ',')
   FROM (SELECT start, end FROM sentences s WHERE s.doc = documents.id ORDER BY ordinal)), '');
DROP TABLE sentences;
DROP INDEX canonical_day;
CREATE INDEX canonical_day ON canonical_events(day, lat, lon);
DROP TABLE evidence_fts;
CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence_text, content='event_mentions',
  content_rowid='id', tokenize='rasd', columnsize=0);
INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild');
INSERT INTO doc_fts(doc_fts) VALUES ('rebuild');
PRAGMA user_version = 4;
)sql";

namespace {

// Version 4 -> 5, for ingest speed: FTS5 merges the segments of a level once
// 8 of them exist rather than 4 (its default 'automerge'). Every batch writes
// one segment per index, and each merge rewrites its segments' terms, so a term
// is rewritten log8 rather than log4 times over the life of a store (a third
// less merge work); a query reads at most 8 segments a level. The setting lives
// in each index's %_config table, so it is a schema change.
const char kMigrateV4ToV5[] = R"sql(
INSERT INTO doc_fts(doc_fts, rank) VALUES ('automerge', 8);
INSERT INTO evidence_fts(evidence_fts, rank) VALUES ('automerge', 8);
PRAGMA user_version = 5;
)sql";

// Migration i turns version i into version i + 1.
const char* const kMigrations[] = {kSchemaV1, kMigrateV1ToV2, kMigrateV2ToV3, kMigrateV3ToV4,
                                   kMigrateV4ToV5};

}  // namespace

Status CreateOrMigrate(Database* db, int* migrated_from) {
  Result<std::int64_t> version = db->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  *migrated_from = static_cast<int>(*version);
  if (*version == kSchemaVersion) return Status::Ok();
  if (*version > kSchemaVersion) {
    return FailedPrecondition("the database has schema version " + std::to_string(*version) +
                              ", newer than this rasd understands (" +
                              std::to_string(kSchemaVersion) + "); upgrade rasd");
  }
  Transaction txn(db);
  RASD_RETURN_IF_ERROR(txn.Begin());
  for (auto v = *version; v < kSchemaVersion; ++v) {
    RASD_RETURN_IF_ERROR(db->Exec(kMigrations[v]));
  }
  return txn.Commit();
}

}  // namespace rasd::store
