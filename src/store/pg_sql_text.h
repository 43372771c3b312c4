// Text transformations the PostgreSQL back-end applies to the SQL shared with SQLite.
//
// Kept apart from the libpq code so they can be tested without a server: placeholder
// numbering ('?' → $n), password redaction for messages, and the recognition and encoding of
// plain INSERTs that a bulk load turns into COPY rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/sql_connection.h"

namespace traguardi::sql {

/// Translates '?' placeholders to $1..$n, leaving quoted text and comments alone.
std::string number_placeholders(std::string_view sql, int* count = nullptr);

/// The URL with any password replaced by "***", for messages and logs.
std::string redact_postgres_url(std::string_view url);

/// "INSERT INTO t (a, b) VALUES (?, ?)" with only placeholders as values.
struct PlainInsert {
  std::string table;
  std::string columns; // "a, b", as written
  int params = 0;
};
std::optional<PlainInsert> parse_plain_insert(std::string_view sql);

/// Appends `v` as one field of COPY's text format (\N for NULL, backslash escapes).
void append_copy_field(std::string& out, const Value& v);

} // namespace traguardi::sql
