#include "store/store.h"

#include <cctype>

#include "core/error.h"
#include "store/schema.h"
#include "store/sql_store.h"
#include "store/sqlite_connection.h"

#include "store/pg_sql_text.h" // redact_postgres_url, also without the PostgreSQL back-end

#ifdef TRAGUARDI_HAVE_POSTGRES
#include "store/pg_connection.h"
#endif

namespace traguardi {

bool is_postgres_url(std::string_view location) {
  // Case-insensitive like every URL scheme: "POSTGRESQL://" is a URL too, never a file name.
  auto starts = [&](std::string_view scheme) {
    if (location.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(location[i])) != scheme[i]) return false;
    return true;
  };
  return starts("postgresql://") || starts("postgres://");
}

std::string shown_location(const std::string& location) {
  if (is_postgres_url(location)) return sql::redact_postgres_url(location);
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
