#include "SqliteConnection.h"

#include <sqlite3.h>

#include <system_error>
#include <utility>

#include "DatabaseError.h"
#include "SqlText.h"
#include "SqliteErrors.h"

namespace mt::db {
namespace {

// Resets a statement (and drops its bindings) however execute() leaves, so a cached
// statement never keeps a read transaction open or points at a caller's strings.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* handle) : handle_(handle) {}
  ~StatementReset() {
    sqlite3_reset(handle_);
    sqlite3_clear_bindings(handle_);
  }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  sqlite3_stmt* handle_;
};

SqlValue readColumn(sqlite3_stmt* handle, int column) {
  switch (sqlite3_column_type(handle, column)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(handle, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(handle, column);
    case SQLITE_NULL:
      return std::monostate{};
    default: {  // TEXT and BLOB
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(handle, column));
      const int size = sqlite3_column_bytes(handle, column);
      return bytes ? std::string(bytes, static_cast<std::size_t>(size)) : std::string();
    }
  }
}

int bindValue(sqlite3_stmt* handle, int index, const SqlValue& value) {
  switch (value.index()) {
    case 0:
      return sqlite3_bind_null(handle, index);
    case 1:
      return sqlite3_bind_int64(handle, index, std::get<std::int64_t>(value));
    case 2:
      return sqlite3_bind_double(handle, index, std::get<double>(value));
    default: {
      // SQLITE_STATIC: the caller's parameters outlive the step; bindings are cleared
      // before execute() returns.
      const std::string& text = std::get<std::string>(value);
      return sqlite3_bind_text64(handle, index, text.data(), text.size(), SQLITE_STATIC,
                                 SQLITE_UTF8);
    }
  }
}

// Errors after which the file or the handle cannot be trusted: the pool opens anew.
bool breaksConnection(int code) {
  const int primary = code & 0xff;
  return primary == SQLITE_IOERR || primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB ||
         primary == SQLITE_CANTOPEN || primary == SQLITE_NOMEM;
}

}  // namespace

SqliteConnection::SqliteConnection(const std::filesystem::path& file,
                                   std::chrono::milliseconds busyTimeout,
                                   SharedStatementCounter counter)
    : counter_(std::move(counter)) {
  if (sqlite3_threadsafe() == 0) {
    throw DatabaseError("this SQLite library was built without thread support");
  }
  if (file.has_parent_path()) {
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);
    if (error) {
      throw DatabaseError("cannot create the folder " + file.parent_path().string() + ": " +
                          error.message());
    }
  }
  // NOMUTEX: one thread uses a connection at a time, so SQLite's per-connection mutex
  // is pure cost (the library itself stays thread-safe).
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int opened = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
  if (opened != SQLITE_OK) {
    const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(opened);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw DatabaseError("cannot open the SQLite database " + file.string() + ": " + reason);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, static_cast<int>(busyTimeout.count()));
  // Connection set-up is not counted as statements: the counter measures the work
  // requests do.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
    const int code = sqlite3_exec(db_, pragma, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
      const std::string reason = sqlite3_errmsg(db_);
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw DatabaseError("cannot configure the SQLite database " + file.string() + ": " + reason);
    }
  }
}

SqliteConnection::~SqliteConnection() {
  if (inTransaction_) rollback();
  for (auto& [name, statement] : statements_)
    sqlite3_finalize(statement.handle);
  sqlite3_finalize(begin_);
  sqlite3_finalize(commit_);
  sqlite3_finalize(rollback_);
  sqlite3_close_v2(db_);
}

void SqliteConnection::fail(int code, std::string_view statementName) {
  if (breaksConnection(code)) broken_ = true;
  throwSqliteError(code, sqlite3_errmsg(db_), statementName);
}

sqlite3_stmt* SqliteConnection::prepareRaw(std::string_view sql, std::string_view name) {
  sqlite3_stmt* handle = nullptr;
  const int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &handle, nullptr);
  if (code != SQLITE_OK) {
    sqlite3_finalize(handle);
    fail(code, name);
  }
  if (handle == nullptr) throw DatabaseError("statement '" + std::string(name) + "' is empty");
  return handle;
}

