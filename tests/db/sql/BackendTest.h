#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "Database.h"
#include "TestDatabases.h"

namespace mt::db::testing {

using mt::testing::Backend;

// A test case run once per backend, on a fresh scratch database opened with the
// scratch config (tests may adjust the config before open()).
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!mt::testing::backendAvailable(GetParam())) {
      if (HasFailure()) FAIL() << "PostgreSQL is required";
      GTEST_SKIP() << "no PostgreSQL for tests (set MINITWITTER_TEST_POSTGRES_URL)";
    }
    scratch_ = std::make_unique<mt::testing::ScratchDatabase>(GetParam());
    config_ = scratch_->config();
  }
  void TearDown() override {
    database_.reset();
    scratch_.reset();
  }

  // The scratch database, opened on first use with config_.
  Database& database() {
    if (!database_) database_ = openDatabase(config_);
    return *database_;
  }
  bool postgres() const { return GetParam() == Backend::PostgreSql; }

  std::unique_ptr<mt::testing::ScratchDatabase> scratch_;
  DatabaseConfig config_;
  std::unique_ptr<Database> database_;
};

inline std::string backendTestName(const ::testing::TestParamInfo<Backend>& info) {
  return mt::testing::backendName(info.param);
}

}  // namespace mt::db::testing

// Instantiates a BackendTest subclass for every test backend.
#define MT_INSTANTIATE_BACKEND_TEST(Fixture)                                                      \
  INSTANTIATE_TEST_SUITE_P(Backends, Fixture, ::testing::ValuesIn(::mt::testing::testBackends()), \
                           ::mt::db::testing::backendTestName)
