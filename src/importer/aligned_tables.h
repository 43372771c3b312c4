// Tables laid out in columns padded with spaces, as w3m prints an HTML table.
//
// w3m draws no border and no row separator: every cell wraps inside its column, top-aligned,
// so a row starts on the line where the column that every row fills (Peso for FASI, Tipo for
// INDICATORI) has text. Columns are the character positions that hold text on some line of the
// table, between positions that are blank on every line (issue 9).
#pragma once

#include <cstddef>
#include <vector>

#include "importer/table_blocks.h"

namespace traguardi::importer {

/// A table caption at lines[i] ("FASI", "INDICATORI", "DATI CALCOLATI", "Strutture coinvolte"),
/// then its column labels and rows laid out in columns: fills `table` and returns the index
/// after the table, or i.
std::size_t aligned_table(const std::vector<TextLine>& lines, std::size_t i, CellTable& table);

} // namespace traguardi::importer
