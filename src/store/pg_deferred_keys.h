// Keys and foreign keys built once after a bulk load into empty PostgreSQL tables.
//
// Loading a national database row by row through COPY spent most of its time in per-row
// foreign-key triggers and index updates; pg_restore instead loads bare tables and then
// builds each primary key and index once and validates each foreign key with one join. A bulk
// load into empty tables does the same, inside its own transaction: if a key or reference
// does not hold, the whole load fails (duplicate key or missing parent, as a Conflict) and the
// tables, keys and data are exactly as before. Only empty tables owned by the current role
// are touched; normal writes always run with every constraint in place.
#pragma once

#include <string>
#include <vector>

#include "store/sql_connection.h"

namespace traguardi::sql {

struct DeferredKeys {
  std::vector<std::string> restore; // DDL re-creating what was dropped, in order
  bool active() const { return !restore.empty(); }
};

/// Drops the primary/unique keys, foreign keys and indexes of the empty tables of the current
/// schema (a key stays when a non-empty table still references it) and returns how to
/// re-create them. Must run inside the bulk load's transaction.
DeferredKeys drop_keys_of_empty_tables(Connection& c);

/// Re-creates (and so validates) what was dropped; empties `keys`.
void restore_keys(Connection& c, DeferredKeys& keys);

} // namespace traguardi::sql
