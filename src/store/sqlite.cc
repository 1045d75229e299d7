// The SQLite RAII layer and the mapping of SQLite errors to rasd Status codes.
#include "store/sqlite.h"

#include <string>

namespace rasd::store {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  const int primary = rc & 0xFF;
  switch (primary) {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      message += "the database cannot be written (read-only file, directory or mode=ro): ";
      message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      return IoError(std::move(message));
    case SQLITE_FULL:
      message += "the disk (or the database's page limit) is full; nothing of this batch was kept";
      return ResourceExhausted(std::move(message));
    case SQLITE_IOERR:
      message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      return IoError(std::move(message));
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      message += "not a rasd database or a damaged one: ";
      message += sqlite3_errstr(rc);
      return BadInput(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      message += "the database is locked by another process";
      return FailedPrecondition(std::move(message));
    default:
      message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      return Internal(std::move(message));
  }
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

bool Statement::Step(Status* status) {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = SqliteStatus(db_, rc, "sqlite step");
  return false;
}

Status Statement::Run() {
  Status status;
  while (Step(&status)) {
  }
  Reset();
  return status;
}

std::string_view Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (p == nullptr) return {};
  return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

Database::~Database() { sqlite3_close_v2(db_); }

Result<Database> Database::Open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  if (create) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = SqliteStatus(db, rc, "cannot open " + path);
    sqlite3_close_v2(db);
    if ((rc & 0xFF) == SQLITE_CANTOPEN && !create) return NotFound("no database at " + path);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  return Database(db);
}

Status Database::Exec(std::string_view sql) {
  const std::string copy(sql);
  const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "sqlite exec");
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "sqlite prepare");
  return Statement(db_, stmt);
}

Result<std::int64_t> Database::QueryInt(std::string_view sql) {
  Result<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Status status;
  if (!stmt->Step(&status)) {
    if (!status.ok()) return status;
    return Internal("query returned no row: " + std::string(sql));
  }
  return stmt->Int(0);
}

Transaction::~Transaction() {
  if (open_) db_->Exec("ROLLBACK");  // the error that brought us here is already reported
}

Status Transaction::Begin() {
  RASD_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  open_ = true;
  return Status::Ok();
}

Status Transaction::Commit() {
  RASD_RETURN_IF_ERROR(db_->Exec("COMMIT"));
  open_ = false;
  return Status::Ok();
}

}  // namespace rasd::store
