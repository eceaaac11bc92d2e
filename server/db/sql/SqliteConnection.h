#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "SqlConnection.h"
#include "StatementCounter.h"

struct sqlite3;
struct sqlite3_stmt;

namespace mt::db {

// One connection to a SQLite file, through the C API. Opened in WAL mode (readers and
// the one writer do not block each other) with synchronous=NORMAL, which survives a
// process kill (what the server promises; a power cut may lose the last commits),
// foreign keys enforced, and a busy timeout for the write lock. Statements are prepared
// once per connection and kept by name. Several connections to one file may be used
// from several threads, each by one thread at a time.
class SqliteConnection final : public SqlConnection {
 public:
  // Creates the file's folder if missing. Throws DatabaseError when the file cannot be
  // opened or configured.
  SqliteConnection(const std::filesystem::path& file, std::chrono::milliseconds busyTimeout,
                   SharedStatementCounter counter);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const noexcept override { return Dialect::Sqlite; }
  using SqlConnection::execute;
  SqlResult execute(const Statement& statement, std::span<const SqlValue> params) override;
  void transaction(const std::function<void()>& body) override;
  void afterCommit(std::function<void()> callback) override;
  bool broken() const noexcept override { return broken_; }

 private:
  struct Prepared {
    sqlite3_stmt* handle = nullptr;
    std::string sql;  // as written ($N), to catch two statements sharing a name
    int parameterCount = 0;
  };

  Prepared& prepared(const Statement& statement);
  sqlite3_stmt* prepareRaw(std::string_view sql, std::string_view name);
  void runControl(sqlite3_stmt* handle, std::string_view name);  // BEGIN, COMMIT, ROLLBACK
  void rollback() noexcept;
  [[noreturn]] void fail(int code, std::string_view statementName);

  sqlite3* db_ = nullptr;
  SharedStatementCounter counter_;
  std::map<std::string, Prepared, std::less<>> statements_;
  sqlite3_stmt* begin_ = nullptr;
  sqlite3_stmt* commit_ = nullptr;
  sqlite3_stmt* rollback_ = nullptr;
  bool inTransaction_ = false;
  bool broken_ = false;
  std::vector<std::function<void()>> afterCommit_;
};

}  // namespace mt::db
