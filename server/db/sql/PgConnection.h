#pragma once

#include <functional>
#include <map>
#include <memory>
#include <pqxx/connection>
#include <pqxx/transaction>
#include <string>
#include <string_view>
#include <vector>

#include "SqlConnection.h"
#include "StatementCounter.h"

namespace mt::db {

// Makes libpqxx leave a lost connection lost (see PgConnection.cc); the change feed's
// listener connection uses it too.
void inhibitReactivation(pqxx::connection_base& connection);

// One connection to PostgreSQL through libpqxx 6. Each Statement is prepared on the
// server the first time this connection runs it. Outside transaction() a statement
// runs on its own (autocommit); inside, in the open transaction. A lost connection
// marks it broken() and surfaces as DatabaseUnavailable; the pool then replaces it.
class PgConnection final : public SqlConnection {
 public:
  // `url` is a libpq connection string (connect_timeout included by the caller).
  // Throws DatabaseUnavailable when the server cannot be reached.
  PgConnection(const std::string& url, SharedStatementCounter counter);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const noexcept override { return Dialect::PostgreSql; }
  using SqlConnection::execute;
  SqlResult execute(const Statement& statement, std::span<const SqlValue> params) override;
  void transaction(const std::function<void()>& body) override;
  void afterCommit(std::function<void()> callback) override;
  bool broken() const noexcept override { return broken_; }

 private:
  struct Prepared {
    std::string sql;
    int parameterCount = 0;
    // PostgreSQL counts the rows a SELECT returns as affected; the contract (and
    // SQLite) only count changed rows.
    bool countsAffectedRows = true;
  };

  const Prepared& prepared(const Statement& statement);
  // Turns whatever libpqxx threw into the DatabaseError family, marking the
  // connection broken when it is gone. Call from a catch block.
  [[noreturn]] void rethrowTranslated(std::string_view statementName);
  void requireUsable() const;

  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pqxx::work> transaction_;
  SharedStatementCounter counter_;
  std::map<std::string, Prepared, std::less<>> statements_;
  std::vector<std::function<void()>> afterCommit_;
  bool broken_ = false;
};

}  // namespace mt::db