SqliteConnection::Prepared& SqliteConnection::prepared(const Statement& statement) {
  if (auto found = statements_.find(statement.name); found != statements_.end()) {
    if (found->second.sql != statement.sql) {
      throw DatabaseError("two different statements are named '" + std::string(statement.name) +
                          "'");
    }
    return found->second;
  }
  Prepared fresh;
  fresh.handle = prepareRaw(rewriteDollarParameters(statement.sql), statement.name);
  fresh.sql = std::string(statement.sql);
  fresh.parameterCount = sqlite3_bind_parameter_count(fresh.handle);
  return statements_.emplace(std::string(statement.name), std::move(fresh)).first->second;
}

SqlResult SqliteConnection::execute(const Statement& statement, std::span<const SqlValue> params) {
  counter_->fetch_add(1, std::memory_order_relaxed);
  Prepared& entry = prepared(statement);
  sqlite3_stmt* handle = entry.handle;
  StatementReset reset(handle);
  if (params.size() != static_cast<std::size_t>(entry.parameterCount)) {
    throw DatabaseError("statement '" + std::string(statement.name) + "' takes " +
                        std::to_string(entry.parameterCount) + " parameters, not " +
                        std::to_string(params.size()));
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int code = bindValue(handle, static_cast<int>(i + 1), params[i]);
    if (code != SQLITE_OK) fail(code, statement.name);
  }

  SqlResult result;
  const int columns = sqlite3_column_count(handle);
  result.columns.reserve(static_cast<std::size_t>(columns));
  for (int column = 0; column < columns; ++column) {
    result.columns.emplace_back(sqlite3_column_name(handle, column));
  }
  for (;;) {
    const int code = sqlite3_step(handle);
    if (code == SQLITE_DONE) break;
    if (code != SQLITE_ROW) fail(code, statement.name);
    std::vector<SqlValue>& row = result.rows.emplace_back();
    row.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column)
      row.push_back(readColumn(handle, column));
  }
  if (sqlite3_stmt_readonly(handle) == 0) result.affectedRows = sqlite3_changes64(db_);
  return result;
}

void SqliteConnection::runControl(sqlite3_stmt* handle, std::string_view name) {
  counter_->fetch_add(1, std::memory_order_relaxed);
  const int code = sqlite3_step(handle);
  sqlite3_reset(handle);
  if (code != SQLITE_DONE) fail(code, name);
}

void SqliteConnection::rollback() noexcept {
  // Dropped callbacks are destroyed when this returns, after the ROLLBACK: destroying
  // one may run code (a change feed learns that its ticket will never be delivered).
  const std::vector<std::function<void()>> dropped = std::exchange(afterCommit_, {});
  inTransaction_ = false;
  // Some errors (SQLITE_FULL, SQLITE_IOERR, …) have already rolled the transaction back.
  if (sqlite3_get_autocommit(db_) != 0) return;
  counter_->fetch_add(1, std::memory_order_relaxed);
  if (rollback_ == nullptr && sqlite3_prepare_v3(db_, "ROLLBACK", -1, SQLITE_PREPARE_PERSISTENT,
                                                 &rollback_, nullptr) != SQLITE_OK) {
    broken_ = true;
    return;
  }
  if (sqlite3_step(rollback_) != SQLITE_DONE) broken_ = true;
  sqlite3_reset(rollback_);
}

void SqliteConnection::transaction(const std::function<void()>& body) {
  if (inTransaction_) throw DatabaseError("transactions do not nest");
  if (begin_ == nullptr) begin_ = prepareRaw("BEGIN IMMEDIATE", "BEGIN");
  if (commit_ == nullptr) commit_ = prepareRaw("COMMIT", "COMMIT");
  runControl(begin_, "BEGIN");
  inTransaction_ = true;
  try {
    body();
    runControl(commit_, "COMMIT");
  } catch (...) {
    rollback();
    throw;
  }
  inTransaction_ = false;
  std::vector<std::function<void()>> callbacks = std::exchange(afterCommit_, {});
  for (const auto& callback : callbacks) {
    // The change is durable: a misbehaving callback must not make it look failed.
    try {
      callback();
    } catch (...) {
    }
  }
}

void SqliteConnection::afterCommit(std::function<void()> callback) {
  if (inTransaction_) {
    afterCommit_.push_back(std::move(callback));
  } else {
    callback();
  }
}

}  // namespace mt::db
