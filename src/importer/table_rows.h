// The FASI and INDICATORI tables that traguardi prints, as the text parser reads them.
//
// Every reader that recovers the cells of such a table (the PDF path by column position, the
// cell stream from table borders, HTML rows or one-cell-per-line text) knows a column by its
// printed label, never by its position, and writes each row in the line structure of the
// legacy sheets (seed-spec §3.1.5-3.1.6) with an explicit empty-cell mark where a value is
// missing. This file is that one table of labels and that one writer.
#pragma once

#include <string>
#include <vector>

namespace traguardi::importer {

enum class ColumnRole {
  description,
  weight,
  progress,
  planned_start,
  planned_end,
  responsible,
  center,
  note,
  actual_start,
  actual_end,
  type,
  target,
  actual,
  previous1,
  previous2,
};

/// The role of every column from its label ("Valore Raggiunto 2023" included), in the order
/// traguardi prints them; empty when the labels are not those of a FASI or INDICATORI table.
std::vector<ColumnRole> column_roles(const std::vector<std::string>& labels);

/// Whether the roles are those of a FASI table (a weight column).
bool is_phase_table(const std::vector<ColumnRole>& roles);

/// Appends one row (one text per column) in the legacy line structure: for a fase the
/// description, the value line, the note and the actual dates; for an indicator the description
/// and the value line with the note. Blocks are separated by empty lines.
void write_table_row(const std::vector<ColumnRole>& roles, const std::vector<std::string>& row,
                     std::string& out);

/// Texts joined by single spaces, empty ones skipped.
std::string join_cells(const std::vector<std::string>& texts);

} // namespace traguardi::importer
