// SQLite back-end of the SQL surface: the embedded default store.
//
// Opens the file with WAL journaling, foreign keys on and a busy timeout, and refuses files
// that are not SQLite databases with one clear message instead of SQLite's "file is not a
// database" at the first query.
#pragma once

#include <memory>
#include <string>

#include "store/sql_connection.h"

namespace traguardi::sql {

/// Throws StoreError when the file cannot be opened or is not a SQLite database.
/// When `create` is false the file must exist.
std::unique_ptr<Connection> open_sqlite(const std::string& path, bool create);

} // namespace traguardi::sql
