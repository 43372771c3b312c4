#include "store/store.h"

#include "core/error.h"
#include "store/schema.h"
#include "store/sql_store.h"
#include "store/sqlite_connection.h"

#ifdef TRAGUARDI_HAVE_POSTGRES
#include "store/pg_connection.h"
#endif

namespace traguardi {

bool is_postgres_url(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string shown_location(const std::string& location) {
#ifdef TRAGUARDI_HAVE_POSTGRES
  if (is_postgres_url(location)) return sql::redact_postgres_url(location);
#endif
  return location;
}

std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode) {
  const bool create = mode == OpenMode::create;
  std::unique_ptr<sql::Connection> conn;
  const std::string shown = shown_location(location); // messages never show a password
  if (is_postgres_url(location)) {
#ifdef TRAGUARDI_HAVE_POSTGRES
    conn = sql::open_postgres(location);
#else
    throw StoreError("questa build di traguardi non include il supporto PostgreSQL");
#endif
  } else {
    conn = sql::open_sqlite(location, create);
  }
  sql::ensure_schema(*conn, create, shown);
  return std::make_unique<sql::SqlStore>(std::move(conn), shown);
}

} // namespace traguardi
