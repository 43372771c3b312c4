// Writing a Dataset into the tables of schema.h and reading it back.
//
// Kept apart from the transaction and concurrency logic of sql_store.cpp so that the column
// mapping can be read in one place. Both functions expect to run inside a transaction.
#pragma once

#include <optional>
#include <string_view>

#include "core/model.h"
#include "store/sql_connection.h"

namespace traguardi::sql {

/// Inserts every row of `d` (the ente must not exist yet).
void write_dataset(Connection& c, const Dataset& d);
/// Reads everything of one ente; nullopt when the ente is unknown.
std::optional<Dataset> read_dataset(Connection& c, std::string_view ente);

} // namespace traguardi::sql
