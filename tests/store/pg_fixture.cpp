// A fresh PostgreSQL database per test, created on the server named by TRAGUARDI_TEST_PG_URL.
//
// Why a database and not a schema: it is what a deployment gets (docs/deploy.md), and it
// proves the store migrates an empty database by itself. The databases are dropped when the
// test binary exits; scripts/with-postgres removes the whole cluster anyway.
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "pg_fixture.h"
#include "store/pg_connection.h"

namespace traguardi::testing {
namespace {

struct CreatedDatabases {
  std::mutex mutex;
  std::vector<std::string> names;
  ~CreatedDatabases() {
    try {
      auto admin = sql::open_postgres(pg_admin_url());
      for (const auto& n : names)
        admin->execute(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", n));
    } catch (...) { // the cluster may already be gone; nothing to clean then
    }
  }
};

CreatedDatabases& created() {
  static CreatedDatabases c;
  return c;
}

} // namespace

std::string pg_admin_url() {
  const char* url = std::getenv("TRAGUARDI_TEST_PG_URL");
  return url ? url : "";
}

std::string pg_url_for(const std::string& database) {
  std::string base = pg_admin_url();
  std::string query;
  if (auto q = base.find('?'); q != std::string::npos) {
    query = base.substr(q);
    base.resize(q);
  }
  auto slash = base.find('/', base.find("://") + 3);
  if (slash != std::string::npos) base.resize(slash);
  return base + "/" + database + query;
}

std::string fresh_pg_database() {
  static std::atomic<int> counter{0};
  std::string name = fmt::format("traguardi_t{}_{}", getpid(), counter++);
  auto admin = sql::open_postgres(pg_admin_url());
  admin->execute(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
  admin->execute(fmt::format("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'", name));
  std::lock_guard lock(created().mutex);
  created().names.push_back(name);
  return name;
}

std::string fresh_pg_location() {
  return pg_url_for(fresh_pg_database());
}

} // namespace traguardi::testing
