// One schema description for every back-end, with forward migrations.
//
// The tables are written once with dialect tokens ({INT}, {TEXT}, {STRICT}, {ID}) that each
// back-end expands, so SQLite and PostgreSQL cannot drift apart. Every table carries the ente
// (tenant key) as the first column of its primary key: a distributed PostgreSQL can shard by
// ente without redesign. Decimals are stored as integer micro-units (exact, summable in SQL),
// dates as ISO text. `schema_meta` records the version; migrations only move forward.
#pragma once

#include <string>
#include <vector>

#include "store/sql_connection.h"

namespace traguardi::sql {

/// The version this build writes and reads.
constexpr int kSchemaVersion = 7;
/// Marker stored in schema_meta to recognise a traguardi database.
constexpr const char* kApplicationId = "traguardi";

/// Migration steps; step k (1-based) brings a database from version k-1 to k.
const std::vector<std::string>& migration_steps();

/// Expands the dialect tokens of a schema script.
std::string expand(const std::string& script, Dialect d);

/// Creates or migrates the schema. Throws StoreError for a foreign database (tables but no
/// schema_meta) or a newer schema version than this build knows.
/// When `create` is false, an empty database is an error too.
void ensure_schema(Connection& c, bool create, const std::string& location);

/// Version stored in the database (0 when none).
int stored_schema_version(Connection& c);

} // namespace traguardi::sql
