// Writing and reading the Piano di Zona part of a Dataset (district plan, level definitions,
// territorial statistics) in the tables of migration step 2 (schema.cpp).
//
// Kept apart from dataset_writer/dataset_reader so that the objective tree's column mapping and
// the district's do not grow into one file. Both run inside the caller's transaction.
#pragma once

#include <string>

#include "core/model.h"
#include "store/sql_connection.h"

namespace traguardi::sql {

void write_district_rows(Connection& c, const Dataset& d);
/// Fills d.vistas[*].level_definitions, d.district and d.statistics for ente d.ente.code.
void read_district_rows(Connection& c, Dataset& d);

} // namespace traguardi::sql
