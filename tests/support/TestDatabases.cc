#include "TestDatabases.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>
#include <system_error>

#include "PostgresUrl.h"

namespace mt::testing {
namespace {

std::string environment(const char* name) {
  // NOLINTNEXTLINE(concurrency-mt-unsafe): tests read the environment, none writes it.
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string postgresUrl() {
  return environment("MINITWITTER_TEST_POSTGRES_URL");
}

bool postgresRequired() {
  return environment("MINITWITTER_REQUIRE_POSTGRES") == "1";
}

constexpr const char* kMissingPostgres =
    "MINITWITTER_REQUIRE_POSTGRES=1 but MINITWITTER_TEST_POSTGRES_URL is not set: start one "
    "with tools/postgres-cluster.sh start DIR and export the URL it prints";

std::string randomSchemaName() {
  std::random_device device;
  std::uniform_int_distribution<int> digit(0, 35);
  std::string name = "mt_test_";
  for (int i = 0; i < 16; ++i)
    name += "0123456789abcdefghijklmnopqrstuvwxyz"[digit(device)];
  return name;
}

}  // namespace

std::vector<Backend> testBackends() {
  // PostgreSQL is always listed: ctest learns the cases when the tests are built, and
  // the URL may only be there when they run. backendAvailable() skips (or, when
  // PostgreSQL is required, fails) the cases that cannot run.
  return {Backend::Sqlite, Backend::PostgreSql};
}

std::string backendName(Backend backend) {
  return backend == Backend::Sqlite ? "SQLite" : "PostgreSQL";
}

bool backendAvailable(Backend backend) {
  if (backend == Backend::Sqlite || !postgresUrl().empty()) return true;
  if (postgresRequired()) ADD_FAILURE() << kMissingPostgres;
  return false;
}

ScratchDatabase::ScratchDatabase(Backend backend) : backend_(backend) {
  if (backend == Backend::Sqlite) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "minitwitter-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp");
    }
    folder_ = pattern;
    return;
  }
  baseUrl_ = postgresUrl();
  if (baseUrl_.empty()) {
    throw std::runtime_error(postgresRequired()
                                 ? kMissingPostgres
                                 : "no PostgreSQL for tests (MINITWITTER_TEST_POSTGRES_URL)");
  }
  schema_ = randomSchemaName();
  pqxx::connection connection(baseUrl_);
  pqxx::nontransaction work(connection);
  work.exec("CREATE SCHEMA " + connection.quote_name(schema_));
  work.commit();
}

ScratchDatabase::~ScratchDatabase() {
  if (backend_ == Backend::Sqlite) {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
    return;
  }
  try {
    pqxx::connection connection(baseUrl_);
    pqxx::nontransaction work(connection);
    work.exec("DROP SCHEMA IF EXISTS " + connection.quote_name(schema_) + " CASCADE");
    work.commit();
  } catch (const std::exception& error) {
    ADD_FAILURE() << "could not drop the test schema " << schema_ << ": " << error.what();
  }
}

db::DatabaseConfig ScratchDatabase::config() const {
  db::DatabaseConfig config;
  config.poolSize = 4;
  if (backend_ == Backend::Sqlite) {
    config.dialect = db::Dialect::Sqlite;
    config.sqlitePath = folder_ / "minitwitter.db";
  } else {
    config.dialect = db::Dialect::PostgreSql;
    config.postgresUrl = url();
  }
  return config;
}

std::string ScratchDatabase::url() const {
  if (backend_ == Backend::Sqlite) return (folder_ / "minitwitter.db").string();
  return db::addConnectionParameter(baseUrl_, "options", "-csearch_path=" + schema_);
}

}  // namespace mt::testing
