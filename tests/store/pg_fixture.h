// Helpers for tests that need a real PostgreSQL server (TRAGUARDI_TEST_PG_URL, set by
// scripts/with-postgres): the store suite, the concurrency test, the pool and copy tests.
#pragma once

#include <string>

namespace traguardi::testing {

/// The admin URL from TRAGUARDI_TEST_PG_URL; empty when no test server is configured.
std::string pg_admin_url();
/// The admin URL pointed at another database on the same server.
std::string pg_url_for(const std::string& database);
/// Creates an empty database (dropped when the test binary exits) and returns its name.
std::string fresh_pg_database();
/// pg_url_for(fresh_pg_database()).
std::string fresh_pg_location();

} // namespace traguardi::testing
