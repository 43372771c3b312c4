// PostgreSQL back-end of the SQL surface: the server mode for many enti on one database.
//
// Plain libpq keeps every PostgreSQL call in one file (libpqxx changes its API between major
// versions). Statements are prepared once per connection (PQprepare) with text parameters;
// the '?' placeholders shared with SQLite become $1..$n here. Transactions run at REPEATABLE
// READ so that a load sees one snapshot, as on SQLite; a write that loses a race
// (serialization failure, deadlock, duplicate key) becomes Conflict, every other failure
// StoreError, always in Italian and never showing the password. In a bulk load, plain INSERTs
// are buffered and sent with COPY (about ten times faster than one round trip per row).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/pg_sql_text.h" // redact_postgres_url
#include "store/sql_connection.h"

namespace traguardi::sql {

/// Connects to a postgresql:// (or postgres://) URL. Throws StoreError
/// "impossibile connettersi a PostgreSQL: …" when the server cannot be reached or refuses.
std::unique_ptr<Connection> open_postgres(const std::string& url);

} // namespace traguardi::sql
