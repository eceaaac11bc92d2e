#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "DatabaseConfig.h"

namespace mt::testing {

// The backends a database test runs against: SQLite always; PostgreSQL when
// MINITWITTER_TEST_POSTGRES_URL names a server (`.ci/run` starts one with
// tools/postgres-cluster.sh). With MINITWITTER_REQUIRE_POSTGRES=1 a missing URL is a
// test failure, not a skip, so CI can never pass without PostgreSQL. Both backends are
// always listed (ctest discovers the cases at build time, when the URL may be unset):
// each case calls backendAvailable() to skip, or fail, when its backend is missing.
enum class Backend { Sqlite, PostgreSql };
std::vector<Backend> testBackends();
std::string backendName(Backend backend);  // "SQLite", "PostgreSQL": for test names
// How GoogleTest prints a Backend (in ctest's names of parameterised cases).
inline void PrintTo(Backend backend, std::ostream* out) {
  *out << backendName(backend);
}

// A fresh, empty database of one backend for one test: for SQLite a file in a new
// temporary folder; for PostgreSQL a new schema (random name) in the test server's
// database, selected through the URL's search_path, so tests run in parallel without
// seeing each other. Dropped (folder or schema) when destroyed.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(Backend backend);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  Backend backend() const noexcept { return backend_; }
  // A config for db::openDatabase (poolSize 4).
  db::DatabaseConfig config() const;
  // What `minitwitter serve --database` takes: the PostgreSQL URL with the schema
  // selected, or the SQLite file's path.
  std::string url() const;

 private:
  Backend backend_;
  std::filesystem::path folder_;  // SQLite
  std::string schema_;            // PostgreSQL
  std::string baseUrl_;           // PostgreSQL
};

// Skips the current test (GTEST_SKIP semantics are up to the caller) when the backend
// is not available; fails when it is required. Returns false if the test must stop.
bool backendAvailable(Backend backend);

}  // namespace mt::testing
