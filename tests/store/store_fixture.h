// The store suite runs once per back-end: one parametrised suite, not one copy per database.
//
// SQLite always runs (a fresh file per test). PostgreSQL runs when TRAGUARDI_TEST_PG_URL names a
// server the tests may create databases on (scripts/with-postgres starts a throwaway cluster
// and sets it), and is reported as skipped otherwise; each test gets a fresh database.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/store.h"

namespace traguardi::testing {

/// "sqlite", plus "postgresql" when built with PostgreSQL support.
std::vector<std::string> store_backends();
/// False for "postgresql" when no test server is configured (the test is then skipped).
bool backend_available(const std::string& backend);

/// A new, empty database location for `backend`, unique to the running test.
std::string fresh_location(const std::string& backend);

class StoreTest : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    if (!backend_available(GetParam()))
      GTEST_SKIP() << "TRAGUARDI_TEST_PG_URL non impostata: eseguire con scripts/with-postgres";
    location_ = fresh_location(GetParam());
  }
  std::unique_ptr<Store> open(OpenMode mode = OpenMode::create) {
    return open_store(location_, mode);
  }
  std::string location_;
};

} // namespace traguardi::testing
